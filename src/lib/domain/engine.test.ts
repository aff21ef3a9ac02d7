/**
 * Engine properties: refused commands change nothing, the same commands at the
 * same clock times give the same world, and bad input is refused in words.
 */
import { describe, expect, it } from 'vitest';
import { seedWorld } from '../../../tests/fixtures/helpdesk';
import type { Command } from './commands';
import type { Actor } from './events';
import { execute } from './engine';
import { HelpDesk } from './journal';
import { allTickets, applyChanges, openTickets, readWorld, undoChanges } from './world';

const KAREN: Actor = { role: 'end-user', id: 'karen' };
const JOHN: Actor = { role: 'agent', id: 'john' };

const SCRIPT: [Actor, Command][] = [
	[
		KAREN,
		{
			type: 'ticket.open',
			topicId: 'bco',
			subject: 'Entire mobile online banking is down',
			details: '404'
		}
	],
	[{ role: 'system' }, { type: 'clock.advance', minutes: 10 }],
	[JOHN, { type: 'ticket.edit', ticketId: 't1', changes: { priority: 'emergency' } }],
	[JOHN, { type: 'ticket.assign', ticketId: 't1', agentId: 'jane' }],
	[
		{ role: 'agent', id: 'jane' },
		{ type: 'ticket.reply', ticketId: 't1', body: 'On it', status: 'resolved' }
	],
	[
		JOHN,
		{
			type: 'ticket.open',
			topicId: 'general',
			userId: 'ken',
			subject: 'Walk-in',
			details: 'Badge reader',
			source: 'Other'
		}
	]
];

