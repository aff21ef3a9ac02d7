/** The action bar offers what ticketAbilities allows, in osTicket's order and words. */
import { describe, expect, it } from 'vitest';
import { HelpDesk, readWorld, ticketAbilities, type Actor, type Command } from '$lib/domain';
import { seedWorld } from '$lib/domain/sample-desk';
import { assignEntries, moreEntries, statusEntries, statusVerb } from './ticket-actions';

const KAREN: Actor = { role: 'end-user', id: 'karen' };
const JOHN: Actor = { role: 'agent', id: 'john' };
const ADMIN: Actor = { role: 'admin', id: 'admin' };

function setUp(...then: [Actor, (id: string) => Command][]) {
	const desk = new HelpDesk(seedWorld());
	const opened = desk.run(KAREN, {
		type: 'ticket.open',
		topicId: 'general',
		subject: 'Printer jam',
		details: 'Tray 2.'
	});
	if (!opened.ok) throw new Error(opened.error.message);
	const id = opened.subjectId as string;
	for (const [actor, command] of then) {
		const done = desk.run(actor, command(id));
		if (!done.ok) throw new Error(done.error.message);
	}
	const r = readWorld(desk.world);
	const ticket = r.get('tickets', id)!;
	const abilities = (agentId: string) => ticketAbilities(r, r.get('agents', agentId)!, ticket);
	return { ticket, abilities };
}

const labels = (entries: { label: string }[]) => entries.map((e) => e.label);

describe('the action bar', () => {
	it('gives an Expanded Access agent on an open, unassigned ticket osTicket’s menus', () => {
		const { ticket, abilities } = setUp();
		const john = abilities('john');
		expect(labels(statusEntries(john))).toEqual(['Resolved', 'Closed']);
		expect(labels(assignEntries(john))).toEqual(['Claim', 'Agent', 'Team']);
		// Expanded Access has no ticket.markanswered nor ticket.delete.
		expect(labels(moreEntries(john, ticket))).toEqual([
			'Change Owner',
			'Manage Referrals',
			'Manage Collaborators'
		]);
	});

	it('offers Release once assigned, Mark as Unanswered once answered, and Delete with All Access', () => {
		const { ticket, abilities } = setUp([
			JOHN,
			(id) => ({ type: 'ticket.reply', ticketId: id, body: 'On it.' })
		]);
		expect(ticket.answered).toBe(true);
		const ada = abilities('admin');
		expect(labels(assignEntries(ada))).toEqual(['Agent', 'Team']);
		const more = moreEntries(ada, ticket);
		expect(labels(more)).toEqual([
			'Change Owner',
			'Release (unassign) Ticket',
			'Mark as Unanswered',
			'Manage Referrals',
			'Manage Collaborators',
			'Delete Ticket'
		]);
		expect(more.at(-1)).toMatchObject({
			danger: true,
			action: { form: 'status', preset: 'deleted' }
		});
	});

	it('offers nothing but Print to View only, and Reopen on a closed ticket', () => {
		const { ticket, abilities } = setUp(
			[
				ADMIN,
				() => ({ type: 'access.grant', agentId: 'john', deptId: 'sysadmins', roleId: 'view-only' })
			],
			[ADMIN, (id) => ({ type: 'ticket.transfer', ticketId: id, deptId: 'sysadmins' })]
		);
		const john = abilities('john');
		expect(statusEntries(john)).toEqual([]);
		expect(assignEntries(john)).toEqual([]);
		expect(moreEntries(john, ticket)).toEqual([]);
		expect(statusVerb('open')).toBe('Reopen');
		expect(statusVerb('resolved')).toBe('Close');
		expect(statusVerb('deleted')).toBe('Delete');
	});
});
