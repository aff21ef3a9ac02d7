import { describe, expect, it } from 'vitest';
import { addScheduleHours, describeSchedule, scheduleProblem } from './schedule';
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

	it('describes a schedule the way the admin panel lists it', () => {
		expect(describeSchedule(BUSINESS)).toBe('Mon, Tue, Wed, Thu, Fri 08:00–17:00 UTC');
		expect(describeSchedule({ kind: '24/7' })).toBe('24/7');
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
});
