/**
 * The permission matrix: every default role × every ticket command, allowed or
 * refused as osTicket decides (Ticket::checkStaffPerm with the role of
 * Staff::getRole; a referral needs ticket.assign, as ajax.tickets.php refer). The expected table is written out by hand from
 * osTicket's role.yaml, so a wrong role definition in roles.ts fails here.
 */
import { describe, expect, it } from 'vitest';
import { seedSpec } from '../../../tests/fixtures/helpdesk';
import { buildWorld } from './build';
import type { Command } from './commands';
import { HelpDesk } from './journal';
import { assignableAgents, canOpenTickets, statusChoices, ticketAbilities } from './access';
import { readWorld } from './world';

type Case =
	| 'view'
	| 'note'
	| 'open'
	| 'reply'
	| 'assign'
	| 'claim'
	| 'release'
	| 'transfer'
	| 'refer'
	| 'edit'
	| 'close'
	| 'reopen'
	| 'delete'
	| 'collab'
	| 'answered'
	| 'owner';

const Y = true;
const N = false;
// prettier-ignore
const EXPECTED: Record<string, Record<Case, boolean>> = {
	'all-access':      { view: Y, note: Y, open: Y, reply: Y, assign: Y, claim: Y, release: Y, transfer: Y, refer: Y, edit: Y, close: Y, reopen: Y, delete: Y, collab: Y, answered: Y, owner: Y },
	'expanded-access': { view: Y, note: Y, open: Y, reply: Y, assign: Y, claim: Y, release: Y, transfer: Y, refer: Y, edit: Y, close: Y, reopen: Y, delete: N, collab: Y, answered: N, owner: Y },
	'limited-access':  { view: Y, note: Y, open: Y, reply: Y, assign: Y, claim: Y, release: Y, transfer: Y, refer: Y, edit: N, close: N, reopen: Y, delete: N, collab: Y, answered: N, owner: N },
	'view-only':       { view: Y, note: Y, open: N, reply: N, assign: N, claim: N, release: N, transfer: N, refer: N, edit: N, close: N, reopen: N, delete: N, collab: N, answered: N, owner: N }
};

const KAREN = { role: 'end-user', id: 'karen' } as const;
const SYSTEM = { role: 'system' } as const;

/** A help desk where agent Pat holds `roleId` in Support, with one open ticket there. */
function deskWithRole(roleId: string) {
	const spec = seedSpec();
	spec.agents = [
		...(spec.agents ?? []),
		{
			id: 'pat',
			firstName: 'Pat',
			lastName: 'Quinn',
			username: 'pat',
			email: 'pat@osticket.com',
			deptId: 'support',
			roleId
		}
	];
	const desk = new HelpDesk(buildWorld(spec));
	const opened = desk.run(KAREN, {
		type: 'ticket.open',
		topicId: 'general',
		subject: 'Printer jam',
		details: 'Tray 2 is jammed.'
	});
	if (!opened.ok) throw new Error(opened.error.message);
	return { desk, ticketId: opened.subjectId as string };
}