describe('the engine', () => {
	it('is deterministic: the same commands at the same times give the same world', () => {
		const a = new HelpDesk(seedWorld());
		const b = new HelpDesk(seedWorld());
		for (const [actor, command] of SCRIPT) {
			a.run(actor, command);
			b.run(actor, command);
		}
		expect(JSON.stringify(a.world)).toBe(JSON.stringify(b.world));
		expect(a.world.tickets['t1']?.number).toBe(b.world.tickets['t1']?.number);
		expect(a.journal.every((e) => e.outcome === 'ok')).toBe(true);
	});

	it('execute never changes the world; a refused command leaves it exactly as it was', () => {
		const desk = new HelpDesk(seedWorld());
		desk.run(KAREN, { type: 'ticket.open', topicId: 'bco', subject: 'Down', details: '404' });
		const before = JSON.stringify(desk.world);
		const preview = execute(desk.world, JOHN, {
			type: 'ticket.edit',
			ticketId: 't1',
			changes: { priority: 'low' }
		});
		expect(preview.ok).toBe(true);
		expect(JSON.stringify(desk.world)).toBe(before);
		// A command that fails half-way (assignment to an unknown agent after a valid part) leaves nothing.
		const refused = desk.run(JOHN, {
			type: 'ticket.open',
			topicId: 'general',
			userId: 'ken',
			subject: 'Phone',
			details: 'x',
			assignAgentId: 'nobody'
		});
		expect(refused.ok).toBe(false);
		expect(JSON.stringify(desk.world)).toBe(before);
		expect(desk.journal.at(-1)?.outcome).toBe('refused');
	});

	it('refuses bad input with a message that says what and where', () => {
		const desk = new HelpDesk(seedWorld());
		const cases: [Actor, Command, RegExp][] = [
			[
				KAREN,
				{ type: 'ticket.open', topicId: 'bco', subject: '  ', details: 'x' },
				/Issue Summary is required/
			],
			[KAREN, { type: 'ticket.open', subject: 'x', details: 'x' }, /Help Topic is required/],
			[
				KAREN,
				{ type: 'ticket.open', topicId: 'internal', subject: 'x', details: 'x' },
				/not offered to end users/
			],
			[
				JOHN,
				{
					type: 'ticket.open',
					topicId: 'general',
					email: 'not-an-email',
					name: 'X',
					subject: 'x',
					details: 'x'
				},
				/not a valid e-mail/
			],
			[
				JOHN,
				{
					type: 'ticket.open',
					topicId: 'general',
					userId: 'ken',
					subject: 'x',
					details: 'x',
					source: 'Web'
				},
				/Phone, Email or Other/
			],
			[JOHN, { type: 'ticket.view', ticketId: 'missing' }, /There is no ticket "missing"/],
			[{ role: 'agent', id: 'ghost' }, { type: 'ticket.view', ticketId: 't1' }, /no agent "ghost"/],
			[JOHN, { type: 'nonsense' } as unknown as Command, /Unknown command "nonsense"/]
		];
		for (const [actor, command, message] of cases) {
			const result = desk.run(actor, command);
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.error.message).toMatch(message);
		}
		expect(desk.world.events).toEqual([]);
	});

	it('stores hostile text as text, untouched (rendering sanitises it)', () => {
		const desk = new HelpDesk(seedWorld());
		const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
		const result = desk.run(KAREN, {
			type: 'ticket.open',
			topicId: 'general',
			subject: hostile,
			details: hostile
		});
		expect(result.ok).toBe(true);
		expect(desk.world.tickets['t1']?.subject).toBe(hostile);
	});

	it('an agent opening a ticket for a new caller creates the user; the user gets a notice', () => {
		const desk = new HelpDesk(seedWorld());
		const result = desk.run(JOHN, {
			type: 'ticket.open',
			topicId: 'general',
			email: 'walter@bank.com',
			name: 'Walter White',
			subject: 'Walk-in: badge',
			details: 'Badge does not open door 3.',
			source: 'Other'
		});
		expect(result.ok).toBe(true);
		const user = Object.values(desk.world.users).find((u) => u.email === 'walter@bank.com');
		expect(user?.name).toBe('Walter White');
		expect(desk.world.tickets['t1']).toMatchObject({ source: 'Other', userId: user?.id });
		expect(desk.world.mails.find((m) => m.to.id === user?.id)?.template).toBe('ticket.notice');
	});

	it('an end user replies by e-mail to a notice, and the reply joins the thread', () => {
		const desk = new HelpDesk(seedWorld());
		desk.run(KAREN, {
			type: 'ticket.open',
			topicId: 'general',
			subject: 'VPN',
			details: 'VPN drops'
		});
		desk.run(JOHN, { type: 'ticket.reply', ticketId: 't1', body: 'Which office are you in?' });
		const mail = desk.world.mails.filter((m) => m.to.id === 'karen').at(-1);
		expect(mail?.template).toBe('ticket.reply');
		const reply = desk.run(KAREN, {
			type: 'mail.reply',
			mailId: mail?.id ?? '',
			body: 'Leeds office.'
		});
		expect(reply.ok).toBe(true);
		expect(desk.world.events.at(-1)).toMatchObject({
			type: 'ticket.message',
			data: { via: 'email', body: 'Leeds office.' }
		});
		// Ken cannot answer Karen's mail.
		expect(
			desk.run(
				{ role: 'end-user', id: 'ken' },
				{ type: 'mail.reply', mailId: mail?.id ?? '', body: 'hi' }
			).ok
		).toBe(false);
	});

	it('claim and release follow osTicket', () => {
		const desk = new HelpDesk(seedWorld());
		desk.run(KAREN, {
			type: 'ticket.open',
			topicId: 'general',
			subject: 'VPN',
			details: 'VPN drops'
		});
		expect(desk.run(JOHN, { type: 'ticket.claim', ticketId: 't1' }).ok).toBe(true);
		expect(desk.world.events.at(-1)).toMatchObject({
			type: 'ticket.assigned',
			data: { agentId: 'john', claimed: true }
		});
		const janeClaims = desk.run(
			{ role: 'agent', id: 'jane' },
			{ type: 'ticket.claim', ticketId: 't1' }
		);
		expect(janeClaims.ok).toBe(false);
		if (!janeClaims.ok) expect(janeClaims.error.message).toMatch(/assigned to John Smith/);
		expect(desk.run(JOHN, { type: 'ticket.release', ticketId: 't1' }).ok).toBe(true);
		expect(desk.world.tickets['t1']?.assigneeAgentId).toBeNull();
	});

	it('changing the help topic does not move the ticket (that is a Transfer)', () => {
		const desk = new HelpDesk(seedWorld());
		desk.run(KAREN, {
			type: 'ticket.open',
			topicId: 'general',
			subject: 'VPN',
			details: 'VPN drops'
		});
		desk.run(JOHN, { type: 'ticket.edit', ticketId: 't1', changes: { topicId: 'internal' } });
		expect(desk.world.tickets['t1']).toMatchObject({ topicId: 'internal', deptId: 'support' });
	});

	it('a closing agent keeps read access through a referral', () => {
		const desk = new HelpDesk(seedWorld());
		desk.run(KAREN, {
			type: 'ticket.open',
			topicId: 'general',
			subject: 'VPN',
			details: 'VPN drops'
		});
		desk.run({ role: 'system' }, { type: 'ticket.assign', ticketId: 't1', agentId: 'sam' });
		expect(
			desk.run(
				{ role: 'agent', id: 'sam' },
				{ type: 'ticket.status', ticketId: 't1', status: 'resolved' }
			).ok
		).toBe(true);
		expect(desk.run({ role: 'agent', id: 'sam' }, { type: 'ticket.view', ticketId: 't1' }).ok).toBe(
			true
		);
	});

	it('keeps the ticket list it serves to queues in step with every commit', () => {
		const desk = new HelpDesk(seedWorld());
		const list = allTickets(desk.world);
		for (const [actor, command] of SCRIPT) {
			desk.run(actor, command);
			expect(readWorld(desk.world).all('tickets')).toEqual(Object.values(desk.world.tickets));
			const open = Object.values(desk.world.tickets).filter((t) => t.status === 'open');
			expect(
				openTickets(desk.world)
					.map((t) => t.id)
					.sort()
			).toEqual(open.map((t) => t.id).sort());
			expect(openTickets(desk.world).every((t) => desk.world.tickets[t.id] === t)).toBe(true);
		}
		expect(allTickets(desk.world)).toBe(list);
		expect(list.map((t) => t.id)).toEqual(['t1', 't2']);
		expect(list[0]?.status).toBe('resolved');
		expect(openTickets(desk.world).map((t) => t.id)).toEqual(['t2']);
		// A reopened ticket comes back to the open list.
		desk.run(KAREN, { type: 'ticket.reply', ticketId: 't1', body: 'Still down.' });
		expect(
			openTickets(desk.world)
				.map((t) => t.id)
				.sort()
		).toEqual(['t1', 't2']);
	});

	it('takes back an applied change set exactly (a write that could not be stored)', () => {
		const desk = new HelpDesk(seedWorld());
		desk.run(KAREN, SCRIPT[0]![1]);
		const before = JSON.stringify(desk.world);
		allTickets(desk.world);
		const result = execute(desk.world, JOHN, {
			type: 'ticket.open',
			topicId: 'general',
			userId: 'ken',
			subject: 'Walk-in',
			details: 'Badge',
			source: 'Other'
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const undo = applyChanges(desk.world, result.changes);
		expect(allTickets(desk.world)).toHaveLength(2);
		undoChanges(desk.world, undo);
		expect(JSON.stringify(desk.world)).toBe(before);
		expect(allTickets(desk.world)).toHaveLength(1);
	});
});
