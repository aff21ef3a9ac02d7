/**
 * Evaluating one check. Each kind says which question it asks: "is" kinds
 * (ticket, queue, visible, access) read the current state; "happened" kinds
 * (happened, never, refused, succeeded, mail) read the event log, the journal
 * or the outbox. A result carries the place on the time line of the fact that
 * satisfied it, so steps can be ordered ("after").
 */
import {
	agentName,
	canSee,
	priorityOf,
	queueRule,
	readWorld,
	stateOf,
	statusOf,
	visibleTickets,
	type DomainEvent,
	type Ticket,
	type World
} from '../domain';
import type { Check, CheckOf, EventMatch, TicketField, WhereValue } from '../scenarios/types';
import { actorIs, describeBinding, personName, type GradeContext } from './context';
import { describeText, matchesText } from './text';

export interface CheckResult {
	ok: boolean;
	message: string;
	/** Place on the time line of the fact that satisfied the check, if it is a fact. */
	at: number | null;
}

export function fill(template: string, values: Record<string, string>): string {
	return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function result(
	check: Check,
	ok: boolean,
	passText: string,
	values: Record<string, string>,
	at: number | null = null
): CheckResult {
	// Checks nested in "any" may leave out their own failure message.
	const message = ok
		? fill(check.pass ?? passText, values)
		: fill((check.fail as string | undefined) ?? 'Not done.', values);
	return { ok, message, at: ok ? at : null };
}

/** The ticket a check names, or a failing result that says it was never found. */
function boundTicket(
	ctx: GradeContext,
	check: Check,
	name: string
): { ticket: Ticket; at: number | null } | CheckResult {
	const binding = ctx.bindings.get(name);
	const ticket = binding?.ticketId ? ctx.world.tickets[binding.ticketId] : undefined;
	if (binding && ticket) return { ticket, at: binding.at };
	const why = binding?.failure || `There is no ticket “${name}” yet.`;
	return { ok: false, message: why, at: null };
}

const isResult = (x: unknown): x is CheckResult => typeof x === 'object' && x !== null && 'ok' in x;

// ---------------------------------------------------------------- "is"

const FIELD_LABELS: Record<TicketField, string> = {
	priority: 'priority',
	sla: 'SLA plan',
	dept: 'department',
	topic: 'help topic',
	status: 'status',
	state: 'state',
	agent: 'assigned agent',
	team: 'assigned team',
	source: 'source',
	overdue: 'overdue flag',
	answered: 'answered flag',
	subject: 'subject',
	user: 'user'
};

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

/** How a field's value reads to a trainee: names, not ids. */
export function displayValue(world: World, field: TicketField, value: unknown): string {
	if (value === null || value === undefined || value === '') return 'none';
	const id = String(value);
	switch (field) {
		case 'priority':
			try {
				return priorityOf(id as never).name;
			} catch {
				return id;
			}
		case 'sla':
			return world.slas[id]?.name ?? id;
		case 'dept':
			return world.departments[id]?.name ?? id;
		case 'topic':
			return world.topics[id]?.name ?? id;
		case 'status':
			try {
				return statusOf(id as never).name;
			} catch {
				return id;
			}
		case 'agent': {
			const agent = world.agents[id];
			return agent ? agentName(agent) : id;
		}
		case 'team':
			return world.teams[id]?.name ?? id;
		case 'user':
			return world.users[id]?.name ?? id;
		case 'overdue':
		case 'answered':
			return value ? 'yes' : 'no';
		default:
			return id;
	}
}

function sameValue(actual: unknown, expected: unknown, field: TicketField): boolean {
	if (actual === expected) return true;
	if (actual === null || expected === null || actual === undefined) return false;
	if (field === 'subject') return normalize(String(actual)) === normalize(String(expected));
	if (field === 'source' || field === 'state')
		return String(actual).toLowerCase() === String(expected).toLowerCase();
	return String(actual) === String(expected);
}

const normalize = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

function ticketCheck(ctx: GradeContext, check: CheckOf<'ticket'>): CheckResult {
	const bound = boundTicket(ctx, check, check.ticket);
	if (isResult(bound)) return bound;
	const actual = fieldValue(bound.ticket, check.field);
	const expected = check.in ?? [check.equals ?? null];
	const ok = expected.some((e) => sameValue(actual, e, check.field));
	const shown = expected.map((e) => displayValue(ctx.world, check.field, e)).join(' or ');
	const values = { actual: displayValue(ctx.world, check.field, actual), expected: shown };
	return result(check, ok, `The ${FIELD_LABELS[check.field]} is ${values.actual}.`, values);
}

function queueCheck(ctx: GradeContext, check: CheckOf<'queue'>): CheckResult {
	const bound = boundTicket(ctx, check, check.ticket);
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
	const bound = boundTicket(ctx, check, check.ticket);
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
	return result(
		check,
		roleId === check.role,
		`${personName(ctx.world, person)} has ${values.actual} in ${dept}.`,
		values
	);
}

// ---------------------------------------------------------------- "happened"

/** The text an event carries, for text matching. */
export function eventText(event: DomainEvent): string {
	switch (event.type) {
		case 'ticket.message':
		case 'ticket.response':
			return event.data.body;
		case 'ticket.note':
			return `${event.data.title}\n${event.data.body}`;
		case 'ticket.assigned':
		case 'ticket.transferred':
		case 'ticket.referred':
			return event.data.comment;
		case 'ticket.created':
			return event.data.subject;
		case 'ticket.edited':
			return String(event.data.after ?? '');
		default:
			return '';
	}
}

function sameScalar(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (a === null || b === null || a === undefined || b === undefined) return false;
	if (typeof a === 'object') return sameScalar((a as { id?: unknown }).id, b);
	return String(a) === String(b);
}

function whereMatches(
	data: Record<string, unknown>,
	where: Record<string, WhereValue> | undefined
): boolean {
	if (!where) return true;
	return Object.entries(where).every(([key, wanted]) => {
		const actual = data[key];
		const options = Array.isArray(wanted) ? wanted : [wanted];
		return options.some((w) => sameScalar(actual, w));
	});
}

export function eventMatches(
	ctx: GradeContext,
	event: DomainEvent,
	match: EventMatch,
	ticketId: string | null
): boolean {
	if (event.type !== match.event) return false;
	if (ticketId !== null && event.ticketId !== ticketId) return false;
	if (match.by !== undefined && !actorIsRef(ctx, event.actor, match.by)) return false;
	if (!whereMatches(event.data as unknown as Record<string, unknown>, match.where)) return false;
	return matchesText(eventText(event), match.text);
}

function actorIsRef(ctx: GradeContext, actor: DomainEvent['actor'], ref: string): boolean {
	return actorIs(actor, ctx.person(ref));
}

/** The ticket id an event match is about: null for any ticket, or a failing result. */
function matchTicket(
	ctx: GradeContext,
	check: Check,
	name: string | undefined
): string | null | CheckResult {
	if (name === undefined) return null;
	const bound = boundTicket(ctx, check, name);
	return isResult(bound) ? bound : bound.ticket.id;
}

function describeEvent(ctx: GradeContext, match: EventMatch): string {
	const who = match.by ? ` by ${personName(ctx.world, ctx.person(match.by))}` : '';
	const text = match.text ? ` that ${describeText(match.text)}` : '';
	return `${match.event.replace(/^ticket\./, '')}${who}${text}`;
}

/** The place after which facts count: `since`, or after the first event matching `afterEvent`. */
function anchoredSince(
	ctx: GradeContext,
	check: CheckOf<'happened'> | CheckOf<'refused'> | CheckOf<'succeeded'>,
	since: number
): number | CheckResult {
	if (!check.afterEvent) return since;
	const match = check.afterEvent;
	// Ticket events default to the check's own ticket; others (access.granted) are about no ticket.
	const own = match.event.startsWith('ticket.') ? check.ticket : undefined;
	const anchorTicket = matchTicket(ctx, check, match.ticket ?? own);
	if (isResult(anchorTicket)) return anchorTicket;
	const anchor = ctx.world.events.find((e) => eventMatches(ctx, e, match, anchorTicket));
	if (!anchor)
		return result(check, false, '', { actual: 'none', expected: describeEvent(ctx, match) });
	return Math.max(since, anchor.seq);
}

function happenedCheck(ctx: GradeContext, check: CheckOf<'happened'>, since: number): CheckResult {
	const ticketId = matchTicket(ctx, check, check.ticket);
	if (isResult(ticketId)) return ticketId;
	const from = anchoredSince(ctx, check, since);
	if (isResult(from)) return from;
	const due = ticketId ? ctx.world.tickets[ticketId]?.dueAt : null;
	const all = ctx.world.events.filter((e) => eventMatches(ctx, e, check, ticketId));
	const matching = all.filter(
		(e) => e.seq > from && (!check.withinDue || (due !== null && due !== undefined && e.at <= due))
	);
	const needed = check.atLeast ?? 1;
	const witness = matching[needed - 1];
	const values = { actual: String(matching.length), expected: String(needed) };
	return result(
		check,
		!!witness,
		`Done: ${describeEvent(ctx, check)}.`,
		values,
		witness?.seq ?? null
	);
}

function neverCheck(ctx: GradeContext, check: CheckOf<'never'>): CheckResult {
	const ticketId = matchTicket(ctx, check, check.ticket);
	if (isResult(ticketId)) return ticketId;
	const found = ctx.world.events.filter((e) => eventMatches(ctx, e, check, ticketId));
	return result(check, found.length === 0, `No ${describeEvent(ctx, check)}.`, {
		actual: String(found.length),
		expected: '0'
	});
}

function journalCheck(
	ctx: GradeContext,
	check: CheckOf<'refused'> | CheckOf<'succeeded'>,
	since: number
): CheckResult {
	const ticketId = matchTicket(ctx, check, check.ticket);
	if (isResult(ticketId)) return ticketId;
	const from = anchoredSince(ctx, check, since);
	if (isResult(from)) return from;
	const types = Array.isArray(check.command) ? check.command : [check.command];
	const outcome = check.kind === 'refused' ? 'refused' : 'ok';
	const who = check.by ? ctx.person(check.by) : null;
	const entry = ctx.journal.find((e) => {
		if (e.outcome !== outcome || !types.includes(e.command.type)) return false;
		if (who && !actorIs(e.actor, who)) return false;
		if (check.code && e.error?.code !== check.code) return false;
		if (ticketId !== null) {
			const about = 'ticketId' in e.command ? e.command.ticketId : e.subjectId;
			if (about !== ticketId) return false;
		}
		return (ctx.journalAt.get(e.n) ?? 0) > from;
	});
	const whoName = who ? `${personName(ctx.world, who)}'s ` : '';
	const values = { actual: entry ? outcome : 'none', expected: outcome };
	return result(
		check,
		!!entry,
		`${whoName}${types.join('/')} was ${check.kind === 'refused' ? `refused: ${entry?.error?.message ?? ''}` : 'accepted'}`.trim(),
		values,
		entry ? (ctx.journalAt.get(entry.n) ?? null) : null
	);
}

function mailCheck(ctx: GradeContext, check: CheckOf<'mail'>): CheckResult {
	const ticketId = matchTicket(ctx, check, check.ticket);
	if (isResult(ticketId)) return ticketId;
	const person = ctx.person(check.to);
	const mails = ctx.world.mails.filter(
		(m) =>
			(person.kind === 'user' || person.kind === 'agent') &&
			m.to.kind === person.kind &&
			m.to.id === person.id &&
			(ticketId === null || m.ticketId === ticketId) &&
			(!check.template || m.template === check.template) &&
			matchesText(`${m.subject}\n${m.body}`, check.text)
	);
	const needed = check.atLeast ?? 1;
	const values = { actual: String(mails.length), expected: String(needed) };
	return result(
		check,
		mails.length >= needed,
		`${personName(ctx.world, person)} received ${mails.length} matching e-mail(s).`,
		values
	);
}

function bindCheck(ctx: GradeContext, check: CheckOf<'bind'>): CheckResult {
	const binding = ctx.bindings.get(check.name);
	const ticket = binding?.ticketId ? ctx.world.tickets[binding.ticketId] : undefined;
	const values = { actual: 'none', expected: describeBinding(ctx.world, ctx.scenario, check) };
	if (!ticket) return result(check, false, '', values);
	return result(
		check,
		true,
		`Found ${values.expected}: #${ticket.number} “${ticket.subject}”.`,
		{ ...values, actual: `#${ticket.number}` },
		binding?.at ?? null
	);
}

/** Evaluate a check; `since` is the place after which facts count (step order). */
export function evaluate(
	ctx: GradeContext,
	check: Check,
	since = -Infinity,
	stepTime?: (id: string) => number
): CheckResult {
	const after =
		'after' in check && typeof check.after === 'string' && stepTime
			? stepTime(check.after)
			: -Infinity;
	const from = Math.max(since, after);
	switch (check.kind) {
		case 'bind':
			return bindCheck(ctx, check);
		case 'ticket':
			return ticketCheck(ctx, check);
		case 'happened':
			return happenedCheck(ctx, check, from);
		case 'never':
			return neverCheck(ctx, check);
		case 'refused':
		case 'succeeded':
			return journalCheck(ctx, check, from);
		case 'queue':
			return queueCheck(ctx, check);
		case 'visible':
			return visibleCheck(ctx, check);
		case 'access':
			return accessCheck(ctx, check);
		case 'mail':
			return mailCheck(ctx, check);
		case 'any': {
			const results = check.checks.map((c) => evaluate(ctx, c, since, stepTime));
			const passed = results.filter((r) => r.ok);
			const at = passed.map((r) => r.at).filter((a): a is number => a !== null);
			return result(
				check,
				passed.length > 0,
				passed[0]?.message ?? '',
				{ actual: results.map((r) => r.message).join(' / ') },
				at.length ? Math.min(...at) : null
			);
		}
	}
}