function commandFor(c: Case, ticketId: string, desk: HelpDesk): Command {
	switch (c) {
		case 'view':
			return { type: 'ticket.view', ticketId };
		case 'note':
			return { type: 'ticket.note', ticketId, body: 'Checked the tray.' };
		case 'open':
			return {
				type: 'ticket.open',
				topicId: 'general',
				userId: 'ken',
				subject: 'Phone call',
				details: 'Called about VPN.',
				source: 'Phone'
			};
		case 'reply':
			return { type: 'ticket.reply', ticketId, body: 'We are on it.' };
		case 'assign':
			return { type: 'ticket.assign', ticketId, agentId: 'jane' };
		case 'claim':
			return { type: 'ticket.claim', ticketId };
		case 'release':
			desk.run(SYSTEM, { type: 'ticket.assign', ticketId, agentId: 'jane' });
			return { type: 'ticket.release', ticketId };
		case 'transfer':
			return { type: 'ticket.transfer', ticketId, deptId: 'accounting' };
		case 'refer':
			return { type: 'ticket.refer', ticketId, to: { kind: 'agent', id: 'jane' } };
		case 'edit':
			return { type: 'ticket.edit', ticketId, changes: { priority: 'emergency' } };
		case 'close':
			return { type: 'ticket.status', ticketId, status: 'resolved' };
		case 'reopen':
			desk.run(SYSTEM, { type: 'ticket.status', ticketId, status: 'closed' });
			return { type: 'ticket.status', ticketId, status: 'open' };
		case 'delete':
			return { type: 'ticket.status', ticketId, status: 'deleted' };
		// Manage Collaborators is offered to roles with ticket.reply (ticket-view.inc.php).
		case 'collab':
			return { type: 'ticket.collaborator.add', ticketId, userId: 'ken' };
		// ajax.tickets.php markAs: ticket.markanswered (or the department's manager).
		case 'answered':
			return { type: 'ticket.markanswered', ticketId, answered: true };
		// Ticket::changeOwner: ticket.edit.
		case 'owner':
			return { type: 'ticket.owner', ticketId, userId: 'ken' };
	}
}

describe('permission matrix: default roles × ticket commands', () => {
	for (const [roleId, row] of Object.entries(EXPECTED)) {
		for (const [c, allowed] of Object.entries(row) as [Case, boolean][]) {
			it(`${roleId}: ${c} is ${allowed ? 'allowed' : 'refused'}`, () => {
				const { desk, ticketId } = deskWithRole(roleId);
				const command = commandFor(c, ticketId, desk);
				const before = JSON.stringify(desk.world);
				const result = desk.run({ role: 'agent', id: 'pat' }, command);
				expect(result.ok, result.ok ? '' : result.error.message).toBe(allowed);
				if (!result.ok) {
					expect(result.error.code).toBe('forbidden');
					expect(result.error.message).toMatch(/^Pat/);
					expect(JSON.stringify(desk.world)).toBe(before);
				}
			});
		}
	}
});

