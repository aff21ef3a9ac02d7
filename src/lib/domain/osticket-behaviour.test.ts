/**
 * Behaviours a trainee meets on day one, each as osTicket 1.18 does it; every
 * test names the function of include/class.ticket.php (or the default data
 * of include/i18n/en_US) it follows.
 */
import { describe, expect, it } from 'vitest';
import { seedSpec, START } from '../../../tests/fixtures/helpdesk';
import { appliedRole, canSee } from './access';
import { buildWorld, type WorldSpec } from './build';
import type { Command } from './commands';
import type { Actor } from './events';
import { HelpDesk } from './journal';
import { queueCounts, queueTickets, type QueueId } from './queries';
import { HOUR } from './schedule';
import { readWorld } from './world';

const KAREN: Actor = { role: 'end-user', id: 'karen' };
const JOHN: Actor = { role: 'agent', id: 'john' };
const JANE: Actor = { role: 'agent', id: 'jane' };
const SAM: Actor = { role: 'agent', id: 'sam' };
const SYSTEM: Actor = { role: 'system' };

function desk(change: (spec: WorldSpec) => void = () => {}) {
	const spec = seedSpec();
	change(spec);
	return new HelpDesk(buildWorld(spec));
}

function run(d: HelpDesk, actor: Actor, command: Command) {
	const result = d.run(actor, command);
	if (!result.ok) throw new Error(`${command.type} refused: ${result.error.message}`);
	return result.subjectId as string;
}

/** Karen opens a ticket in the portal under General Inquiry (Support). */
function karenOpens(d: HelpDesk, subject = 'Printer jam'): string {
	return run(d, KAREN, { type: 'ticket.open', topicId: 'general', subject, details: 'Tray 2.' });
}

const ticket = (d: HelpDesk, id: string) => d.world.tickets[id]!;

describe('Post Reply claims an unassigned ticket (Ticket::postReply, auto_claim_tickets: 1)', () => {
	it('assigns the replying agent, with no event of its own; the response records it', () => {
		const d = desk();
		const id = karenOpens(d);
		run(d, JOHN, { type: 'ticket.reply', ticketId: id, body: 'Looking at it.' });
		expect(ticket(d, id).assigneeAgentId).toBe('john');
		expect(d.world.events.some((e) => e.type === 'ticket.assigned')).toBe(false);
		const response = d.world.events.find((e) => e.type === 'ticket.response');
		expect(response?.data).toMatchObject({ claimed: true });
		expect(queueCounts(readWorld(d.world), 'john')['assigned-me']).toBe(1);
	});

	it('leaves an assigned ticket alone, and claims nothing when the setting is off', () => {
		const d = desk();
		const id = karenOpens(d);
		run(d, JOHN, { type: 'ticket.assign', ticketId: id, agentId: 'jane' });
		run(d, JOHN, { type: 'ticket.reply', ticketId: id, body: 'Jane has it.' });
		expect(ticket(d, id).assigneeAgentId).toBe('jane');
		const off = desk((s) => (s.settings = { ...s.settings, autoClaimTickets: false }));
		const other = karenOpens(off);
		run(off, JOHN, { type: 'ticket.reply', ticketId: other, body: 'Looking.' });
		expect(ticket(off, other).assigneeAgentId).toBeNull();
	});

	it('claims a ticket assigned to a team only, ignoring the assignment restriction', () => {
		const d = desk((s) => {
			s.departments = s.departments?.map((dept) =>
				dept.id === 'support' ? { ...dept, assignment: 'primary' } : dept
			);
		});
		const id = karenOpens(d);
		run(d, JOHN, { type: 'ticket.assign', ticketId: id, teamId: 'online-banking' });
		run(d, JANE, { type: 'ticket.reply', ticketId: id, body: 'Mine now.' });
		expect(ticket(d, id)).toMatchObject({
			assigneeAgentId: 'jane',
			assigneeTeamId: 'online-banking'
		});
	});

	it('an agent opening a ticket with a response claims it too (Ticket::open goes through postReply)', () => {
		const d = desk();
		const id = run(d, JOHN, {
			type: 'ticket.open',
			userId: 'karen',
			topicId: 'general',
			subject: 'Phone call',
			details: 'Printer.',
			response: 'We will send someone.'
		});
		expect(ticket(d, id).assigneeAgentId).toBe('john');
	});
});

