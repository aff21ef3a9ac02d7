/**
 * SLA and overdue: a SEV-B ticket (4 hours, 24/7) goes overdue after 4
 * simulated hours; a business-hours plan skips nights and weekends; resolving
 * clears the flag; the simulated clock is the only clock.
 */
import { describe, expect, it } from 'vitest';
import { seedWorld, START } from '../../../tests/fixtures/helpdesk';
import { HelpDesk } from './journal';
import { readWorld } from './world';
import { queueCounts } from './queries';
import { HOUR, MINUTE } from './schedule';

const SYSTEM = { role: 'system' } as const;
const JOHN = { role: 'agent', id: 'john' } as const;

function deskWithTicket(slaId: string) {
	const desk = new HelpDesk(seedWorld());
	const opened = desk.run(JOHN, {
		type: 'ticket.open',
		userId: 'karen',
		subject: 'CFO’s laptop will no longer turn on',
		details: 'No power.',
		slaId,
		assignAgentId: 'john'
	});
	if (!opened.ok) throw new Error(opened.error.message);
	return { desk, ticketId: opened.subjectId as string };
}

describe('SLA due dates and overdue', () => {
	// Ticket::checkOverdue (include/class.ticket.php) selects open tickets whose
	// due date is `__lt` NOW(): at the due minute itself a ticket is still in time.
	it('a SEV-B ticket is due 4 hours after it was opened, in time at that minute, overdue after it', () => {
		const { desk, ticketId } = deskWithTicket('sev-b');
		expect(desk.world.tickets[ticketId]?.dueAt).toBe(START + 4 * HOUR);

		desk.run(SYSTEM, { type: 'clock.advance', minutes: 4 * 60 });
		expect(desk.world.meta.clock).toBe(START + 4 * HOUR);
		expect(desk.world.tickets[ticketId]?.overdue).toBe(false);

		desk.run(SYSTEM, { type: 'clock.advance', minutes: 1 });
		expect(desk.world.tickets[ticketId]?.overdue).toBe(true);
		const overdue = desk.world.events.filter((e) => e.type === 'ticket.overdue');
		expect(overdue).toHaveLength(1);
		expect(overdue[0]?.at).toBe(START + 4 * HOUR);
		expect(queueCounts(readWorld(desk.world), 'john').overdue).toBe(1);
		// The assignee and the department manager are alerted.
		const alerts = desk.world.mails
			.filter((m) => m.template === 'overdue.alert')
			.map((m) => m.to.id);
		expect(alerts.sort()).toEqual(['admin', 'john']);
	});

	it('a business-hours plan skips nights and weekends', () => {
		const desk = new HelpDesk(seedWorld());
		// Friday 16:00: SEV-C (8 business hours, Mon–Fri 08–17) is due Monday 15:00.
		desk.run(SYSTEM, { type: 'clock.advance', to: Date.UTC(2026, 2, 6, 16) });
		const opened = desk.run(JOHN, {
			type: 'ticket.open',
			userId: 'ken',
			subject: 'Adobe upgrade broken',
			details: 'Acrobat fails to start.',
			slaId: 'sev-c'
		});
		const ticketId = opened.ok ? (opened.subjectId as string) : '';
		expect(desk.world.tickets[ticketId]?.dueAt).toBe(Date.UTC(2026, 2, 9, 15));
		desk.run(SYSTEM, { type: 'clock.advance', to: Date.UTC(2026, 2, 9, 15) });
		expect(desk.world.tickets[ticketId]?.overdue).toBe(false);
		desk.run(SYSTEM, { type: 'clock.advance', minutes: 1 });
		expect(desk.world.tickets[ticketId]?.overdue).toBe(true);
	});

	it('resolving clears the overdue flag, and a resolved ticket never goes overdue', () => {
		const { desk, ticketId } = deskWithTicket('sev-b');
		desk.run(SYSTEM, { type: 'clock.advance', minutes: 5 * 60 });
		expect(desk.world.tickets[ticketId]?.overdue).toBe(true);
		expect(desk.run(JOHN, { type: 'ticket.status', ticketId, status: 'resolved' }).ok).toBe(true);
		expect(desk.world.tickets[ticketId]?.overdue).toBe(false);
		expect(queueCounts(readWorld(desk.world), 'john').overdue).toBe(0);
		desk.run(SYSTEM, { type: 'clock.advance', minutes: 24 * 60 });
		expect(desk.world.tickets[ticketId]?.overdue).toBe(false);
	});

	it('a due date set by hand wins over the SLA, and moving it into the future clears overdue', () => {
		const { desk, ticketId } = deskWithTicket('sev-b');
		desk.run(SYSTEM, { type: 'clock.advance', minutes: 5 * 60 });
		const due = desk.world.meta.clock + 2 * HOUR;
		expect(desk.run(JOHN, { type: 'ticket.edit', ticketId, changes: { dueAt: due } }).ok).toBe(
			true
		);
		expect(desk.world.tickets[ticketId]).toMatchObject({ dueAt: due, overdue: false });
		const past = desk.run(JOHN, {
			type: 'ticket.edit',
			ticketId,
			changes: { dueAt: desk.world.meta.clock - MINUTE }
		});
		expect(past.ok).toBe(false);
	});

	it('changing the SLA plan recomputes the due date from the opening time', () => {
		const { desk, ticketId } = deskWithTicket('sev-b');
		desk.run(SYSTEM, { type: 'clock.advance', minutes: 30 });
		desk.run(JOHN, { type: 'ticket.edit', ticketId, changes: { slaId: 'sev-a' } });
		expect(desk.world.tickets[ticketId]?.dueAt).toBe(START + HOUR);
		const edited = desk.world.events.find((e) => e.type === 'ticket.edited');
		expect(edited?.data).toEqual({ field: 'slaId', before: 'sev-b', after: 'sev-a' });
	});

	it('reopening restarts the SLA clock from the reopening time', () => {
		const { desk, ticketId } = deskWithTicket('sev-b');
		desk.run(JOHN, { type: 'ticket.status', ticketId, status: 'resolved' });
		desk.run(SYSTEM, { type: 'clock.advance', minutes: 600 });
		desk.run(
			{ role: 'end-user', id: 'karen' },
			{ type: 'ticket.reply', ticketId, body: 'It died again.' }
		);
		expect(desk.world.tickets[ticketId]?.dueAt).toBe(START + 600 * MINUTE + 4 * HOUR);
	});

	it('the clock only moves forward', () => {
		const { desk } = deskWithTicket('sev-b');
		expect(desk.run(SYSTEM, { type: 'clock.advance', to: START - 1 }).ok).toBe(false);
		expect(
			desk.run({ role: 'end-user', id: 'karen' }, { type: 'clock.advance', minutes: 5 }).ok
		).toBe(false);
	});
});
