/**
 * Read models the panels show: an agent's queues with counts, an end user's
 * tickets, a ticket's thread as each viewer may see it, a mailbox, search.
 * All filtered by the same visibility rule the engine enforces.
 */
import { canSee, teamsOf } from './access';
import { USER_VISIBLE_EVENTS, type DomainEvent } from './events';
import type { Mail } from './mail';
import { priorityOf, stateOf, type Id, type Ticket } from './types';
import type { Reader, World } from './world';

export const QUEUES = [
	{ id: 'open', label: 'Open' },
	{ id: 'unanswered', label: 'Unanswered' },
	{ id: 'answered', label: 'Answered' },
	{ id: 'unassigned', label: 'Unassigned' },
	{ id: 'mine', label: 'My Tickets' },
	{ id: 'overdue', label: 'Overdue' },
	{ id: 'closed', label: 'Closed' }
] as const;
export type QueueId = (typeof QUEUES)[number]['id'];

export type SortKey = 'priority' | 'due' | 'updated' | 'created' | 'number';

/** The queue's rule, for one agent (osTicket's include/i18n/en_US/queue.yaml). */
export function queueRule(r: Reader, queue: QueueId, agentId: Id): (t: Ticket) => boolean {
	const teams = teamsOf(r, agentId);
	const open = (t: Ticket) => stateOf(t) === 'open';
	switch (queue) {
		case 'open':
			return open;
		case 'unanswered':
			return (t) => open(t) && !t.answered;
		case 'answered':
			return (t) => open(t) && t.answered;
		case 'unassigned':
			return (t) => open(t) && !t.assigneeAgentId && !t.assigneeTeamId;
		case 'mine':
			return (t) =>
				open(t) &&
				(t.assigneeAgentId === agentId ||
					(t.assigneeTeamId !== null && teams.includes(t.assigneeTeamId)));
		case 'overdue':
			return (t) => open(t) && t.overdue;
		case 'closed':
			return (t) => stateOf(t) === 'closed';
	}
}

/** Every ticket the agent may see. */
export function visibleTickets(r: Reader, agentId: Id): Ticket[] {
	const agent = r.get('agents', agentId);
	if (!agent) return [];
	return r.all('tickets').filter((t) => t.status !== 'deleted' && canSee(r, agent, t));
}

export function queueCounts(r: Reader, agentId: Id): Record<QueueId, number> {
	const tickets = visibleTickets(r, agentId);
	const counts = {} as Record<QueueId, number>;
	for (const q of QUEUES) counts[q.id] = tickets.filter(queueRule(r, q.id, agentId)).length;
	return counts;
}

export function matchesSearch(r: Reader, ticket: Ticket, term: string): boolean {
	const needle = term.trim().toLowerCase().replace(/^#/, '');
	if (!needle) return true;
	if (ticket.number.includes(needle) || ticket.subject.toLowerCase().includes(needle)) return true;
	const user = r.get('users', ticket.userId);
	return (
		!!user &&
		(user.name.toLowerCase().includes(needle) || user.email.toLowerCase().includes(needle))
	);
}

export function compareTickets(sort: SortKey): (a: Ticket, b: Ticket) => number {
	const tie = (a: Ticket, b: Ticket) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id);
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
			return (a, b) => a.number.localeCompare(b.number);
	}
}

export interface QueuePage {
	tickets: Ticket[];
	total: number;
}

export function queueTickets(
	r: Reader,
	agentId: Id,
	queue: QueueId,
	options: { search?: string; sort?: SortKey; offset?: number; limit?: number } = {}
): QueuePage {
	const rule = queueRule(r, queue, agentId);
	const search = options.search ?? '';
	const matching = visibleTickets(r, agentId).filter((t) => rule(t) && matchesSearch(r, t, search));
	matching.sort(compareTickets(options.sort ?? 'updated'));
	const offset = options.offset ?? 0;
	return {
		tickets: matching.slice(offset, offset + (options.limit ?? 50)),
		total: matching.length
	};
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