describe('mail, as a fresh install sends it (config.yaml)', () => {
	it('sends no new-ticket auto-response unless the setting is on (ticket_autoresponder: 0)', () => {
		const fresh = desk((s) => (s.settings = { ...s.settings, autoRespondNewTicket: false }));
		karenOpens(fresh);
		expect(fresh.world.mails.filter((m) => m.template === 'ticket.autoresp')).toHaveLength(0);
		const on = desk();
		karenOpens(on);
		expect(on.world.mails.filter((m) => m.template === 'ticket.autoresp')).toHaveLength(1);
	});

	it('an agent-opened ticket with a response sends one notice that embeds the response (Ticket::open)', () => {
		const d = desk();
		run(d, JOHN, {
			type: 'ticket.open',
			userId: 'karen',
			topicId: 'general',
			subject: 'Phone call',
			details: 'Printer on 3.',
			response: 'A technician is on the way.'
		});
		const toKaren = d.world.mails.filter((m) => m.to.id === 'karen');
		expect(toKaren.map((m) => m.template)).toEqual(['ticket.notice']);
		expect(toKaren[0]?.body).toContain('A technician is on the way.');
	});

	it('alerts the department manager and the admin address on a new ticket, not every administrator (Ticket::onNewTicket)', () => {
		const d = desk((s) => {
			s.agents = [
				...(s.agents ?? []),
				{
					id: 'root',
					firstName: 'Root',
					lastName: 'Admin',
					username: 'root',
					email: 'root@osticket.com',
					deptId: 'support',
					roleId: 'all-access',
					isAdmin: true
				}
			];
			s.departments = s.departments?.map((dept) =>
				dept.id === 'support' ? { ...dept, managerId: 'john' } : dept
			);
			s.settings = { ...s.settings, adminEmail: 'root@osticket.com' };
		});
		karenOpens(d);
		const alerted = d.world.mails.filter((m) => m.template === 'ticket.alert').map((m) => m.to.id);
		expect(alerted.sort()).toEqual(['john', 'root']);
	});

	it('alerts the team members on a new message when no agent holds the ticket (Ticket::postMessage)', () => {
		const d = desk((s) => {
			s.teams = [
				...(s.teams ?? []),
				{ id: 'desk', name: 'Desk', leadId: 'john', members: ['jane', 'sam'] }
			];
		});
		const id = karenOpens(d);
		run(d, SYSTEM, { type: 'ticket.assign', ticketId: id, teamId: 'desk' });
		run(d, KAREN, { type: 'ticket.reply', ticketId: id, body: 'Any news?' });
		const alerted = d.world.mails.filter((m) => m.template === 'message.alert').map((m) => m.to.id);
		expect(alerted.sort()).toEqual(['jane', 'sam']);
	});

	it('sends no alert for a team assignment (assigned_alert_team_members: 0), and names the assignee (%{assignee.name.first})', () => {
		const d = desk();
		const id = karenOpens(d);
		run(d, JOHN, { type: 'ticket.assign', ticketId: id, teamId: 'online-banking' });
		expect(d.world.mails.filter((m) => m.template === 'assigned.alert')).toHaveLength(0);
		run(d, JOHN, { type: 'ticket.assign', ticketId: id, agentId: 'jane' });
		const alert = d.world.mails.find((m) => m.template === 'assigned.alert');
		expect(alert?.to.id).toBe('jane');
		expect(alert?.body).toMatch(/^Hi Jane,/);
		expect(alert?.body).toContain('assigned to you by John S.');
	});

	it('alerts the assignee (or the team members) and the manager when a ticket goes overdue (Ticket::onOverdue)', () => {
		const d = desk();
		const id = run(d, JOHN, {
			type: 'ticket.open',
			userId: 'karen',
			topicId: 'general',
			subject: 'x',
			details: 'x',
			slaId: 'sev-a',
			assignTeamId: 'online-banking'
		});
		run(d, SYSTEM, { type: 'clock.advance', minutes: 61 });
		expect(ticket(d, id).overdue).toBe(true);
		const alerted = d.world.mails.filter((m) => m.template === 'overdue.alert').map((m) => m.to.id);
		expect(alerted.sort()).toEqual(['admin', 'jane']);
	});

	it('"Do Not Email Reply" posts the reply without mailing anyone', () => {
		const d = desk();
		const id = karenOpens(d);
		const before = d.world.mails.length;
		run(d, JOHN, { type: 'ticket.reply', ticketId: id, body: 'Noted.', replyTo: 'none' });
		expect(d.world.mails).toHaveLength(before);
	});
});

