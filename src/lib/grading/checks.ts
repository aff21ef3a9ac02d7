/**
 * Evaluating one check. Each kind says which question it asks: "is" kinds
 * (ticket, due, queue, visible, access) read the current state; "happened"
 * kinds (happened, never, refused, succeeded, mail, bind) read the event log,
 * the journal or the outbox (facts.ts). Every result also says whether the
 * learner has touched what the check is about, so a check that holds by
 * default earns nothing on its own.
 */
import {
	canSee,
	formatSimTime,
	queueRule,
	readWorld,
	settingsOf,
	stateOf,
	visibleTickets,
	type Ticket
} from '../domain';
import { personName } from '../scenarios/bindings';
import type { Check, CheckOf, TicketField } from '../scenarios/types';
import { durationMinutes, parseTime } from '../scenarios/world';
import type { GradeContext } from './context';
import { displayValue, FIELD_LABELS } from './describe';
import { bindCheck, happenedCheck, journalCheck, mailCheck, neverCheck } from './facts';
import { boundTicket, isResult, result, type CheckResult } from './result';

function fieldValue(ticket: Ticket, field: TicketField): string | boolean | null {
	switch (field) {
		case 'priority':
			return ticket.priority;
		case 'sla':
			return ticket.slaId;
		case 'dept':
			return ticket.deptId;
		case 'topic':
			return ticket.topicId;
		case 'status':
			return ticket.status;
		case 'state':
			return stateOf(ticket);
		case 'agent':
			return ticket.assigneeAgentId;
		case 'team':
			return ticket.assigneeTeamId;
		case 'source':
			return ticket.source;
		case 'overdue':
			return ticket.overdue;
		case 'answered':
			return ticket.answered;
		case 'subject':
			return ticket.subject;
		case 'user':
			return ticket.userId;
	}
}

const normalize = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

function sameValue(actual: unknown, expected: unknown, field: TicketField): boolean {
	if (actual === expected) return true;
	if (actual === null || expected === null || actual === undefined) return false;
	if (field === 'subject') return normalize(String(actual)) === normalize(String(expected));
	if (field === 'source' || field === 'state')
		return String(actual).toLowerCase() === String(expected).toLowerCase();
	return String(actual) === String(expected);
}

/** Whether the learner set the field: a change of it, or a choice made when opening the ticket. */
function fieldTouched(ctx: GradeContext, ticket: Ticket, field: TicketField): boolean {
	const touched = ctx.touchedFields(ticket.id);
	if (field === 'overdue') return touched.has('sla') || touched.has('status');
	return touched.has(field);
}

function ticketCheck(ctx: GradeContext, check: CheckOf<'ticket'>): CheckResult {
	const bound = boundTicket(ctx, check.ticket);
	if (isResult(bound)) return bound;
	const actual = fieldValue(bound.ticket, check.field);
	const expected = check.in ?? [check.equals ?? null];
	const ok = expected.some((e) => sameValue(actual, e, check.field));
	const shown = expected.map((e) => displayValue(ctx.world, check.field, e)).join(' or ');
	const values = { actual: displayValue(ctx.world, check.field, actual), expected: shown };
	return result(check, ok, `The ${FIELD_LABELS[check.field]} is ${values.actual}.`, values, {
		touched: fieldTouched(ctx, bound.ticket, check.field)
	});
}

/** "+4h": that long after the ticket was opened; otherwise an ISO 8601 time. */
function dueTarget(text: string, ticket: Ticket): number {
	const relative = /^\+\s*(.+)$/.exec(text.trim());
	if (relative) return ticket.createdAt + durationMinutes(relative[1] as string) * 60_000;
	return parseTime(text);
}

/** A due time in the app's one date format, in the help desk's time zone. */
function formatTime(ctx: GradeContext, at: number | null): string {
	return at === null ? 'none' : formatSimTime(at, settingsOf(ctx.world).timezone);
}

function dueCheck(ctx: GradeContext, check: CheckOf<'due'>): CheckResult {
	const bound = boundTicket(ctx, check.ticket);
	if (isResult(bound)) return bound;
	const ticket = bound.ticket;
	const due = ticket.dueAt;
	const tests: [string | undefined, (due: number, target: number) => boolean, string][] = [
		[check.equals, (d, t) => d === t, ''],
		[check.before, (d, t) => d < t, 'before '],
		[check.after, (d, t) => d > t, 'after ']
	];
	const wanted = tests.filter(([target]) => target !== undefined);
	const ok =
		due !== null &&
		wanted.every(([target, test]) => test(due, dueTarget(target as string, ticket)));
	const expected = wanted
		.map(([target, , word]) => `${word}${formatTime(ctx, dueTarget(target as string, ticket))}`)
		.join(' and ');
	const touched = ctx.world.events.some(
		(e) =>
			e.ticketId === ticket.id &&
			ctx.byLearner(e) &&
			((e.type === 'ticket.edited' && ['slaId', 'manualDueAt', 'topicId'].includes(e.data.field)) ||
				e.type === 'ticket.transferred' ||
				e.type === 'ticket.reopened')
	);
	const values = { actual: formatTime(ctx, due), expected };
	return result(check, ok, `The due date is ${values.actual}.`, values, { touched });
}