describe('who can see a ticket', () => {
	it('an agent of another department cannot see it, and is told why', () => {
		const { desk, ticketId } = deskWithRole('all-access');
		const result = desk.run({ role: 'agent', id: 'sam' }, { type: 'ticket.view', ticketId });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.error.code).toBe('hidden');
		expect(result.error.message).toContain('Sam has no access to the Support department');
	});

	it('assignment makes it visible to an agent outside the department, with their primary role', () => {
		const { desk, ticketId } = deskWithRole('all-access');
		desk.run(SYSTEM, { type: 'ticket.assign', ticketId, agentId: 'sam' });
		expect(desk.run({ role: 'agent', id: 'sam' }, { type: 'ticket.view', ticketId }).ok).toBe(true);
		// Sam's primary role (All Access) applies to a ticket assigned to them.
		expect(
			desk.run(
				{ role: 'agent', id: 'sam' },
				{ type: 'ticket.edit', ticketId, changes: { priority: 'high' } }
			).ok
		).toBe(true);
	});

	it('a referral makes it visible but grants only the create-only role', () => {
		const { desk, ticketId } = deskWithRole('all-access');
		expect(
			desk.run(
				{ role: 'agent', id: 'pat' },
				{ type: 'ticket.refer', ticketId, to: { kind: 'agent', id: 'sam' } }
			).ok
		).toBe(true);
		expect(desk.run({ role: 'agent', id: 'sam' }, { type: 'ticket.view', ticketId }).ok).toBe(true);
		const edit = desk.run(
			{ role: 'agent', id: 'sam' },
			{ type: 'ticket.edit', ticketId, changes: { priority: 'high' } }
		);
		expect(edit.ok).toBe(false);
		if (!edit.ok) expect(edit.error.message).toContain('only through a referral');
		expect(
			desk.run({ role: 'agent', id: 'sam' }, { type: 'ticket.note', ticketId, body: 'Looking.' }).ok
		).toBe(true);
	});

	it('a limited-access agent sees only tickets assigned to them or their teams', () => {
		const spec = seedSpec();
		spec.agents = spec.agents?.map((a) => (a.id === 'john' ? { ...a, limitedAccess: true } : a));
		const desk = new HelpDesk(buildWorld(spec));
		const opened = desk.run(KAREN, {
			type: 'ticket.open',
			topicId: 'general',
			subject: 'VPN',
			details: 'VPN drops.'
		});
		const ticketId = opened.ok ? (opened.subjectId as string) : '';
		const view = desk.run({ role: 'agent', id: 'john' }, { type: 'ticket.view', ticketId });
		expect(view.ok).toBe(false);
		if (!view.ok) expect(view.error.message).toContain('John has limited access');
		desk.run(SYSTEM, { type: 'ticket.assign', ticketId, teamId: 'online-banking' });
		expect(desk.run({ role: 'agent', id: 'jane' }, { type: 'ticket.view', ticketId }).ok).toBe(
			true
		);
		expect(desk.run({ role: 'agent', id: 'john' }, { type: 'ticket.view', ticketId }).ok).toBe(
			false
		);
		desk.run(SYSTEM, { type: 'ticket.assign', ticketId, agentId: 'john' });
		expect(desk.run({ role: 'agent', id: 'john' }, { type: 'ticket.view', ticketId }).ok).toBe(
			true
		);
	});

	it('access to a parent department covers its sub-departments', () => {
		const spec = seedSpec();
		spec.departments = [
			...(spec.departments ?? []),
			{ id: 'payroll', name: 'Payroll', parentId: 'accounting' }
		];
		spec.agents = [
			...(spec.agents ?? []),
			{
				id: 'amy',
				firstName: 'Amy',
				lastName: 'Books',
				username: 'amy',
				email: 'amy@osticket.com',
				deptId: 'accounting',
				roleId: 'limited-access'
			}
		];
		const desk = new HelpDesk(buildWorld(spec));
		const opened = desk.run(
			{ role: 'agent', id: 'john' },
			{
				type: 'ticket.open',
				topicId: 'general',
				userId: 'ken',
				subject: 'Payslip',
				details: 'Wrong tax code.',
				deptId: 'payroll'
			}
		);
		expect(opened.ok).toBe(true);
		const ticketId = opened.ok ? (opened.subjectId as string) : '';
		expect(desk.run({ role: 'agent', id: 'amy' }, { type: 'ticket.view', ticketId }).ok).toBe(true);
		expect(
			desk.run(
				{ role: 'agent', id: 'amy' },
				{ type: 'ticket.edit', ticketId, changes: { priority: 'low' } }
			).ok
		).toBe(false);
	});

	it('an end user sees only their own tickets, and never an internal note', () => {
		const { desk, ticketId } = deskWithRole('all-access');
		desk.run(
			{ role: 'agent', id: 'pat' },
			{ type: 'ticket.note', ticketId, body: 'Secret: the tray is fine.' }
		);
		const ken = desk.run({ role: 'end-user', id: 'ken' }, { type: 'ticket.view', ticketId });
		expect(ken.ok).toBe(false);
		if (!ken.ok) expect(ken.error.code).toBe('hidden');
		expect(desk.run(KAREN, { type: 'ticket.view', ticketId }).ok).toBe(true);
	});

	it('the admin panel is closed to agents who are not administrators', () => {
		const { desk } = deskWithRole('all-access');
		const result = desk.run(
			{ role: 'admin', id: 'john' },
			{ type: 'access.grant', agentId: 'john', deptId: 'sysadmins', roleId: 'all-access' }
		);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error.code).toBe('not_admin');
		const asAgent = desk.run(
			{ role: 'agent', id: 'admin' },
			{ type: 'access.grant', agentId: 'john', deptId: 'sysadmins', roleId: 'all-access' }
		);
		expect(asAgent.ok).toBe(false);
	});
});

