/**
 * Read models the panels show: an agent's queues with counts, an end user's
 * tickets, a ticket's thread as each viewer may see it, a mailbox, search.
 * All filtered by the same visibility rule the engine enforces.
 */
import { listedTo, teamsOf } from './access';
import { localDayNumber, localMidnight, scheduleSettings } from './schedule';
import { USER_VISIBLE_EVENTS, type DomainEvent } from './events';
import type { Mail } from './mail';
import { priorityOf, stateOf, type Id, type SimTime, type Ticket } from './types';
import type { Reader, World } from './world';

/**
 * osTicket's default queues (include/i18n/en_US/queue.yaml), as a tree: Open
 * with its sub-queues Open (the unanswered ones), Answered and Overdue; My
 * Tickets with Assigned to Me and Assigned to Teams; Closed with the periods
 * it was closed in. There is no Unassigned queue in a default install.
 */
export const QUEUES = [
	{ id: 'open', label: 'Open', parent: null },
	{ id: 'unanswered', label: 'Open', parent: 'open' },
	{ id: 'answered', label: 'Answered', parent: 'open' },
	{ id: 'overdue', label: 'Overdue', parent: 'open' },
	{ id: 'mine', label: 'My Tickets', parent: null },
	{ id: 'assigned-me', label: 'Assigned to Me', parent: 'mine' },
	{ id: 'assigned-teams', label: 'Assigned to Teams', parent: 'mine' },
	{ id: 'closed', label: 'Closed', parent: null },
	{ id: 'closed-today', label: 'Today', parent: 'closed' },
	{ id: 'closed-yesterday', label: 'Yesterday', parent: 'closed' },
	{ id: 'closed-week', label: 'This Week', parent: 'closed' },
	{ id: 'closed-month', label: 'This Month', parent: 'closed' },
	{ id: 'closed-quarter', label: 'This Quarter', parent: 'closed' },
	{ id: 'closed-year', label: 'This Year', parent: 'closed' }
] as const;
export type QueueId = (typeof QUEUES)[number]['id'];

/** A queue's name as osTicket shows it where the tree is flattened: "Open / Answered". */
export function queueTitle(id: QueueId): string {
	const queue = QUEUES.find((q) => q.id === id);
	if (!queue) return id;
	const parent = QUEUES.find((q) => q.id === queue.parent);
	return parent ? `${parent.label} / ${queue.label}` : queue.label;
}

export type SortKey = 'priority' | 'due' | 'updated' | 'created' | 'number';

const DAY = 86_400_000;

/**
 * The stretch a Closed sub-queue covers ("closed", "period" in queue.yaml),
 * in whole local days of the world's time zone on the simulated clock; weeks
 * start on Monday.
 */
function closedPeriod(
	queue: QueueId,
	now: SimTime,
	zone: string
): { from: SimTime; to: SimTime } | null {
	const today = localDayNumber(now, zone);
	const date = new Date(today * DAY);
	const year = date.getUTCFullYear();
	const month = date.getUTCMonth();
	const since = (day: number) => ({ from: localMidnight(day, zone), to: Infinity });
	switch (queue) {
		case 'closed-today':
			return since(today);
		case 'closed-yesterday':
			return { from: localMidnight(today - 1, zone), to: localMidnight(today, zone) };
		case 'closed-week':
			return since(today - ((date.getUTCDay() + 6) % 7));
		case 'closed-month':
			return since(Date.UTC(year, month, 1) / DAY);
		case 'closed-quarter':
			return since(Date.UTC(year, Math.floor(month / 3) * 3, 1) / DAY);
		case 'closed-year':
			return since(Date.UTC(year, 0, 1) / DAY);
		default:
			return null;
	}
}

