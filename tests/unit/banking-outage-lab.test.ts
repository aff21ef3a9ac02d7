/**
 * The banking-outage lab with seed 000's exact names and values: Karen opens
 * "Entire mobile online banking is down" under Business Critical Outage; the
 * agent sets Emergency, SEV-A, Support and assigns Jane Doe; Jane posts the
 * two replies, the second with status Resolved; the ticket is in the Closed queue.
 */
import { describe, expect, it } from 'vitest';
import {
	HelpDesk,
	mailbox,
	queueCounts,
	queueTickets,
	readWorld,
	ticketTimeline
} from '../../src/lib/domain';
import { seedWorld } from '../fixtures/helpdesk';

const KAREN = { role: 'end-user', id: 'karen' } as const;
const JOHN = { role: 'agent', id: 'john' } as const;
const JANE = { role: 'agent', id: 'jane' } as const;

describe('banking outage lab (seed 000)', () => {
	it('runs from intake to the Closed queue', () => {
		const desk = new HelpDesk(seedWorld());
		const opened = desk.run(KAREN, {
			type: 'ticket.open',
			email: 'karen@osTicket.com',
			name: 'Karen Karen',
			topicId: 'bco',
			subject: 'Entire mobile online banking is down',
			details:
				'Customers are reporting they are getting a 404 error when browsing to online banking'
		});
		expect(opened.ok).toBe(true);
		const ticketId = opened.ok ? (opened.subjectId as string) : '';
		let ticket = desk.world.tickets[ticketId]!;
		expect(ticket).toMatchObject({
			userId: 'karen',
			source: 'Web',
			topicId: 'bco',
			deptId: 'support',
			status: 'open'
		});
		expect(ticket.number).toMatch(/^\d{6}$/);
		// Karen gets the autoresponse with her ticket number.
		expect(mailbox(desk.world, { kind: 'user', id: 'karen' })[0]?.subject).toBe(
			`Support Ticket Opened [#${ticket.number}]`
		);

		// Stage 2: the agent triages.
		expect(
			desk.run(JOHN, {
				type: 'ticket.edit',
				ticketId,
				changes: { priority: 'emergency', slaId: 'sev-a' }
			}).ok
		).toBe(true);
		expect(desk.run(JOHN, { type: 'ticket.assign', ticketId, agentId: 'jane' }).ok).toBe(true);
		ticket = desk.world.tickets[ticketId]!;
		expect(ticket).toMatchObject({
			priority: 'emergency',
			slaId: 'sev-a',
			deptId: 'support',
			assigneeAgentId: 'jane'
		});
		expect(queueCounts(readWorld(desk.world), 'jane').mine).toBe(1);
		expect(mailbox(desk.world, { kind: 'agent', id: 'jane' })[0]?.subject).toBe(
			'Ticket Assigned to you'
		);

		const first = desk.run(JANE, {
			type: 'ticket.reply',
			ticketId,
			body: 'Coordinating with Sys Admin Team to bring mobile banking back online.'
		});
		expect(first.ok).toBe(true);
		expect(queueCounts(readWorld(desk.world), 'jane')).toMatchObject({
			open: 1,
			answered: 1,
			unanswered: 0
		});

		// Stage 4: the fix, posted with status Resolved in the same action.
		const fix = desk.run(JANE, {
			type: 'ticket.reply',
			ticketId,
			body: 'Jerry from System Engineering found and connected a failed load balancer. Mobile banking should be back up.',
			status: 'resolved'
		});
		expect(fix.ok).toBe(true);
		ticket = desk.world.tickets[ticketId]!;
		expect(ticket.status).toBe('resolved');
		expect(ticket.closedAt).toBe(desk.world.meta.clock);

		const r = readWorld(desk.world);
		expect(queueCounts(r, 'jane')).toMatchObject({ open: 0, closed: 1 });
		expect(queueTickets(r, 'jane', 'closed').tickets.map((t) => t.subject)).toEqual([
			'Entire mobile online banking is down'
		]);
		// John (who can see Support) finds it under Closed too.
		expect(queueTickets(r, 'john', 'closed').total).toBe(1);

		// The end user's view: both responses, no notes, the closing event; in her Closed tab.
		const seen = ticketTimeline(desk.world, ticketId, 'end-user').map((e) => e.type);
		expect(seen).toEqual([
			'ticket.created',
			'ticket.message',
			'ticket.response',
			'ticket.response',
			'ticket.closed'
		]);
		const replies = mailbox(desk.world, { kind: 'user', id: 'karen' }).filter(
			(m) => m.template === 'ticket.reply'
		);
		expect(replies).toHaveLength(2);
		expect(replies[0]?.subject).toBe(
			`Re: Entire mobile online banking is down [#${ticket.number}]`
		);
		expect(replies[0]?.body).toContain('failed load balancer');
		expect(replies[0]?.body).toContain('Ticket status: Resolved');
	});

	it('routes to the Online Banking Team, whose member Jane then sees it in My Tickets', () => {
		const desk = new HelpDesk(seedWorld());
		const opened = desk.run(KAREN, {
			type: 'ticket.open',
			topicId: 'bco',
			subject: 'Entire mobile online banking is down',
			details: '404s'
		});
		const ticketId = opened.ok ? (opened.subjectId as string) : '';
		expect(desk.run(JOHN, { type: 'ticket.assign', ticketId, teamId: 'online-banking' }).ok).toBe(
			true
		);
		expect(queueCounts(readWorld(desk.world), 'jane').mine).toBe(1);
		expect(queueCounts(readWorld(desk.world), 'john').mine).toBe(0);
	});

	it('a reply from Karen reopens the resolved ticket', () => {
		const desk = new HelpDesk(seedWorld());
		const opened = desk.run(KAREN, {
			type: 'ticket.open',
			topicId: 'bco',
			subject: 'Entire mobile online banking is down',
			details: '404s'
		});
		const ticketId = opened.ok ? (opened.subjectId as string) : '';
		desk.run(JANE, { type: 'ticket.reply', ticketId, body: 'Fixed.', status: 'resolved' });
		expect(desk.run(KAREN, { type: 'ticket.reply', ticketId, body: 'Still down for me.' }).ok).toBe(
			true
		);
		expect(desk.world.tickets[ticketId]).toMatchObject({ status: 'open', answered: false });
		expect(desk.world.events.filter((e) => e.type === 'ticket.reopened')).toHaveLength(1);
		// Karen cannot close it herself (osTicket).
		const close = desk.run(KAREN, { type: 'ticket.status', ticketId, status: 'closed' });
		expect(close.ok).toBe(false);
	});
});