function queueCheck(ctx: GradeContext, check: CheckOf<'queue'>): CheckResult {
	const bound = boundTicket(ctx, check.ticket);
	if (isResult(bound)) return bound;
	const person = ctx.person(check.agent);
	const agentId = person.kind === 'agent' ? person.id : '';
	const reader = readWorld(ctx.world);
	const inQueue =
		visibleTickets(reader, agentId).some((t) => t.id === bound.ticket.id) &&
		queueRule(reader, check.queue, agentId)(bound.ticket);
	const want = check.in ?? true;
	const who = personName(ctx.world, person);
	const values = {
		actual: inQueue ? 'in it' : 'not in it',
		expected: want ? 'in it' : 'not in it'
	};
	return result(
		check,
		inQueue === want,
		`The ticket is ${want ? '' : 'not '}in ${who}'s ${check.queue} queue.`,
		values
	);
}

function visibleCheck(ctx: GradeContext, check: CheckOf<'visible'>): CheckResult {
	const bound = boundTicket(ctx, check.ticket);
	if (isResult(bound)) return bound;
	const person = ctx.person(check.agent);
	const agent = person.kind === 'agent' ? ctx.world.agents[person.id] : undefined;
	const seen = agent ? canSee(readWorld(ctx.world), agent, bound.ticket) : false;
	const who = personName(ctx.world, person);
	const values = {
		actual: seen ? 'visible' : 'hidden',
		expected: check.equals ? 'visible' : 'hidden'
	};
	return result(
		check,
		seen === check.equals,
		`The ticket is ${seen ? 'visible' : 'hidden'} to ${who}.`,
		values
	);
}

function accessCheck(ctx: GradeContext, check: CheckOf<'access'>): CheckResult {
	const person = ctx.person(check.agent);
	const agent = person.kind === 'agent' ? ctx.world.agents[person.id] : undefined;
	const roleId = !agent
		? null
		: agent.deptId === check.dept
			? agent.roleId
			: (agent.access.find((a) => a.deptId === check.dept)?.roleId ?? null);
	const roleName = (id: string | null) => (id ? (ctx.world.roles[id]?.name ?? id) : 'no access');
	const dept = ctx.world.departments[check.dept]?.name ?? check.dept;
	const values = { actual: roleName(roleId), expected: roleName(check.role) };
	const touched = ctx.world.events.some(
		(e) =>
			ctx.byLearner(e) &&
			(((e.type === 'access.granted' || e.type === 'access.revoked') &&
				e.data.agentId === agent?.id) ||
				(e.type === 'admin.updated' && e.data.entity === 'agent' && e.data.id === agent?.id))
	);
	return result(
		check,
		roleId === check.role,
		`${personName(ctx.world, person)} has ${values.actual} in ${dept}.`,
		values,
		{ touched }
	);
}

function anyCheck(ctx: GradeContext, check: CheckOf<'any'>): CheckResult {
	const results = check.checks.map((c) => evaluate(ctx, c));
	const passed = results.filter((r) => r.ok);
	const at = passed.map((r) => r.at).filter((a): a is number => a !== null);
	const evidence = results.flatMap((r) => r.evidence ?? []);
	return result(
		check,
		passed.length > 0,
		passed[0]?.message ?? '',
		{ actual: results.map((r) => r.message).join(' / ') },
		{
			at: at.length ? Math.min(...at) : null,
			touched: results.some((r) => r.touched),
			evidence
		}
	);
}

/** Evaluate a check against the world, the journal and the outbox. */
export function evaluate(ctx: GradeContext, check: Check): CheckResult {
	switch (check.kind) {
		case 'bind':
			return bindCheck(ctx, check);
		case 'ticket':
			return ticketCheck(ctx, check);
		case 'due':
			return dueCheck(ctx, check);
		case 'happened':
			return happenedCheck(ctx, check);
		case 'never':
			return neverCheck(ctx, check);
		case 'refused':
		case 'succeeded':
			return journalCheck(ctx, check);
		case 'queue':
			return queueCheck(ctx, check);
		case 'visible':
			return visibleCheck(ctx, check);
		case 'access':
			return accessCheck(ctx, check);
		case 'mail':
			return mailCheck(ctx, check);
		case 'any':
			return anyCheck(ctx, check);
	}
}