describe('what the panels may offer', () => {
	it('the Ticket Status select offers only what the role allows', () => {
		const offered = (roleId: string) => {
			const { desk, ticketId } = deskWithRole(roleId);
			const r = readWorld(desk.world);
			return statusChoices(r, desk.world.agents['pat']!, desk.world.tickets[ticketId]!);
		};
		expect(offered('all-access')).toEqual(['resolved', 'closed', 'deleted']);
		expect(offered('expanded-access')).toEqual(['resolved', 'closed']);
		expect(offered('limited-access')).toEqual([]);
		expect(offered('view-only')).toEqual([]);
	});

	it('a closed ticket may be reopened by a Limited Access agent (ticket.create)', () => {
		const { desk, ticketId } = deskWithRole('limited-access');
		desk.run(SYSTEM, { type: 'ticket.status', ticketId, status: 'resolved' });
		const r = readWorld(desk.world);
		expect(statusChoices(r, desk.world.agents['pat']!, desk.world.tickets[ticketId]!)).toEqual([
			'open'
		]);
	});

	it('the Assignee list follows the department assignment restriction', () => {
		const spec = seedSpec();
		spec.departments = spec.departments?.map((d) =>
			d.id === 'support' ? { ...d, assignment: 'primary' as const } : d
		);
		const desk = new HelpDesk(buildWorld(spec));
		const opened = desk.run(KAREN, {
			type: 'ticket.open',
			topicId: 'general',
			subject: 'x',
			details: 'y'
		});
		const ticket = desk.world.tickets[opened.ok ? (opened.subjectId as string) : '']!;
		const names = assignableAgents(readWorld(desk.world), ticket).map((a) => a.id);
		expect(names.sort()).toEqual(['admin', 'jane', 'john']);
		const assignSam = desk.run(
			{ role: 'agent', id: 'john' },
			{ type: 'ticket.assign', ticketId: ticket.id, agentId: 'sam' }
		);
		expect(assignSam.ok).toBe(false);
		if (!assignSam.ok) expect(assignSam.error.message).toMatch(/only to its primary members/);
	});

	it('assign, claim and release are offered only when the ticket state allows them', () => {
		const { desk, ticketId } = deskWithRole('expanded-access');
		const offer = () =>
			ticketAbilities(
				readWorld(desk.world),
				desk.world.agents['pat']!,
				desk.world.tickets[ticketId]!
			).offer;
		expect(offer()).toEqual({ assign: true, claim: true, release: false });
		desk.run(SYSTEM, { type: 'ticket.assign', ticketId, agentId: 'jane' });
		expect(offer()).toEqual({ assign: true, claim: false, release: true });
		desk.run(SYSTEM, { type: 'ticket.status', ticketId, status: 'resolved' });
		expect(offer()).toEqual({ assign: false, claim: false, release: true });
	});

	it('Open a New Ticket is offered only to agents with ticket.create somewhere', () => {
		const view = deskWithRole('view-only');
		expect(canOpenTickets(readWorld(view.desk.world), view.desk.world.agents['pat']!)).toBe(false);
		expect(canOpenTickets(readWorld(view.desk.world), view.desk.world.agents['john']!)).toBe(true);
	});
});

describe('the admin panel protects its own administrator', () => {
	it('an admin cannot remove their own admin rights or lock themselves out; agents need a valid e-mail', () => {
		const desk = new HelpDesk(buildWorld(seedSpec()));
		const ADMIN = { role: 'admin', id: 'admin' } as const;
		const demote = desk.run(ADMIN, {
			type: 'agent.update',
			agentId: 'admin',
			changes: { isAdmin: false }
		});
		expect(demote.ok).toBe(false);
		if (!demote.ok) expect(demote.error.message).toMatch(/own administrator rights/);
		expect(
			desk.run(ADMIN, { type: 'agent.update', agentId: 'admin', changes: { active: false } }).ok
		).toBe(false);
		expect(
			desk.run(ADMIN, { type: 'agent.update', agentId: 'john', changes: { isAdmin: true } }).ok
		).toBe(true);
		const email = desk.run(ADMIN, {
			type: 'agent.update',
			agentId: 'john',
			changes: { email: 'john-at-bank' }
		});
		expect(email.ok).toBe(false);
		if (!email.ok) expect(email.error).toMatchObject({ field: 'email' });
	});
});