describe('closing and reopening (Ticket::setStatus)', () => {
	it('closing makes the closer the agent; the previous assignee keeps read access by referral (auto_refer_closed)', () => {
		const d = desk();
		const id = karenOpens(d);
		run(d, JOHN, { type: 'ticket.assign', ticketId: id, agentId: 'jane' });
		run(
			d,
			{ role: 'agent', id: 'admin' },
			{ type: 'ticket.status', ticketId: id, status: 'resolved' }
		);
		const t = ticket(d, id);
		expect(t.assigneeAgentId).toBe('admin');
		expect(t.referrals).toContainEqual({ kind: 'agent', id: 'jane' });
	});

	it('clears a due date already past, so the reopened ticket is not overdue at once', () => {
		const d = desk();
		const id = karenOpens(d);
		run(d, JOHN, { type: 'ticket.edit', ticketId: id, changes: { dueAt: START + HOUR } });
		run(d, SYSTEM, { type: 'clock.advance', minutes: 120 });
		expect(ticket(d, id).overdue).toBe(true);
		run(d, JOHN, { type: 'ticket.status', ticketId: id, status: 'closed' });
		expect(ticket(d, id).manualDueAt).toBeNull();
		run(d, KAREN, { type: 'ticket.reply', ticketId: id, body: 'Broken again.' });
		expect(ticket(d, id)).toMatchObject({ status: 'open', overdue: false });
	});

	it('a reopen assigns the closer when they still have access, and clears the agent otherwise', () => {
		const d = desk();
		const id = karenOpens(d);
		run(d, JOHN, { type: 'ticket.status', ticketId: id, status: 'resolved' });
		run(d, KAREN, { type: 'ticket.reply', ticketId: id, body: 'Still jammed.' });
		expect(ticket(d, id)).toMatchObject({
			status: 'open',
			assigneeAgentId: 'john',
			answered: false
		});

		const gone = karenOpens(d, 'Scanner');
		run(d, SYSTEM, { type: 'ticket.assign', ticketId: gone, agentId: 'sam' });
		run(d, SAM, { type: 'ticket.status', ticketId: gone, status: 'resolved' });
		// Sam (SysAdmins) has no access to Support: the reopened ticket goes back to the pool.
		run(d, KAREN, { type: 'ticket.reply', ticketId: gone, body: 'Again.' });
		expect(ticket(d, gone).assigneeAgentId).toBeNull();
	});

	it('a closed ticket assigned to an agent gives them the create-only role, not their primary role (Staff::getRole, Ticket::isAssigned)', () => {
		const d = desk();
		const id = karenOpens(d);
		run(d, SYSTEM, { type: 'ticket.assign', ticketId: id, agentId: 'sam' });
		const sam = d.world.agents['sam']!;
		expect(appliedRole(readWorld(d.world), sam, ticket(d, id)).via).toBe('assigned');
		run(d, SYSTEM, { type: 'ticket.status', ticketId: id, status: 'closed' });
		expect(appliedRole(readWorld(d.world), sam, ticket(d, id)).via).toBe('none');
	});
});

describe('Transfer (Ticket::transfer)', () => {
	it('reopens a closed ticket, replaces a missing plan with the new department\u2019s, posts the comment as a note', () => {
		const d = desk();
		const id = karenOpens(d);
		run(d, JOHN, { type: 'ticket.edit', ticketId: id, changes: { slaId: null } });
		run(d, JOHN, { type: 'ticket.status', ticketId: id, status: 'resolved' });
		run(d, JOHN, {
			type: 'ticket.transfer',
			ticketId: id,
			deptId: 'sysadmins',
			comment: 'Hardware fault.'
		});
		const t = ticket(d, id);
		expect(t).toMatchObject({ deptId: 'sysadmins', status: 'open', slaId: 'sev-a' });
		const note = d.world.events.filter((e) => e.type === 'ticket.note').at(-1);
		expect(note?.data).toMatchObject({
			title: 'Ticket transferred from Support to SysAdmins',
			body: 'Hardware fault.'
		});
	});

	it('keeps a plan that is not transient, and replaces a transient one', () => {
		const d = desk((s) => {
			s.slas = s.slas?.map((p) => (p.id === 'sev-b' ? { ...p, transient: true } : p));
		});
		const kept = karenOpens(d);
		expect(ticket(d, kept).slaId).toBe('sev-c');
		run(d, JOHN, { type: 'ticket.transfer', ticketId: kept, deptId: 'sysadmins' });
		expect(ticket(d, kept).slaId).toBe('sev-c');
		const swapped = karenOpens(d, 'Scanner');
		run(d, JOHN, { type: 'ticket.edit', ticketId: swapped, changes: { slaId: 'sev-b' } });
		run(d, JOHN, { type: 'ticket.transfer', ticketId: swapped, deptId: 'sysadmins' });
		expect(ticket(d, swapped).slaId).toBe('sev-a');
	});

	it('unassigns an agent a members-only department does not accept, and can keep the old department referred', () => {
		const d = desk((s) => {
			s.departments = s.departments?.map((dept) =>
				dept.id === 'sysadmins' ? { ...dept, assignment: 'members' } : dept
			);
		});
		const id = karenOpens(d);
		run(d, JOHN, { type: 'ticket.assign', ticketId: id, agentId: 'jane' });
		run(d, JOHN, { type: 'ticket.transfer', ticketId: id, deptId: 'sysadmins', refer: true });
		const t = ticket(d, id);
		expect(t.assigneeAgentId).toBeNull();
		expect(t.referrals).toContainEqual({ kind: 'department', id: 'support' });
		expect(canSee(readWorld(d.world), d.world.agents['john']!, t)).toBe(true);
	});
});

