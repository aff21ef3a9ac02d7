import { describe, expect, it } from 'vitest';
import { count, durationLabel, levelLabel, skillLabel } from './labels';

describe('labels for Deskdrill’s own pages', () => {
	it('spells skills as a trainee reads them', () => {
		expect(skillLabel('sla')).toBe('SLA');
		expect(skillLabel('intake')).toBe('Intake');
		expect(skillLabel('ticket-routing')).toBe('Ticket routing');
	});

	it('names the level in words', () => {
		expect(levelLabel('beginner')).toBe('Beginner');
		expect(levelLabel('advanced')).toBe('Advanced');
	});

	it('makes a count agree with its number', () => {
		expect(count(1, 'hint')).toBe('1 hint');
		expect(count(0, 'hint')).toBe('0 hints');
		expect(count(2, 'point')).toBe('2 points');
		expect(count(1200, 'action')).toBe('1,200 actions');
	});

	it('gives durations in the largest units that matter', () => {
		expect(durationLabel(45_000)).toBe('45 s');
		expect(durationLabel(61_000)).toBe('1 min 1 s');
		expect(durationLabel(30 * 60_000)).toBe('30 min');
		expect(durationLabel(63 * 60_000)).toBe('1 h 3 min');
	});
});
