/**
 * SLA and overdue: a SEV-B ticket (4 hours, 24/7) goes overdue after 4
 * simulated hours; a business-hours plan skips nights and weekends; resolving
 * clears the flag; the simulated clock is the only clock. Which schedule and
 * time zone a due date is counted in, and when there is none.
 */
import { describe, expect, it } from 'vitest';
import { seedSpec, seedWorld, START } from '../../../tests/fixtures/helpdesk';
import { buildWorld, WorldBuildError, type WorldSpec } from './build';
import { HelpDesk } from './journal';
import { readWorld } from './world';
import { queueCounts } from './queries';
import { HOUR, MINUTE } from './schedule';
import type { BusinessSchedule } from './types';

const SYSTEM = { role: 'system' } as const;
const JOHN = { role: 'agent', id: 'john' } as const;

function deskWithTicket(slaId: string) {
	const desk = new HelpDesk(seedWorld());
	const opened = desk.run(JOHN, {
		type: 'ticket.open',
		topicId: 'general',
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
			topicId: 'general',
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

describe('which schedule a due date is counted in', () => {
	const BUSINESS: BusinessSchedule = {
		kind: 'business',
		days: [1, 2, 3, 4, 5],
		open: '08:00',
		close: '17:00'
	};

	/** The sample desk, changed by `edit`, with the clock at `at`. */
	function deskAt(at: number, edit: (spec: WorldSpec) => void = () => {}) {
		const spec = seedSpec();
		edit(spec);
		const desk = new HelpDesk(buildWorld(spec));
		desk.run(SYSTEM, { type: 'clock.advance', to: at });
		return desk;
	}

	function dueOf(desk: HelpDesk, fields: { slaId?: string; deptId?: string } = {}) {
		const opened = desk.run(JOHN, {
			type: 'ticket.open',
			topicId: 'general',
			userId: 'ken',
			subject: 'Adobe upgrade broken',
			details: 'Acrobat fails to start.',
			...fields
		});
		if (!opened.ok) throw new Error(opened.error.message);
		return desk.world.tickets[opened.subjectId as string]?.dueAt;
	}

	const withPlan = (spec: WorldSpec, plan: NonNullable<WorldSpec['slas']>[number]) => {
		spec.slas = [...(spec.slas ?? []), plan];
	};
	const setDept = (spec: WorldSpec, id: string, changes: object) => {
		spec.departments = spec.departments?.map((d) => (d.id === id ? { ...d, ...changes } : d));
	};

	// SLA::addGracePeriod: no department or plan schedule → $cfg->getDefaultSchedule(), which a
	// fresh install sets to "Monday - Friday 8am - 5pm with U.S. Holidays" (schedule.yaml).
	it('a plan without a schedule counts the system default: business hours with U.S. holidays', () => {
		// Friday 2026-09-04 16:00; Monday the 7th is Labor Day.
		const desk = deskAt(Date.UTC(2026, 8, 4, 16), (s) =>
			withPlan(s, { id: 'sev-d', name: 'SEV-D', graceHours: 8 })
		);
		expect(desk.world.slas['sev-d']?.schedule).toBeNull();
		expect(desk.world.meta.settings.defaultSchedule).toEqual({ ...BUSINESS, holidays: ['us'] });
		// 1 hour on Friday, none on Labor Day, 7 on Tuesday: Tuesday 15:00.
		expect(dueOf(desk, { slaId: 'sev-d' })).toBe(Date.UTC(2026, 8, 8, 15));
	});

	// SLA::addGracePeriod($date, $schedule): the schedule Ticket::getSLADueDate passes,
	// $this->getDept()->getSchedule(), takes precedence over the plan's.
	it("the department's schedule beats the plan's", () => {
		// SEV-B is 4 hours 24/7; SysAdmins works business hours. Friday 2026-03-06 16:00.
		const desk = deskAt(Date.UTC(2026, 2, 6, 16), (s) =>
			setDept(s, 'sysadmins', { schedule: BUSINESS })
		);
		expect(dueOf(desk, { slaId: 'sev-b', deptId: 'support' })).toBe(Date.UTC(2026, 2, 6, 20));
		expect(dueOf(desk, { slaId: 'sev-b', deptId: 'sysadmins' })).toBe(Date.UTC(2026, 2, 9, 11));
	});

	// BusinessHours::addWorkingHours: the date is set to the schedule's time zone first, so
	// 08:00–17:00 are local hours, and a day is as long as the clock says (23 hours in March).
	it("counts business hours in the world's time zone, across the March daylight-saving change", () => {
		// Friday 2026-03-06 16:00 in New York (EST, 21:00 UTC); clocks go forward on Sunday the 8th.
		const desk = deskAt(Date.UTC(2026, 2, 6, 21), (s) => {
			s.settings = { ...s.settings, timezone: 'America/New_York' };
		});
		// 1 hour on Friday, 7 on Monday: 15:00 EDT, 19:00 UTC.
		expect(dueOf(desk, { slaId: 'sev-c' })).toBe(Date.UTC(2026, 2, 9, 19));
		// A 24/7 plan counts elapsed hours: 4 hours after 16:00 EST is 20:00 EST.
		expect(dueOf(desk, { slaId: 'sev-b' })).toBe(Date.UTC(2026, 2, 7, 1));
	});

	// BusinessHours::addWorkingHours skips the days of the schedule's holiday schedules.
	it('skips the holidays a schedule lists by date', () => {
		const desk = deskAt(Date.UTC(2026, 2, 6, 16), (s) =>
			setDept(s, 'support', { schedule: { ...BUSINESS, holidays: ['2026-03-09', '2026-12-24'] } })
		);
		// SEV-C, 8 hours: 1 on Friday, none on Monday the 9th, 7 on Tuesday.
		expect(dueOf(desk, { slaId: 'sev-c' })).toBe(Date.UTC(2026, 2, 10, 15));
	});

	// Ticket::getSLADueDate: `if (($sla = $this->getSLA()) && $sla->isActive())`, else no due date.
	it('an inactive plan gives no due date, and a plan disabled later none at the next reopening', () => {
		const desk = deskAt(START, (s) => {
			withPlan(s, { id: 'sev-x', name: 'SEV-X', graceHours: 2, active: false });
			setDept(s, 'accounting', { slaId: 'sev-x' });
		});
		expect(dueOf(desk, { deptId: 'accounting' })).toBeNull();

		const { desk: other, ticketId } = deskWithTicket('sev-b');
		expect(other.world.tickets[ticketId]?.dueAt).toBe(START + 4 * HOUR);
		const admin = { role: 'admin', id: 'admin' } as const;
		expect(
			other.run(admin, { type: 'sla.update', slaId: 'sev-b', changes: { active: false } }).ok
		).toBe(true);
		other.run(JOHN, { type: 'ticket.status', ticketId, status: 'resolved' });
		other.run(JOHN, { type: 'ticket.status', ticketId, status: 'open' });
		expect(other.world.tickets[ticketId]?.dueAt).toBeNull();
	});

	it('refuses a bad time zone or schedule, naming the field', () => {
		const build = (edit: (spec: WorldSpec) => void) => {
			const spec = seedSpec();
			edit(spec);
			try {
				buildWorld(spec);
			} catch (error) {
				return error instanceof WorldBuildError ? error.message : String(error);
			}
			return 'built';
		};
		expect(
			build((s) => {
				s.settings = { ...s.settings, timezone: 'Mars/Olympus' };
			})
		).toBe(
			'settings.timezone: “Mars/Olympus” is not a time zone; use an IANA name such as America/New_York.'
		);
		expect(
			build((s) => {
				s.settings = { ...s.settings, defaultSchedule: { ...BUSINESS, days: [] } };
			})
		).toBe(
			'settings.defaultSchedule: Schedule: a business-hours schedule needs at least one working day.'
		);

		const desk = new HelpDesk(seedWorld());
		const admin = { role: 'admin', id: 'admin' } as const;
		const plan = desk.run(admin, {
			type: 'sla.create',
			sla: { name: 'SEV-D', graceHours: 8, schedule: { ...BUSINESS, holidays: ['Christmas'] } }
		});
		expect(plan.ok ? null : plan.error).toEqual({
			code: 'invalid',
			message:
				'Schedule: holiday “Christmas” is neither a date (YYYY-MM-DD) nor "us" (the U.S. holidays).',
			field: 'schedule'
		});
		const dept = desk.run(admin, {
			type: 'department.update',
			deptId: 'support',
			changes: { schedule: { ...BUSINESS, open: '17:00', close: '08:00' } }
		});
		expect(dept.ok ? null : dept.error).toMatchObject({
			message: 'Schedule: closing time 08:00 is not after opening time 17:00.',
			field: 'schedule'
		});
		const none = desk.run(admin, {
			type: 'department.update',
			deptId: 'support',
			changes: { schedule: { kind: '24/7' } }
		});
		expect(none.ok).toBe(true);
		expect(desk.world.departments['support']?.schedule).toEqual({ kind: '24/7' });
	});
});
