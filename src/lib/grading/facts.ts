/**
 * "Happened" checks: facts on the time line. Events (happened, never), the
 * journal of commands tried (refused, succeeded), the outbox (mail) and the
 * tickets the lab binds (bind). Order is judged from the facts themselves:
 * `after` and `before` name an event, never another step's verdict, so a
 * missed step costs only its own points. One event may serve every check it
 * satisfies.
 */
import type { DomainEvent } from '../domain';
import { actorIs, describeBinding, personName } from '../scenarios/bindings';
import { describeText, matchesText } from '../scenarios/text-match';
import type { CheckOf, EventMatch, WhereValue } from '../scenarios/types';
import { durationMinutes } from '../scenarios/world';
import type { GradeContext } from './context';
import { eventText, eventWords } from './describe';
import { excerpt, isResult, matchTicket, result, type CheckResult } from './result';

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
		const options = Array.isArray(wanted) ? wanted : [wanted];
		return options.some((w) => sameScalar(data[key], w));
	});
}

/** The event's kind, ticket and actor match (payload, wording and order aside). */
function sameKind(
	ctx: GradeContext,
	event: DomainEvent,
	match: Pick<EventMatch, 'event' | 'by'>,
	ticketId: string | null
): boolean {
	if (event.type !== match.event) return false;
	if (ticketId !== null && event.ticketId !== ticketId) return false;
	return match.by === undefined || actorIs(event.actor, ctx.person(match.by));
}

/** Kind, ticket, actor, payload and wording match (order is the window's business). */
function eventMatches(
	ctx: GradeContext,
	event: DomainEvent,
	match: EventMatch,
	ticketId: string | null
): boolean {
	if (!sameKind(ctx, event, match, ticketId)) return false;
	if (!whereMatches(event.data as unknown as Record<string, unknown>, match.where)) return false;
	return matchesText(eventText(event), match.text);
}

function describeEvent(ctx: GradeContext, match: EventMatch): string {
	const who = match.by ? ` by ${personName(ctx.world, ctx.person(match.by))}` : '';
	const text = match.text ? ` that ${describeText(match.text)}` : '';
	return `${eventWords(match.event)}${who}${text}`;
}

/** A stretch of the time line, or the anchor that has not happened yet. */
type Window = { from: number; until: number } | { missing: EventMatch };

/**
 * The stretch of the time line an event match allows: after the first event
 * matching its `after` (which must exist), before the first event matching its
 * `before` (if any). Anchors may be ordered themselves ("Ken's message after
 * John's reply"). A ticket event in an anchor is about the check's ticket
 * unless it names another; other events (access.granted) are about none.
 */
function windowOf(
	ctx: GradeContext,
	match: EventMatch,
	ownTicket: string | undefined
): Window | CheckResult {
	let from = -Infinity;
	let until = Infinity;
	for (const key of ['after', 'before'] as const) {
		const anchor = match[key];
		if (!anchor) continue;
		const found = firstEvent(ctx, anchor, ownTicket);
		if (isResult(found) || (found && 'missing' in found)) return found;
		if (!found) {
			if (key === 'after') return { missing: anchor };
			continue;
		}
		if (key === 'after') from = found.seq;
		else until = found.seq;
	}
	return { from, until };
}

/** The first event an anchor matches, within its own window; null if none yet. */
function firstEvent(
	ctx: GradeContext,
	match: EventMatch,
	ownTicket: string | undefined
): DomainEvent | null | { missing: EventMatch } | CheckResult {
	const name = match.ticket ?? (match.event.startsWith('ticket.') ? ownTicket : undefined);
	const ticketId = matchTicket(ctx, name);
	if (isResult(ticketId)) return ticketId;
	const window = windowOf(ctx, match, name);
	if (isResult(window) || 'missing' in window) return window;
	return (
		ctx.world.events.find(
			(e) => e.seq > window.from && e.seq < window.until && eventMatches(ctx, e, match, ticketId)
		) ?? null
	);
}

/** The window of a check, or the failing result that says which anchor is missing. */
function checkWindow(
	ctx: GradeContext,
	check: CheckOf<'happened' | 'refused' | 'succeeded'>,
	values: Record<string, string>
): { from: number; until: number } | CheckResult {
	const window = windowOf(ctx, check as EventMatch, check.ticket);
	if (isResult(window)) return window;
	if ('missing' in window)
		return result(check, false, '', {
			...values,
			actual: `not yet: ${describeEvent(ctx, window.missing)} has not happened`
		});
	return window;
}

export function happenedCheck(ctx: GradeContext, check: CheckOf<'happened'>): CheckResult {
	const ticketId = matchTicket(ctx, check.ticket);
	if (isResult(ticketId)) return ticketId;
	const sameKindEvents = ctx.world.events.filter((e) => sameKind(ctx, e, check, ticketId));
	const touched = sameKindEvents.some((e) => ctx.byLearner(e));
	const evidence = check.text
		? sameKindEvents
				.filter((e) => ctx.byLearner(e))
				.slice(-3)
				.map((e) => excerpt(eventText(e)))
		: undefined;
	const needed = check.atLeast ?? 1;
	const window = checkWindow(ctx, check, { expected: String(needed), actual: '0' });
	if (isResult(window)) return { ...window, touched, ...(evidence ? { evidence } : {}) };
	const ticket = ticketId ? ctx.world.tickets[ticketId] : undefined;
	// The due date in force when the event happened (closing clears one already past).
	const dueAt = (e: DomainEvent): number | null => {
		const recorded = (e.data as { dueAt?: number | null }).dueAt;
		return recorded !== undefined ? recorded : (ticket?.dueAt ?? null);
	};
	// At the due minute itself a ticket is still in time (overdue means past it).
	const deadline =
		check.within && ticket ? ticket.createdAt + durationMinutes(check.within) * 60_000 : null;
	const matching = sameKindEvents.filter(
		(e) =>
			e.seq > window.from &&
			e.seq < window.until &&
			eventMatches(ctx, e, check, ticketId) &&
			(!check.withinDue || ((due) => due !== null && e.at <= due)(dueAt(e))) &&
			(!check.within || (deadline !== null && e.at <= deadline))
	);
	const witness = matching[needed - 1];
	const values = { actual: String(matching.length), expected: String(needed) };
	return result(check, !!witness, `Done: ${describeEvent(ctx, check)}.`, values, {
		at: witness?.seq ?? null,
		touched,
		...(evidence ? { evidence } : {})
	});
}

