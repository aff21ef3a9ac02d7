/**
 * The Users tab and the agent's profile, as osTicket 1.18 shows them:
 * include/staff/users.inc.php (search by name, e-mail or organization,
 * default sort by name, ticket_count of every ticket the user owns),
 * templates/tickets.tmpl.php (a user's tickets: owned or copied on, within
 * the agent's ticket visibility) and the Access and Teams tabs of an agent.
 */
import { describe, expect, it } from 'vitest';
import { seedWorld } from '../../../tests/fixtures/helpdesk';
import type { Actor } from './events';
import { HelpDesk } from './journal';
import { agentProfile, userDirectory, userTicketsFor } from './directory';

const JOHN: Actor = { role: 'agent', id: 'john' };
const ADMIN: Actor = { role: 'admin', id: 'admin' };

describe('the User Directory', () => {
	it('lists every user by name with their ticket count; a user added in the lab has a date', () => {
		const desk = new HelpDesk(seedWorld());
		desk.run(JOHN, {
			type: 'ticket.open',
			userId: 'karen',
			topicId: 'general',
			subject: 'Printer',
			details: 'Jammed.'
		});
		desk.run(JOHN, {
			type: 'ticket.open',
			email: 'amy@example.com',
			name: 'Amy Adams',
			topicId: 'general',
			subject: 'Walk-in',
			details: 'Badge.'
		});
		const page = userDirectory(desk.world);
		expect(page.rows.map((r) => r.user.name)).toEqual(['Amy Adams', 'Karen Karen', 'Ken Ledger']);
		expect(page.rows.map((r) => r.tickets)).toEqual([1, 1, 0]);
		expect(page.rows[0]?.createdAt).toBe(desk.world.meta.clock);
		expect(page.rows[1]?.createdAt).toBeNull();
	});

	it('searches name, e-mail and organization, and sorts by any column either way', () => {
		const desk = new HelpDesk(seedWorld());
		expect(userDirectory(desk.world, { search: 'LEDGER' }).rows.map((r) => r.user.id)).toEqual([
			'ken'
		]);
		expect(userDirectory(desk.world, { search: 'karen@' }).total).toBe(1);
		expect(
			userDirectory(desk.world, { sort: 'name', dir: 'desc' }).rows.map((r) => r.user.id)
		).toEqual(['ken', 'karen']);
		expect(
			userDirectory(desk.world, { sort: 'email', dir: 'asc' }).rows.map((r) => r.user.id)
		).toEqual(['karen', 'ken']);
	});

	it('pages the directory', () => {
		const desk = new HelpDesk(seedWorld());
		for (let i = 0; i < 30; i++)
			desk.run(ADMIN, { type: 'user.create', name: `User ${i}`, email: `u${i}@example.com` });
		const page = userDirectory(desk.world, { page: 2, pageSize: 25 });
		expect(page.total).toBe(32);
		expect(page.pages).toBe(2);
		expect(page.rows).toHaveLength(7);
	});
});

describe("a user's tickets, as an agent sees them", () => {
	it('are the ones the agent is shown, owned or copied on, newest first', () => {
		const desk = new HelpDesk(seedWorld());
		const open = (subject: string, userId: string) =>
			desk.run(JOHN, { type: 'ticket.open', userId, topicId: 'general', subject, details: '.' });
		open('First', 'karen');
		desk.run({ role: 'system' }, { type: 'clock.advance', minutes: 5 });
		open('Second', 'karen');
		desk.run({ role: 'system' }, { type: 'clock.advance', minutes: 5 });
		open("Ken's", 'ken');
		const kens = Object.values(desk.world.tickets).find((t) => t.subject === "Ken's");
		if (!kens) throw new Error('no ticket');
		desk.run(JOHN, { type: 'ticket.collaborator.add', ticketId: kens.id, userId: 'karen' });
		expect(userTicketsFor(desk.world, 'john', 'karen').map((t) => t.subject)).toEqual([
			"Ken's",
			'Second',
			'First'
		]);

		// Moved to SysAdmins, where John has no access: no longer listed to him.
		const first = Object.values(desk.world.tickets).find((t) => t.subject === 'First');
		if (!first) throw new Error('no ticket');
		desk.run(JOHN, { type: 'ticket.transfer', ticketId: first.id, deptId: 'sysadmins' });
		expect(userTicketsFor(desk.world, 'john', 'karen').map((t) => t.subject)).toEqual([
			"Ken's",
			'Second'
		]);
		// The directory still counts every ticket Karen owns.
		expect(userDirectory(desk.world).rows.find((r) => r.user.id === 'karen')?.tickets).toBe(2);
	});
});

describe("an agent's profile", () => {
	it('shows the primary department and role, extended access, teams and managed departments', () => {
		const desk = new HelpDesk(seedWorld());
		desk.run(ADMIN, {
			type: 'access.grant',
			agentId: 'jane',
			deptId: 'sysadmins',
			roleId: 'view-only'
		});
		const jane = agentProfile(desk.world, 'jane');
		expect(jane?.primary.department?.name).toBe('Support');
		expect(jane?.primary.role?.name).toBe('Expanded Access');
		expect(jane?.extended.map((e) => [e.department?.name, e.role?.name])).toEqual([
			['SysAdmins', 'View only']
		]);
		expect(jane?.teams.map((t) => t.name)).toEqual(['Online Banking Team']);
		expect(agentProfile(desk.world, 'admin')?.manages.map((d) => d.name)).toEqual(['Support']);
		expect(agentProfile(desk.world, 'nobody')).toBeNull();
	});
});
