/**
 * View model of Settings → System and Settings → Tickets: the draft a page
 * edits, taken from the world's settings, and the settings.update command it
 * sends. Which tab of the Tickets page holds each field, so a refusal can
 * show it. The domain (settings-commands.ts) checks and applies the change.
 */
import {
	settingsOf,
	type Command,
	type PriorityId,
	type Reader,
	type SettingsChanges
} from '$lib/domain';
import { scheduleDraft, scheduleOf, type ScheduleDraft } from './schedule-form';

export interface SystemDraft {
	timezone: string;
	schedule: ScheduleDraft;
}

export interface TicketsDraft {
	defaultPriority: PriorityId;
	/** '' is "— None —". */
	defaultSlaId: string;
	autoClaimTickets: boolean;
	autoReferClosed: boolean;
	autoRespondNewTicket: boolean;
	alertAdmins: boolean;
}

export function systemDraft(r: Reader): SystemDraft {
	const s = settingsOf(r);
	return { timezone: s.timezone, schedule: scheduleDraft(s.defaultSchedule) };
}

export function ticketsDraft(r: Reader): TicketsDraft {
	const s = settingsOf(r);
	return {
		defaultPriority: s.defaultPriority,
		defaultSlaId: s.defaultSlaId ?? '',
		autoClaimTickets: s.autoClaimTickets,
		autoReferClosed: s.autoReferClosed,
		autoRespondNewTicket: s.autoRespondNewTicket,
		alertAdmins: s.alertAdmins
	};
}

export function systemCommand(draft: SystemDraft): Command {
	const changes: SettingsChanges = { timezone: draft.timezone };
	// The default schedule is never "none": the form offers 24/7 and business hours only.
	const schedule = scheduleOf(draft.schedule);
	if (schedule) changes.defaultSchedule = schedule;
	return { type: 'settings.update', changes };
}

export function ticketsCommand(draft: TicketsDraft): Command {
	return {
		type: 'settings.update',
		changes: { ...draft, defaultSlaId: draft.defaultSlaId || null }
	};
}

/** The tabs of Settings → Tickets that Deskdrill has (settings-tickets.inc.php: Settings, Autoresponder, Alerts and Notices). */
export const TICKETS_TABS = [
	{ id: 'settings', label: 'Settings' },
	{ id: 'autoresp', label: 'Autoresponder' },
	{ id: 'alerts', label: 'Alerts and Notices' }
] as const;

export type TicketsTab = (typeof TICKETS_TABS)[number]['id'];

/** The tab a field of the Tickets page is on. */
export function tabOfField(field: string | undefined): TicketsTab {
	if (field === 'autoRespondNewTicket') return 'autoresp';
	if (field === 'alertAdmins') return 'alerts';
	return 'settings';
}

/** Every IANA time zone the browser knows, with the current one first among equals if it is missing. */
export function timeZones(current: string): string[] {
	const known =
		typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
	return known.includes(current) ? known : [current, ...known];
}