/** The queue's rule, for one agent (osTicket's include/i18n/en_US/queue.yaml). */
export function queueRule(r: Reader, queue: QueueId, agentId: Id): (t: Ticket) => boolean {
	const teams = teamsOf(r, agentId);
	const open = (t: Ticket) => stateOf(t) === 'open';
	const mine = (t: Ticket) => t.assigneeAgentId === agentId;
	const ourTeam = (t: Ticket) => t.assigneeTeamId !== null && teams.includes(t.assigneeTeamId);
	switch (queue) {
		case 'open':
			return open;
		case 'unanswered':
			return (t) => open(t) && !t.answered;
		case 'answered':
			return (t) => open(t) && t.answered;
		case 'overdue':
			return (t) => open(t) && t.overdue;
		case 'mine':
			return (t) => open(t) && (mine(t) || ourTeam(t));
		case 'assigned-me':
			return (t) => open(t) && mine(t);
		case 'assigned-teams':
			return (t) => open(t) && !mine(t) && ourTeam(t);
		case 'closed':
			return (t) => stateOf(t) === 'closed';
		default: {
			const period = closedPeriod(queue, r.meta.clock, scheduleSettings(r.meta.settings).timezone);
			return (t) =>
				stateOf(t) === 'closed' &&
				period !== null &&
				t.closedAt !== null &&
				t.closedAt >= period.from &&
				t.closedAt < period.to;
		}
	}
}

/** Every ticket listed in the agent's queues. */
export function visibleTickets(r: Reader, agentId: Id): Ticket[] {
	const agent = r.get('agents', agentId);
	if (!agent) return [];
	const sees = listedTo(r, agent);
	return r.all('tickets').filter((t) => t.status !== 'deleted' && sees(t));
}

/** How many tickets each queue holds for the agent; one pass over the tickets. */
export function queueCounts(r: Reader, agentId: Id): Record<QueueId, number> {
	const counts = {} as Record<QueueId, number>;
	for (const q of QUEUES) counts[q.id] = 0;
	const agent = r.get('agents', agentId);
	if (!agent) return counts;
	const sees = listedTo(r, agent);
	const rules = QUEUES.map((q) => [q.id, queueRule(r, q.id, agentId)] as const);
	for (const t of r.all('tickets')) {
		if (t.status === 'deleted' || !sees(t)) continue;
		for (const [id, rule] of rules) if (rule(t)) counts[id]++;
	}
	return counts;
}

