/** BusinessHours::addWorkingHours (include/class.businesshours.php) and the schedules osTicket installs. */
import { describe, expect, it } from 'vitest';
import {
	addScheduleHours,
	DEFAULT_SCHEDULE,
	describeSchedule,
	scheduleInForce,
	scheduleProblem,
	timeZoneProblem,
	usHolidays
} from './schedule';
import type { Schedule } from './types';

const BUSINESS: Schedule = {
	kind: 'business',
	days: [1, 2, 3, 4, 5],
	open: '08:00',
	close: '17:00'
};
const at = (d: number, h: number, m = 0) => Date.UTC(2026, 2, d, h, m); // March 2026: the 2nd is a Monday

describe('SLA schedules', () => {
	it('24/7 counts every hour', () => {
		expect(addScheduleHours(at(2, 9), 4, { kind: '24/7' })).toBe(at(2, 13));
		expect(addScheduleHours(at(6, 22), 4, { kind: '24/7' })).toBe(at(7, 2));
	});

	it('business hours stop at closing time and resume the next working morning', () => {
		// Monday 15:00 + 4h = 2h Monday + 2h Tuesday → Tuesday 10:00.
		expect(addScheduleHours(at(2, 15), 4, BUSINESS)).toBe(at(3, 10));
	});

	it('business hours skip the weekend', () => {
		// Friday 16:00 + 3h = 1h Friday + 2h Monday → Monday 10:00.
		expect(addScheduleHours(at(6, 16), 3, BUSINESS)).toBe(at(9, 10));
		// Opened on Saturday: the clock starts Monday at 08:00.
		expect(addScheduleHours(at(7, 11), 1, BUSINESS)).toBe(at(9, 9));
	});

	it('before opening time the clock waits for the day to start', () => {
		expect(addScheduleHours(at(3, 6), 2, BUSINESS)).toBe(at(3, 10));
	});

	it('a grace period longer than a day spans several working days', () => {
		// 20 hours from Monday 08:00: 9 + 9 + 2 → Wednesday 10:00.
		expect(addScheduleHours(at(2, 8), 20, BUSINESS)).toBe(at(4, 10));
	});

	it('describes a schedule the way the admin panel lists it: days, hours, zone, holidays', () => {
		expect(describeSchedule(BUSINESS)).toBe('Mon–Fri 08:00–17:00 UTC');
		expect(describeSchedule({ kind: '24/7' })).toBe('24/7');
		expect(describeSchedule(DEFAULT_SCHEDULE, 'America/New_York')).toBe(
			'Mon–Fri 08:00–17:00 America/New_York, U.S. holidays off'
		);
		expect(
			describeSchedule({ ...BUSINESS, days: [1, 3, 5, 6], holidays: ['us', '2026-12-24'] })
		).toBe('Mon, Wed, Fri, Sat 08:00–17:00 UTC, U.S. holidays and 2026-12-24 off');
		expect(describeSchedule({ ...BUSINESS, days: [0, 6], holidays: ['2026-12-31'] })).toBe(
			'Sun, Sat 08:00–17:00 UTC, 2026-12-31 off'
		);
	});

	it('rejects schedules with no working time', () => {
		expect(scheduleProblem({ kind: 'business', days: [], open: '08:00', close: '17:00' })).toMatch(
			/working day/
		);
		expect(scheduleProblem({ kind: 'business', days: [1], open: '17:00', close: '08:00' })).toMatch(
			/not after/
		);
		expect(scheduleProblem({ kind: 'business', days: [1], open: '8am', close: '17:00' })).toMatch(
			/HH:MM/
		);
		expect(scheduleProblem(BUSINESS)).toBeNull();
	});

	it('refuses holidays that are not dates, naming the entry', () => {
		expect(scheduleProblem({ ...BUSINESS, holidays: ['us', '2026-02-30'] })).toBe(
			'holiday “2026-02-30” is neither a date (YYYY-MM-DD) nor "us" (the U.S. holidays)'
		);
		expect(scheduleProblem({ ...BUSINESS, holidays: ['us', '2026-12-24'] })).toBeNull();
	});
});

// The fresh install's schedules (include/i18n/en_US/schedule.yaml): the first, the
// installer's default, is "Monday - Friday 8am - 5pm with U.S. Holidays".
describe('the default schedule and the U.S. holidays', () => {
	it('is Mon–Fri 08:00–17:00 with the U.S. holidays off', () => {
		expect(DEFAULT_SCHEDULE).toEqual({
			kind: 'business',
			days: [1, 2, 3, 4, 5],
			open: '08:00',
			close: '17:00',
			holidays: ['us']
		});
	});

	it("lists osTicket's U.S. holidays for any year, on their own dates (none moved to a weekday)", () => {
		expect(usHolidays(2026)).toEqual([
			'2026-01-01', // New Year's Day (a Thursday)
			'2026-01-19', // MLK Day: third Monday of January
			'2026-05-25', // Memorial Day: last Monday of May
			'2026-07-04', // Independence Day (a Saturday: not observed on Friday)
			'2026-09-07', // Labor Day: first Monday of September
			'2026-10-12', // Indigenous Peoples' Day: second Monday of October
			'2026-11-11', // Veterans Day
			'2026-11-26', // Thanksgiving: fourth Thursday of November
			'2026-12-25' // Christmas Day
		]);
		expect(usHolidays(2024)).toContain('2024-05-27'); // May 2024 has five Mondays
		expect(usHolidays(2024)).toContain('2024-11-28');
	});

	it('skips a holiday as a whole day, and a holiday on a weekend changes nothing', () => {
		// Wednesday 2026-12-23 16:00 + 8h: 1 h, Thursday the 24th listed, Christmas Friday → Monday 15:00.
		const xmas: Schedule = { ...BUSINESS, holidays: ['us', '2026-12-24'] };
		expect(addScheduleHours(Date.UTC(2026, 11, 23, 16), 8, xmas)).toBe(Date.UTC(2026, 11, 28, 15));
		// Friday 2026-07-03 16:00 + 2h: the 4th is a Saturday anyway → Monday 09:00.
		expect(addScheduleHours(Date.UTC(2026, 6, 3, 16), 2, DEFAULT_SCHEDULE)).toBe(
			Date.UTC(2026, 6, 6, 9)
		);
	});
});

