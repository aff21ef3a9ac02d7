import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { nextStatus, reachableStatuses, statusMachine } from './status-machine';

describe('ticket status lifecycle', () => {
	it('starts open', () => {
		const actor = createActor(statusMachine).start();
		expect(actor.getSnapshot().value).toBe('open');
	});

	it('resolves, closes and reopens', () => {
		expect(nextStatus('open', 'resolved')).toBe('resolved');
		expect(nextStatus('open', 'closed')).toBe('closed');
		expect(nextStatus('resolved', 'closed')).toBe('closed');
		expect(nextStatus('closed', 'resolved')).toBe('resolved');
		expect(nextStatus('resolved', 'open')).toBe('open');
		expect(nextStatus('closed', 'open')).toBe('open');
	});

	it('refuses what osTicket does not offer', () => {
		expect(nextStatus('open', 'open')).toBeNull();
		expect(nextStatus('open', 'archived')).toBeNull();
		expect(nextStatus('archived', 'open')).toBeNull();
		expect(nextStatus('deleted', 'open')).toBeNull();
		expect(nextStatus('deleted', 'closed')).toBeNull();
	});

	it('archives closed tickets only, and deletion is final', () => {
		expect(nextStatus('closed', 'archived')).toBe('archived');
		expect(nextStatus('archived', 'deleted')).toBe('deleted');
		const actor = createActor(statusMachine, {
			snapshot: statusMachine.resolveState({ value: 'deleted' })
		}).start();
		expect(actor.getSnapshot().status).toBe('done');
	});

	it('offers the Ticket Status select without Archived', () => {
		expect(reachableStatuses('open')).toEqual(['resolved', 'closed', 'deleted']);
		expect(reachableStatuses('resolved')).toEqual(['open', 'closed', 'deleted']);
	});
});