describe('Edit (Ticket::update)', () => {
	it('picks the plan again when a transient one was not changed: the department\u2019s, then the topic\u2019s', () => {
		const d = desk((s) => {
			s.slas = s.slas?.map((p) => (p.id === 'sev-b' ? { ...p, transient: true } : p));
		});
		const id = karenOpens(d);
		run(d, JOHN, { type: 'ticket.edit', ticketId: id, changes: { slaId: 'sev-b' } });
		run(d, JOHN, { type: 'ticket.edit', ticketId: id, changes: { topicId: 'bco' } });
		expect(ticket(d, id).slaId).toBe('sev-c');
	});

	it('refuses a due date on a closed ticket, and a help topic left empty', () => {
		const d = desk();
		const id = karenOpens(d);
		const empty = d.run(JOHN, { type: 'ticket.edit', ticketId: id, changes: { topicId: null } });
		expect(empty.ok ? '' : empty.error.message).toBe('Help Topic is required.');
		run(d, JOHN, { type: 'ticket.status', ticketId: id, status: 'closed' });
		const due = d.run(JOHN, {
			type: 'ticket.edit',
			ticketId: id,
			changes: { dueAt: START + 5 * HOUR }
		});
		expect(due.ok ? '' : due.error.message).toBe('A due date cannot be set on a closed ticket.');
	});
});

describe('queues (queue.yaml, Staff::getTicketsVisibility)', () => {
	it('are osTicket\u2019s tree: Open / Open (unanswered) / Answered / Overdue, My Tickets / Assigned to Me / to Teams, Closed', () => {
		const d = desk();
		const a = karenOpens(d, 'A');
		const b = karenOpens(d, 'B');
		const c = karenOpens(d, 'C');
		run(d, JANE, { type: 'ticket.reply', ticketId: a, body: 'Hi.' }); // answered, claimed by Jane
		run(d, JOHN, { type: 'ticket.assign', ticketId: b, teamId: 'online-banking' });
		run(d, JOHN, { type: 'ticket.status', ticketId: c, status: 'resolved' });
		const counts = queueCounts(readWorld(d.world), 'jane');
		const want: Partial<Record<QueueId, number>> = {
			open: 2,
			unanswered: 1,
			answered: 1,
			overdue: 0,
			mine: 2,
			'assigned-me': 1,
			'assigned-teams': 1,
			closed: 1,
			'closed-today': 1
		};
		expect(counts).toMatchObject(want);
		expect('unassigned' in counts).toBe(false);
	});

	it('sorts closed tickets into Today, Yesterday, This Week… in the world\u2019s time zone', () => {
		const d = desk((s) => (s.settings = { ...s.settings, timezone: 'America/New_York' }));
		// Monday 2026-03-02: closed at 22:00 New York time (03:00 UTC on Tuesday).
		run(d, SYSTEM, { type: 'clock.advance', to: Date.UTC(2026, 2, 3, 3) });
		const id = karenOpens(d);
		run(d, JOHN, { type: 'ticket.status', ticketId: id, status: 'resolved' });
		run(d, SYSTEM, { type: 'clock.advance', to: Date.UTC(2026, 2, 3, 14) });
		const counts = queueCounts(readWorld(d.world), 'john');
		expect(counts).toMatchObject({
			'closed-today': 0,
			'closed-yesterday': 1,
			'closed-week': 1,
			'closed-month': 1
		});
	});

	it('does not list a closed ticket referred to an agent, though the agent can still open it', () => {
		const d = desk();
		const id = karenOpens(d);
		run(d, SYSTEM, { type: 'ticket.assign', ticketId: id, agentId: 'sam' });
		run(
			d,
			{ role: 'agent', id: 'admin' },
			{ type: 'ticket.status', ticketId: id, status: 'closed' }
		);
		const reader = readWorld(d.world);
		expect(ticket(d, id).referrals).toContainEqual({ kind: 'agent', id: 'sam' });
		expect(queueTickets(reader, 'sam', 'closed').total).toBe(0);
		expect(d.run(SAM, { type: 'ticket.view', ticketId: id }).ok).toBe(true);
	});
});

