/**
 * A ticket's status lifecycle as an XState machine. Resolved and Closed share
 * osTicket's "closed" state: either may be reopened, and either shows in the
 * Closed queue. Archived is never offered in drop-downs; Deleted is final.
 * The machine holds no I/O: the engine asks it whether a change is allowed.
 */
import { setup, transition } from 'xstate';
import type { StatusId } from './types';

export type StatusEvent =
	| { type: 'ticket.reopen' }
	| { type: 'ticket.resolve' }
	| { type: 'ticket.close' }
	| { type: 'ticket.archive' }
	| { type: 'ticket.delete' };

export const statusMachine = setup({
	types: { events: {} as StatusEvent }
}).createMachine({
	id: 'ticketStatus',
	initial: 'open',
	states: {
		open: {
			on: { 'ticket.resolve': 'resolved', 'ticket.close': 'closed', 'ticket.delete': 'deleted' }
		},
		resolved: {
			on: {
				'ticket.close': 'closed',
				'ticket.reopen': 'open',
				'ticket.archive': 'archived',
				'ticket.delete': 'deleted'
			}
		},
		closed: {
			on: {
				'ticket.resolve': 'resolved',
				'ticket.reopen': 'open',
				'ticket.archive': 'archived',
				'ticket.delete': 'deleted'
			}
		},
		archived: { on: { 'ticket.delete': 'deleted' } },
		deleted: { type: 'final' }
	}
});

const EVENT_FOR: Record<StatusId, StatusEvent['type']> = {
	open: 'ticket.reopen',
	resolved: 'ticket.resolve',
	closed: 'ticket.close',
	archived: 'ticket.archive',
	deleted: 'ticket.delete'
};

/** The status after asking to move from `from` to `to`, or null when the lifecycle forbids it. */
export function nextStatus(from: StatusId, to: StatusId): StatusId | null {
	const key = `${from}>${to}`;
	const known = NEXT.get(key);
	if (known !== undefined) return known;
	const snapshot = statusMachine.resolveState({ value: from });
	const event = { type: EVENT_FOR[to] } as StatusEvent;
	const next = snapshot.can(event)
		? (transition(statusMachine, snapshot, event)[0].value as StatusId)
		: null;
	NEXT.set(key, next);
	return next;
}

/**
 * The machine is fixed, so each (from, to) is worked out once: resolving a
 * snapshot builds an actor, and the ticket view asks for every status on
 * every change.
 */
const NEXT = new Map<string, StatusId | null>();

/** The statuses a ticket in `from` can move to (for the Ticket Status select). */
export function reachableStatuses(from: StatusId): StatusId[] {
	return (Object.keys(EVENT_FOR) as StatusId[]).filter(
		(to) => to !== 'archived' && nextStatus(from, to) === to
	);
}