// BusinessHours::addWorkingHours sets the date to the schedule's time zone before counting.
describe('business hours in a time zone', () => {
	const NY = 'America/New_York';

	it('counts local working hours: 08:00 in New York is 13:00 UTC in winter, 12:00 in summer', () => {
		// Monday 2026-01-05 07:00 EST (12:00 UTC) + 1h → 09:00 EST.
		expect(addScheduleHours(Date.UTC(2026, 0, 5, 12), 1, BUSINESS, NY)).toBe(
			Date.UTC(2026, 0, 5, 14)
		);
		// Monday 2026-06-01 07:00 EDT (11:00 UTC) + 1h → 09:00 EDT.
		expect(addScheduleHours(Date.UTC(2026, 5, 1, 11), 1, BUSINESS, NY)).toBe(
			Date.UTC(2026, 5, 1, 13)
		);
	});

	it('the local date decides the weekday: Friday 23:00 in New York is Saturday in UTC', () => {
		// Friday 2026-03-06 22:00 EST = Saturday 03:00 UTC; still Friday locally, after hours → Monday.
		expect(addScheduleHours(Date.UTC(2026, 2, 7, 3), 1, BUSINESS, NY)).toBe(
			Date.UTC(2026, 2, 9, 13) // 09:00 EDT
		);
	});

	it('crosses the March change: the 23-hour Sunday and the hour that does not exist', () => {
		// Saturday 2026-03-07 12:00 EST + 24h of a 24/7 schedule: elapsed time, 13:00 EDT on Sunday.
		expect(addScheduleHours(Date.UTC(2026, 2, 7, 17), 24, { kind: '24/7' }, NY)).toBe(
			Date.UTC(2026, 2, 8, 17)
		);
		// A Sunday shift 00:00–06:00 lasts 5 hours on the 8th: 02:00–03:00 is skipped.
		const night: Schedule = { kind: 'business', days: [0], open: '00:00', close: '06:00' };
		const sunday = Date.UTC(2026, 2, 8, 5); // 00:00 EST
		expect(addScheduleHours(sunday, 5, night, NY)).toBe(Date.UTC(2026, 2, 8, 10)); // 06:00 EDT
		// The 6th hour is the next Sunday's first: 01:00 EDT on the 15th.
		expect(addScheduleHours(sunday, 6, night, NY)).toBe(Date.UTC(2026, 2, 15, 5));
		// Opening at 02:30, a time that does not exist on the 8th: open from 03:30 EDT to 04:00 EDT.
		const late: Schedule = { kind: 'business', days: [0], open: '02:30', close: '04:00' };
		expect(addScheduleHours(sunday, 0.5, late, NY)).toBe(Date.UTC(2026, 2, 8, 8));
		expect(addScheduleHours(sunday, 0.75, late, NY)).toBe(Date.UTC(2026, 2, 15, 6, 45));
	});

	it('crosses the November change: the 25-hour Sunday', () => {
		// Sunday 2026-11-01 00:00–06:00 EDT→EST holds 7 hours.
		const night: Schedule = { kind: 'business', days: [0], open: '00:00', close: '06:00' };
		const sunday = Date.UTC(2026, 10, 1, 4); // 00:00 EDT
		expect(addScheduleHours(sunday, 7, night, NY)).toBe(Date.UTC(2026, 10, 1, 11)); // 06:00 EST
	});

	it('refuses a time zone Intl does not know, in plain words', () => {
		expect(timeZoneProblem('Mars/Olympus')).toBe(
			'“Mars/Olympus” is not a time zone; use an IANA name such as America/New_York'
		);
		expect(timeZoneProblem('')).toMatch(/empty/);
		expect(timeZoneProblem('Europe/Paris')).toBeNull();
		expect(() => addScheduleHours(0, 1, BUSINESS, 'Mars/Olympus')).toThrow(/not a time zone/);
	});
});

// SLA::addGracePeriod: the requested (department) schedule, else the plan's, else the default.
describe('the schedule in force', () => {
	it("is the department's, else the plan's, else the system default", () => {
		const dept: Schedule = { kind: '24/7' };
		expect(scheduleInForce(dept, BUSINESS, DEFAULT_SCHEDULE)).toBe(dept);
		expect(scheduleInForce(null, BUSINESS, DEFAULT_SCHEDULE)).toBe(BUSINESS);
		expect(scheduleInForce(undefined, null, DEFAULT_SCHEDULE)).toBe(DEFAULT_SCHEDULE);
	});
});