describe('actions a trainee looks for', () => {
	it('Post Internal Note carries a Ticket Status too; Post Reply never offers Archived or Deleted', () => {
		const d = desk();
		const id = karenOpens(d);
		run(d, JOHN, { type: 'ticket.note', ticketId: id, body: 'Fixed on site.', status: 'resolved' });
		expect(ticket(d, id).status).toBe('resolved');
		const admin: Actor = { role: 'agent', id: 'admin' };
		const deleted = d.run(admin, {
			type: 'ticket.reply',
			ticketId: id,
			body: 'x',
			status: 'deleted'
		});
		expect(deleted.ok ? '' : deleted.error.message).toMatch(/Deleted is not offered with a reply/);
	});

	it('Mark as Answered / Unanswered, Change Owner, Manage Collaborators', () => {
		const d = desk();
		const id = karenOpens(d);
		const admin: Actor = { role: 'agent', id: 'admin' };
		run(d, admin, { type: 'ticket.markanswered', ticketId: id, answered: true });
		expect(ticket(d, id).answered).toBe(true);
		const again = d.run(admin, { type: 'ticket.markanswered', ticketId: id, answered: true });
		expect(again.ok ? '' : again.error.message).toMatch(/already marked as answered/);
		run(d, JOHN, { type: 'ticket.collaborator.add', ticketId: id, userId: 'ken' });
		run(d, JOHN, { type: 'ticket.owner', ticketId: id, userId: 'ken' });
		expect(ticket(d, id)).toMatchObject({ userId: 'ken', collaborators: [] });
		run(d, JOHN, { type: 'ticket.collaborator.add', ticketId: id, userId: 'karen' });
		run(d, JOHN, { type: 'ticket.collaborator.remove', ticketId: id, userId: 'karen' });
		expect(ticket(d, id).collaborators).toEqual([]);
	});
});

describe('smaller rules', () => {
	it('an agent opening a ticket must choose a help topic (Ticket::create: topicId required)', () => {
		const d = desk();
		const result = d.run(JOHN, {
			type: 'ticket.open',
			userId: 'karen',
			subject: 'Call',
			details: 'x'
		});
		expect(result.ok ? '' : result.error.message).toMatch(/Help Topic is required/);
	});

	it('a help topic auto-assigns to an agent or a team, and the agent wins (Ticket::create)', () => {
		const d = desk((s) => {
			s.topics = s.topics?.map((t) =>
				t.id === 'general'
					? { ...t, autoAssignAgentId: 'jane', autoAssignTeamId: 'online-banking' }
					: t
			);
		});
		const id = karenOpens(d);
		expect(ticket(d, id)).toMatchObject({ assigneeAgentId: 'jane', assigneeTeamId: null });
	});

	it('a sub-department does not inherit its parent\u2019s role, though the parent\u2019s access shows its tickets', () => {
		const d = desk((s) => {
			s.departments = [
				...(s.departments ?? []),
				{ id: 'desk2', name: 'Desk 2', parentId: 'support' }
			];
		});
		const id = run(d, SYSTEM, {
			type: 'ticket.open',
			userId: 'karen',
			subject: 'x',
			details: 'x',
			deptId: 'desk2'
		});
		const john = d.world.agents['john']!;
		const reader = readWorld(d.world);
		expect(canSee(reader, john, ticket(d, id))).toBe(true);
		expect(appliedRole(reader, john, ticket(d, id)).via).toBe('none');
	});

	it('a referral needs ticket.assign and is refused for the department the ticket is in', () => {
		const d = desk();
		const id = karenOpens(d);
		const same = d.run(JOHN, {
			type: 'ticket.refer',
			ticketId: id,
			to: { kind: 'department', id: 'support' }
		});
		expect(same.ok ? '' : same.error.message).toMatch(/already in that department/);
	});
});