function searchNeedle(term: string): string {
	return term.trim().toLowerCase().replace(/^#/, '');
}

/** Search by number, subject or the user's name or e-mail; the needle prepared once, each user's match remembered. */
function searcher(r: Reader, term: string): ((ticket: Ticket) => boolean) | null {
	const needle = searchNeedle(term);
	if (!needle) return null;
	const byUser = new Map<Id, boolean>();
	return (ticket) => {
		if (ticket.number.includes(needle) || ticket.subject.toLowerCase().includes(needle))
			return true;
		let hit = byUser.get(ticket.userId);
		if (hit === undefined) {
			const user = r.get('users', ticket.userId);
			hit =
				!!user &&
				(user.name.toLowerCase().includes(needle) || user.email.toLowerCase().includes(needle));
			byUser.set(ticket.userId, hit);
		}
		return hit;
	};
}

export function compareTickets(sort: SortKey): (a: Ticket, b: Ticket) => number {
	// Plain string order for ids and numbers: deterministic, and far cheaper than
	// localeCompare when 100,000 tickets share an update time.
	const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
	const tie = (a: Ticket, b: Ticket) => b.updatedAt - a.updatedAt || byText(a.id, b.id);
	switch (sort) {
		case 'priority':
			return (a, b) => priorityOf(a.priority).urgency - priorityOf(b.priority).urgency || tie(a, b);
		case 'due':
			return (a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || tie(a, b);
		case 'updated':
			return tie;
		case 'created':
			return (a, b) => b.createdAt - a.createdAt || tie(a, b);
		case 'number':
			return (a, b) => byText(a.number, b.number);
	}
}

export interface QueuePage {
	tickets: Ticket[];
	total: number;
}

/** Above this many rows to keep, a page is cut from a full sort rather than kept sorted as it fills. */
const TOP_K_MAX = 1000;

/**
 * One page of a queue, and how many tickets the queue holds. A single pass
 * over the tickets: a page of the first rows is kept sorted as it goes (the
 * same rows in the same order as sorting every match, since an equal row
 * never overtakes an earlier one), so a page of 100,000 tickets costs about
 * one comparison per ticket rather than a full sort.
 */
export function queueTickets(
	r: Reader,
	agentId: Id,
	queue: QueueId,
	options: { search?: string; sort?: SortKey; offset?: number; limit?: number } = {}
): QueuePage {
	const offset = options.offset ?? 0;
	const limit = options.limit ?? 50;
	const agent = r.get('agents', agentId);
	if (!agent) return { tickets: [], total: 0 };
	const sees = listedTo(r, agent);
	const rule = queueRule(r, queue, agentId);
	const match = searcher(r, options.search ?? '');
	const compare = compareTickets(options.sort ?? 'updated');
	const keep = offset + limit;
	const topK =
		Number.isInteger(offset) &&
		Number.isInteger(limit) &&
		offset >= 0 &&
		limit >= 0 &&
		keep <= TOP_K_MAX;
	const rows: Ticket[] = [];
	let total = 0;
	// Every queue but Closed holds open tickets only: read just those where they are kept apart.
	const closedQueue = queue === 'closed' || queue.startsWith('closed-');
	const openList = !closedQueue && r.openTickets ? r.openTickets() : null;
	const source = openList ?? r.all('tickets');
	// Read from the open list, the Open queue's own rule (open, not deleted) holds
	// already: one call less per ticket, on the queue every agent opens first.
	const everyOpen = openList !== null && queue === 'open';
	for (const t of source) {
		if (!everyOpen && (t.status === 'deleted' || !rule(t))) continue;
		if (!sees(t) || (match && !match(t))) continue;
		total++;
		if (!topK) {
			rows.push(t);
			continue;
		}
		const last = rows[rows.length - 1];
		if (rows.length >= keep && (keep === 0 || !last || compare(t, last) >= 0)) continue;
		// After every row that sorts before or equal to it (a stable sort's place).
		let lo = 0;
		let hi = rows.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (compare(t, rows[mid] as Ticket) < 0) hi = mid;
			else lo = mid + 1;
		}
		rows.splice(lo, 0, t);
		if (rows.length > keep) rows.pop();
	}
	if (!topK) rows.sort(compare);
	return { tickets: rows.slice(offset, offset + limit), total };
}

/** An end user's own tickets (and those they are copied on), Open or Closed tab. */
export function userTickets(r: Reader, userId: Id, tab: 'open' | 'closed'): Ticket[] {
	return r
		.all('tickets')
		.filter((t) => (t.userId === userId || t.collaborators.includes(userId)) && stateOf(t) === tab)
		.sort(compareTickets('updated'));
}

/** A ticket's thread and history in time order; end users never see internal notes or agent-only events. */
export function ticketTimeline(
	world: World,
	ticketId: Id,
	viewer: 'agent' | 'end-user'
): DomainEvent[] {
	const events = world.events.filter((e) => e.ticketId === ticketId);
	if (viewer === 'agent') return events;
	return events.filter((e) => USER_VISIBLE_EVENTS.includes(e.type));
}

export function mailbox(world: World, recipient: { kind: 'user' | 'agent'; id: Id }): Mail[] {
	return world.mails
		.filter((m) => m.to.kind === recipient.kind && m.to.id === recipient.id)
		.reverse();
}

/** Canned responses an agent may use on a ticket: the ticket's department's and the global ones. */
export function cannedFor(r: Reader, deptId: Id) {
	return r.all('canned').filter((c) => c.deptId === null || c.deptId === deptId);
}