export function neverCheck(ctx: GradeContext, check: CheckOf<'never'>): CheckResult {
	const ticketId = matchTicket(ctx, check.ticket);
	if (isResult(ticketId)) return ticketId;
	const found = ctx.world.events.filter((e) => eventMatches(ctx, e, check, ticketId));
	// A "never" holds from the start: it supports a step, it never starts one (touched: false).
	return result(check, found.length === 0, `No ${describeEvent(ctx, check)}.`, {
		actual: String(found.length),
		expected: '0'
	});
}

export function journalCheck(
	ctx: GradeContext,
	check: CheckOf<'refused'> | CheckOf<'succeeded'>
): CheckResult {
	const ticketId = matchTicket(ctx, check.ticket);
	if (isResult(ticketId)) return ticketId;
	const types = Array.isArray(check.command) ? check.command : [check.command];
	const outcome = check.kind === 'refused' ? 'refused' : 'ok';
	const who = check.by ? ctx.person(check.by) : null;
	const tried = ctx.journal.filter((e) => {
		if (e.actor.role === 'system' || !types.includes(e.command.type)) return false;
		if (who && !actorIs(e.actor, who)) return false;
		if (ticketId === null) return true;
		const about = 'ticketId' in e.command ? e.command.ticketId : e.subjectId;
		return about === ticketId;
	});
	const touched = tried.length > 0;
	const window = checkWindow(ctx, check, { expected: outcome, actual: 'none' });
	if (isResult(window)) return { ...window, touched };
	const entry = tried.find((e) => {
		if (e.outcome !== outcome) return false;
		if (check.code && e.error?.code !== check.code) return false;
		const place = ctx.journalAt.get(e.n) ?? 0;
		return place > window.from && place < window.until;
	});
	const whoName = who ? `${personName(ctx.world, who)}'s ` : '';
	const values = { actual: entry ? outcome : 'none', expected: outcome };
	const verb = check.kind === 'refused' ? `refused: ${entry?.error?.message ?? ''}` : 'accepted';
	return result(check, !!entry, `${whoName}${types.join('/')} was ${verb}`.trim(), values, {
		at: entry ? (ctx.journalAt.get(entry.n) ?? null) : null,
		touched
	});
}

export function mailCheck(ctx: GradeContext, check: CheckOf<'mail'>): CheckResult {
	const ticketId = matchTicket(ctx, check.ticket);
	if (isResult(ticketId)) return ticketId;
	const person = ctx.person(check.to);
	const toThem = ctx.world.mails.filter(
		(m) =>
			(person.kind === 'user' || person.kind === 'agent') &&
			m.to.kind === person.kind &&
			m.to.id === person.id &&
			(ticketId === null || m.ticketId === ticketId)
	);
	const learnerMade = (seq: number | undefined) =>
		seq !== undefined && ctx.world.events.some((e) => e.seq === seq && ctx.byLearner(e));
	const mails = toThem.filter(
		(m) =>
			(!check.template || m.template === check.template) &&
			matchesText(`${m.subject}\n${m.body}`, check.text)
	);
	const needed = check.atLeast ?? 1;
	const values = { actual: String(mails.length), expected: String(needed) };
	return result(
		check,
		mails.length >= needed,
		`${personName(ctx.world, person)} received ${mails.length} matching e-mail(s).`,
		values,
		{ touched: toThem.some((m) => learnerMade(m.seq)) }
	);
}

export function bindCheck(ctx: GradeContext, check: CheckOf<'bind'>): CheckResult {
	const binding = ctx.bindings.get(check.name);
	const ticket = binding?.ticketId ? ctx.world.tickets[binding.ticketId] : undefined;
	const values = { actual: 'none', expected: describeBinding(ctx.world, ctx.scenario, check) };
	// Touched once the learner opens any ticket this spec's people could have opened.
	const user = check.user ? ctx.person(check.user) : null;
	const opener = check.createdBy ? ctx.person(check.createdBy) : null;
	const touched = ctx.world.events.some(
		(e) =>
			e.type === 'ticket.created' &&
			ctx.byLearner(e) &&
			(!user || (user.kind === 'user' && e.data.userId === user.id)) &&
			(!opener || actorIs(e.actor, opener))
	);
	if (!ticket) return result(check, false, '', values, { touched });
	return result(
		check,
		true,
		`Found ${values.expected}: #${ticket.number} “${ticket.subject}”.`,
		{ ...values, actual: `#${ticket.number}` },
		{ at: binding?.at ?? null, touched: true }
	);
}
