/**
 * The queue drop-downs (queue-navigation.tmpl.php opens them on hover): a
 * mouse resting on a top queue opens its list, leaving closes it, and the ▾
 * button opens, pins or closes it for keyboard and touch.
 */
import { describe, expect, it } from 'vitest';
import { QUEUE_TREE, QueueNavState, topOf } from './queue-nav.svelte';

const mouse = { pointerType: 'mouse' } as PointerEvent;
const touch = { pointerType: 'touch' } as PointerEvent;

describe('the queue drop-downs', () => {
	it("follow osTicket's tree", () => {
		expect(QUEUE_TREE.map((t) => [t.label, t.subs.map((s) => s.label)])).toEqual([
			['Open', ['Open', 'Answered', 'Overdue']],
			['My Tickets', ['Assigned to Me', 'Assigned to Teams']],
			['Closed', ['Today', 'Yesterday', 'This Week', 'This Month', 'This Quarter', 'This Year']]
		]);
		expect(topOf('answered')).toBe('open');
		expect(topOf('closed')).toBe('closed');
	});

	it('open while the mouse rests on a top queue, and close when it leaves', () => {
		const nav = new QueueNavState();
		nav.pointerEnter('open', mouse);
		expect(nav.open).toBe('open');
		nav.pointerLeave('open', mouse);
		expect(nav.open).toBeNull();
		nav.pointerEnter('open', touch);
		expect(nav.open).toBeNull();
	});

	it('stay open when the ▾ button is pressed on one the mouse opened, and close on a second press', () => {
		const nav = new QueueNavState();
		nav.pointerEnter('closed', mouse);
		nav.toggle('closed');
		expect(nav.open).toBe('closed');
		nav.pointerLeave('closed', mouse);
		expect(nav.open).toBe('closed');
		nav.toggle('closed');
		expect(nav.open).toBeNull();
	});

	it('one at a time', () => {
		const nav = new QueueNavState();
		nav.toggle('open');
		nav.toggle('mine');
		expect(nav.open).toBe('mine');
	});
});
