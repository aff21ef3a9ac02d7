/**
 * The escalation lab (seed 004): John transfers the CFO-laptop ticket to
 * SysAdmins, it leaves his queues and opening it is refused; the admin grants
 * him View only access to SysAdmins; he sees it again, every edit command is
 * refused, and an internal note is accepted.
 */
import { describe, expect, it } from 'vitest';
import {
	HelpDesk,
	queueCounts,
	queueTickets,
	readWorld,
	ticketAbilities,
	type Command
} from '../../src/lib/domain';
import { seedWorld } from '../fixtures/helpdesk';

const JOHN = { role: 'agent', id: 'john' } as const;
const ADMIN = { role: 'admin', id: 'admin' } as const;

function setUp() {
	const desk = new HelpDesk(seedWorld());
	const opened = desk.run(
		{ role: 'end-user', id: 'karen' },
		{
			type: 'ticket.open',
			topicId: 'general',
			subject: 'CFO’s laptop will no longer turn on',
			details: 'The CFO has a board meeting at noon.'
		}
	);
	if (!opened.ok) throw new Error(opened.error.message);
	const ticketId = opened.subjectId as string;
	expect(desk.run(JOHN, { type: 'ticket.edit', ticketId, changes: { slaId: 'sev-b' } }).ok).toBe(
		true
	);
	return { desk, ticketId };
}

describe('escalation permissions lab', () => {
	it('the ticket vanishes from John after he transfers it to SysAdmins', () => {
		const { desk, ticketId } = setUp();
		const r = () => readWorld(desk.world);
		expect(queueCounts(r(), 'john').open).toBe(1);

		const transfer = desk.run(JOHN, {
			type: 'ticket.transfer',
			ticketId,
			deptId: 'sysadmins',
			comment: 'Hardware failure: SysAdmins'
		});
		expect(transfer.ok).toBe(true);
		expect(queueCounts(r(), 'john').open).toBe(0);
		expect(queueTickets(r(), 'john', 'open').tickets).toEqual([]);

		const view = desk.run(JOHN, { type: 'ticket.view', ticketId });
		expect(view.ok).toBe(false);
		if (view.ok) return;
		expect(view.error.code).toBe('hidden');
		expect(view.error.message).toBe(
			'Access denied. John has no access to the SysAdmins department, so this ticket is hidden from him. It is not assigned or referred to him either.'
		);
		// The refusal is a fact in the journal, and the world did not change.
		expect(desk.journal.at(-1)).toMatchObject({
			outcome: 'refused',
			actor: JOHN,
			command: { type: 'ticket.view', ticketId }
		});
	});

	it('View only access to SysAdmins lets John see it again, but not change it; a note is accepted', () => {
		const { desk, ticketId } = setUp();
		desk.run(JOHN, { type: 'ticket.transfer', ticketId, deptId: 'sysadmins' });

		const grant = desk.run(ADMIN, {
			type: 'access.grant',
			agentId: 'john',
			deptId: 'sysadmins',
			roleId: 'view-only'
		});
		expect(grant.ok).toBe(true);
		expect(desk.world.agents['john']?.access).toEqual([
			{ deptId: 'sysadmins', roleId: 'view-only' }
		]);
		expect(queueCounts(readWorld(desk.world), 'john').open).toBe(1);
		expect(desk.run(JOHN, { type: 'ticket.view', ticketId }).ok).toBe(true);

		const edits: Command[] = [
			{ type: 'ticket.edit', ticketId, changes: { priority: 'emergency' } },
			{ type: 'ticket.edit', ticketId, changes: { slaId: 'sev-a' } },
			{ type: 'ticket.assign', ticketId, agentId: 'john' },
			{ type: 'ticket.claim', ticketId },
			{ type: 'ticket.transfer', ticketId, deptId: 'support' },
			{ type: 'ticket.reply', ticketId, body: 'Any update?' },
			{ type: 'ticket.status', ticketId, status: 'resolved' },
			{ type: 'ticket.refer', ticketId, to: { kind: 'agent', id: 'jane' } }
		];
		for (const command of edits) {
			const before = JSON.stringify(desk.world);
			const result = desk.run(JOHN, command);
			expect(result.ok, command.type).toBe(false);
			if (result.ok) continue;
			expect(result.error.code).toBe('forbidden');
			expect(result.error.message).toMatch(
				/^John's role in SysAdmins is View only, which does not allow him to /
			);
			expect(JSON.stringify(desk.world)).toBe(before);
		}

		const abilities = ticketAbilities(
			readWorld(desk.world),
			desk.world.agents['john']!,
			desk.world.tickets[ticketId]!
		);
		expect(abilities).toMatchObject({
			edit: false,
			assign: false,
			transfer: false,
			reply: false,
			close: false,
			note: true
		});

		const note = desk.run(JOHN, {
			type: 'ticket.note',
			ticketId,
			body: 'Escalated to SysAdmins; watching.'
		});
		expect(note.ok).toBe(true);
		const last = desk.world.events.at(-1);
		expect(last).toMatchObject({
			type: 'ticket.note',
			ticketId,
			data: { body: 'Escalated to SysAdmins; watching.', agentId: 'john' }
		});
	});

	it('revoking the access hides the ticket again', () => {
		const { desk, ticketId } = setUp();
		desk.run(JOHN, { type: 'ticket.transfer', ticketId, deptId: 'sysadmins' });
		desk.run(ADMIN, {
			type: 'access.grant',
			agentId: 'john',
			deptId: 'sysadmins',
			roleId: 'view-only'
		});
		expect(
			desk.run(ADMIN, { type: 'access.revoke', agentId: 'john', deptId: 'sysadmins' }).ok
		).toBe(true);
		expect(desk.run(JOHN, { type: 'ticket.view', ticketId }).ok).toBe(false);
	});
});
