/**
 * Names for ids, as a trainee reads them on screen ("Jane Doe", "SysAdmins",
 * "SEV-A"). View helpers only: nothing here decides what anyone may see or do.
 */
import {
	agentName,
	formatSimTime,
	settingsOf,
	isPriorityId,
	isStatusId,
	priorityOf,
	statusOf,
	type Actor,
	type Id,
	type Reader,
	type Referral
} from '$lib/domain';

export const NONE = '—';

export function agentLabel(r: Reader, id: Id | null | undefined): string {
	const agent = r.get('agents', id);
	return agent ? agentName(agent) : (id ?? NONE);
}

export function teamLabel(r: Reader, id: Id | null | undefined): string {
	return r.get('teams', id)?.name ?? id ?? NONE;
}

export function deptLabel(r: Reader, id: Id | null | undefined): string {
	return r.get('departments', id)?.name ?? id ?? NONE;
}

export function roleLabel(r: Reader, id: Id | null | undefined): string {
	return r.get('roles', id)?.name ?? id ?? NONE;
}

export function slaLabel(r: Reader, id: Id | null | undefined): string {
	return r.get('slas', id)?.name ?? id ?? NONE;
}

export function topicLabel(r: Reader, id: Id | null | undefined): string {
	return r.get('topics', id)?.name ?? id ?? NONE;
}

export function userLabel(r: Reader, id: Id | null | undefined): string {
	return r.get('users', id)?.name ?? id ?? NONE;
}

export function priorityLabel(id: string | null | undefined): string {
	return isPriorityId(id) ? priorityOf(id).name : (id ?? NONE);
}

export function statusLabel(id: string | null | undefined): string {
	return isStatusId(id) ? statusOf(id).name : (id ?? NONE);
}

/** "Jane Doe / Online Banking Team", or null when nobody is assigned. */
export function assigneeLabel(
	r: Reader,
	agentId: Id | null | undefined,
	teamId: Id | null | undefined
): string | null {
	const parts = [agentId ? agentLabel(r, agentId) : null, teamId ? teamLabel(r, teamId) : null];
	const text = parts.filter(Boolean).join(' / ');
	return text || null;
}

export function referralLabel(r: Reader, to: Referral): string {
	switch (to.kind) {
		case 'agent':
			return agentLabel(r, to.id);
		case 'team':
			return teamLabel(r, to.id);
		case 'department':
			return `the ${deptLabel(r, to.id)} department`;
	}
}

export function actorLabel(r: Reader, actor: Actor): string {
	switch (actor.role) {
		case 'agent':
		case 'admin':
			return agentLabel(r, actor.id);
		case 'end-user':
			return userLabel(r, actor.id);
		case 'system':
			return 'the system';
	}
}

/** A simulated time as the help desk shows it: Deskdrill's one format, in the desk's time zone. */
export function timeLabel(r: Reader, at: number | null | undefined): string {
	return at == null ? NONE : formatSimTime(at, settingsOf(r).timezone);
}

/** A time on the learner's own clock (when they started, when they acted), in the same format. */
export function wallTimeLabel(at: number): string {
	return formatSimTime(at, Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** The desk's clock with its zone spelled out, for the lab bar ("Mar 2, 2026, 9:00 AM UTC"). */
export function clockLabel(r: Reader): string {
	const zone = settingsOf(r).timezone;
	return `${formatSimTime(r.meta.clock, zone)} ${zone.replace(/_/g, ' ')}`;
}

/** Machine-readable form of a simulated time, for <time datetime>. */
export function isoTime(at: number): string {
	return new Date(at).toISOString();
}
