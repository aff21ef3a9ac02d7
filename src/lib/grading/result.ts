/**
 * The outcome of one check, and the small helpers every kind of check shares.
 */
import type { Ticket } from '../domain';
import type { Check } from '../scenarios/types';
import type { GradeContext } from './context';

export interface CheckResult {
	ok: boolean;
	message: string;
	/** Place on the time line of the fact that satisfied the check, if it is a fact. */
	at: number | null;
	/**
	 * The learner has done something this check is about (a field it reads was
	 * set, an event of its kind happened), whether or not it passes. A step
	 * scores, and shows as failed, only once one of its checks is touched.
	 */
	touched: boolean;
	/** Texts a human may want to read (the replies a text check looked at). */
	evidence?: string[];
}

export function fill(template: string, values: Record<string, string>): string {
	return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

export function result(
	check: Check,
	ok: boolean,
	passText: string,
	values: Record<string, string>,
	extra: { at?: number | null; touched?: boolean; evidence?: string[] } = {}
): CheckResult {
	// Checks nested in "any" may leave out their own failure message.
	const message = ok
		? fill(check.pass ?? passText, values)
		: fill((check.fail as string | undefined) ?? 'Not done.', values);
	return {
		ok,
		message,
		at: ok ? (extra.at ?? null) : null,
		touched: extra.touched ?? false,
		...(extra.evidence?.length ? { evidence: extra.evidence } : {})
	};
}

/** The ticket a check names, or a failing result that says it was never found. */
export function boundTicket(
	ctx: GradeContext,
	name: string
): { ticket: Ticket; at: number | null } | CheckResult {
	const binding = ctx.bindings.get(name);
	const ticket = binding?.ticketId ? ctx.world.tickets[binding.ticketId] : undefined;
	if (binding && ticket) return { ticket, at: binding.at };
	const why = binding?.failure || `There is no ticket “${name}” yet.`;
	return { ok: false, message: why, at: null, touched: false };
}

export const isResult = (x: unknown): x is CheckResult =>
	typeof x === 'object' && x !== null && 'ok' in x && 'touched' in x;

/** A ticket id for an event match: null for any ticket, or a failing result when the name is unbound. */
export function matchTicket(
	ctx: GradeContext,
	name: string | undefined
): string | null | CheckResult {
	if (name === undefined) return null;
	const bound = boundTicket(ctx, name);
	return isResult(bound) ? bound : bound.ticket.id;
}

/** A short excerpt for the report: a reply is evidence a human may want to read. */
export function excerpt(text: string, max = 280): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
