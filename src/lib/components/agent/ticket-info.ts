/**
 * Values of the ticket view's information table that are not fields of the
 * ticket: when the user last wrote (Last Message) and an agent last answered
 * (Last Response), read from the ticket's thread.
 */
import type { DomainEvent, SimTime } from '$lib/domain';

export function lastEntries(events: readonly DomainEvent[]): {
	message: SimTime | null;
	response: SimTime | null;
} {
	let message: SimTime | null = null;
	let response: SimTime | null = null;
	for (const e of events) {
		if (e.type === 'ticket.message') message = e.at;
		else if (e.type === 'ticket.response') response = e.at;
	}
	return { message, response };
}
