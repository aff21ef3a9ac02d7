/**
 * The queue table as osTicket 1.18 sets it up in a fresh install: each
 * queue's columns and default sort (include/i18n/en_US/queue.yaml,
 * queue_sort.yaml), a column sort either way, and pages of 25
 * (config.yaml max_page_size; Pagenate::showing and getPageLinks).
 */
import { describe, expect, it } from 'vitest';
import { seedWorld } from '../../../tests/fixtures/helpdesk';
import type { Actor } from './events';
import { HelpDesk } from './journal';
import { readWorld } from './world';
import { queueColumns, queueListing, defaultQueueSort, QUEUE_PAGE_SIZE } from './queue-listing';
import { queueCounts } from './queries';
import type { PriorityId } from './types';

const JOHN: Actor = { role: 'agent', id: 'john' };

function deskWith(count: number) {
	const desk = new HelpDesk(seedWorld());
	const priorities: PriorityId[] = ['low', 'normal', 'high', 'emergency'];
	for (let i = 1; i <= count; i++) {
		desk.run(
			JOHN,
			{
				type: 'ticket.open',
				userId: i % 2 ? 'karen' : 'ken',
				topicId: 'general',
				subject: `Request ${String(i).padStart(2, '0')}`,
				details: 'Called in.',
				priority: priorities[i % 4] as PriorityId
			},
			null
		);
		desk.run({ role: 'system' }, { type: 'clock.advance', minutes: 1 }, null);
	}
	return Object.assign(desk, {
		get reader() {
			return readWorld(desk.world);
		}
	});
}

describe("the queue table's columns (queue.yaml)", () => {
	const headings = (q: Parameters<typeof queueColumns>[0]) => queueColumns(q).map((c) => c.heading);
	it('Open and its sub-queues: Ticket, Last Updated, Subject, From, Priority, Assigned To', () => {
		for (const q of ['open', 'unanswered', 'answered'] as const)
			expect(headings(q)).toEqual([
				'Ticket',
				'Last Updated',
				'Subject',
				'From',
				'Priority',
				'Assigned To'
			]);
	});
	it('Overdue shows the Due Date in place of Last Updated', () => {
		expect(headings('overdue')).toEqual([
			'Ticket',
			'Due Date',
			'Subject',
			'From',
			'Priority',
			'Assigned To'
		]);
	});
	it('My Tickets shows the Department, Assigned to Teams the Team', () => {
		expect(headings('mine')).toEqual([
			'Ticket',
			'Last Update',
			'Subject',
			'From',
			'Priority',
			'Department'
		]);
		expect(headings('assigned-me')).toEqual(headings('mine'));
		expect(headings('assigned-teams').at(-1)).toBe('Team');
	});
	it('Closed and its periods: Date Closed and Closed By, no Priority', () => {
		for (const q of ['closed', 'closed-today', 'closed-year'] as const)
			expect(headings(q)).toEqual(['Ticket', 'Date Closed', 'Subject', 'From', 'Closed By']);
	});
	it('each queue opens in its own order (sort_id)', () => {
		expect(defaultQueueSort('open').name).toBe('Priority + Most Recently Updated');
		expect(defaultQueueSort('answered').name).toBe('Due Date');
		expect(defaultQueueSort('mine').name).toBe('Priority + Due Date');
		expect(defaultQueueSort('closed').name).toBe('Closed Date');
		expect(defaultQueueSort('closed-quarter').name).toBe('Create Date');
		expect(defaultQueueSort('closed-year').name).toBe('Update Date');
	});
});

describe('a page of a queue', () => {
	it('has 25 rows at most, the pages cover every ticket once, and the total is the count', () => {
		const desk = deskWith(30);
		const r = desk.reader;
		const first = queueListing(r, 'john', 'open', { page: 1 });
		const second = queueListing(r, 'john', 'open', { page: 2 });
		expect(QUEUE_PAGE_SIZE).toBe(25);
		expect(first.total).toBe(30);
		expect(first.total).toBe(queueCounts(r, 'john').open);
		expect(first.pages).toBe(2);
		expect(first.tickets).toHaveLength(25);
		expect(second.tickets).toHaveLength(5);
		const ids = [...first.tickets, ...second.tickets].map((t) => t.id);
		expect(new Set(ids).size).toBe(30);
	});

	it('keeps a page past the end on the last page', () => {
		const listing = queueListing(deskWith(3).reader, 'john', 'open', { page: 9 });
		expect(listing.page).toBe(1);
		expect(listing.tickets).toHaveLength(3);
	});

	it("opens in the queue's order: Open by priority, then the most recently updated", () => {
		const listing = queueListing(deskWith(8).reader, 'john', 'open');
		expect(listing.defaultSort).toBe('Priority + Most Recently Updated');
		expect(listing.tickets.map((t) => t.subject)).toEqual([
			'Request 07',
			'Request 03',
			'Request 06',
			'Request 02',
			'Request 05',
			'Request 01',
			'Request 08',
			'Request 04'
		]);
	});

	it('sorts by a column either way, across pages', () => {
		const r = deskWith(30).reader;
		const asc = queueListing(r, 'john', 'open', { sort: { column: 'subject', dir: 'asc' } });
		expect(asc.defaultSort).toBeNull();
		expect(asc.tickets[0]?.subject).toBe('Request 01');
		expect(asc.tickets[24]?.subject).toBe('Request 25');
		const desc = queueListing(r, 'john', 'open', {
			sort: { column: 'subject', dir: 'desc' },
			page: 2
		});
		expect(desc.tickets.map((t) => t.subject)).toEqual([
			'Request 05',
			'Request 04',
			'Request 03',
			'Request 02',
			'Request 01'
		]);
		const from = queueListing(r, 'john', 'open', { sort: { column: 'from', dir: 'desc' } });
		expect(from.tickets[0]?.userId).toBe('ken');
		const urgent = queueListing(r, 'john', 'open', { sort: { column: 'priority', dir: 'desc' } });
		expect(urgent.tickets[0]?.priority).toBe('emergency');
	});

	it('puts empty values last whichever way (no assignee, no due date)', () => {
		const desk = deskWith(3);
		const [first] = queueListing(desk.reader, 'john', 'open').tickets;
		if (!first) throw new Error('no ticket');
		desk.run(JOHN, { type: 'ticket.assign', ticketId: first.id, agentId: 'jane' }, null);
		for (const dir of ['asc', 'desc'] as const) {
			const rows = queueListing(desk.reader, 'john', 'open', {
				sort: { column: 'assignee', dir }
			}).tickets;
			expect(rows[0]?.assigneeAgentId).toBe('jane');
		}
	});

	it('searches before it pages', () => {
		const listing = queueListing(deskWith(30).reader, 'john', 'open', { search: 'Request 1' });
		expect(listing.total).toBe(10);
		expect(listing.pages).toBe(1);
	});
});
