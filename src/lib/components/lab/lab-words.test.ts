import { describe, expect, it } from 'vitest';
import { readWorld } from '$lib/domain';
import { seedWorld } from '../../../../tests/fixtures/helpdesk';
import { clockLabel, timeLabel } from '../thread/names';
import {
	deskClockLabel,
	hintButtonLabel,
	hintHeading,
	points,
	shortNames,
	timerText,
	timeWarning
} from './lab-words';

describe('hint wording', () => {
	it('says "a hint", then "a stronger hint", never the level word, with plural-aware costs', () => {
		expect(hintButtonLabel(0, { cost: 1 })).toBe('Show a hint (costs 1 point)');
		expect(hintButtonLabel(0, { cost: 2 })).toBe('Show a hint (costs 2 points)');
		expect(hintButtonLabel(1, { cost: 3 })).toBe('Show a stronger hint (costs 3 points)');
		expect(hintButtonLabel(2, { cost: 0 })).toBe('Show a stronger hint (free)');
		for (const label of [hintButtonLabel(0, { cost: 2 }), hintButtonLabel(1, { cost: 5 })])
			expect(label).not.toMatch(/nudge|guided|strong |pts/);
		expect(hintHeading(0)).toBe('Hint 1');
		expect(hintHeading(1)).toBe('Hint 2 (stronger)');
		expect(points(1)).toBe('1 point');
		expect(points(20)).toBe('20 points');
	});
});

describe('the timer', () => {
	it('reads as a clock', () => {
		expect(timerText(null)).toBe('');
		expect(timerText(0)).toBe('0:00');
		expect(timerText(65_900)).toBe('1:05');
		expect(timerText(20 * 60_000)).toBe('20:00');
		expect(timerText(3_723_000)).toBe('1:02:03');
		expect(timerText(-5_000)).toBe('0:00');
	});

	it('speaks only at 5 and at 1 minute left, so the live region changes twice', () => {
		const spoken = new Set<string>();
		for (let left = 20 * 60_000; left >= 0; left -= 1000) spoken.add(timeWarning(left));
		expect([...spoken]).toEqual(['', '5 minutes left.', '1 minute left.']);
		expect(timeWarning(5 * 60_000 + 1000)).toBe('');
		expect(timeWarning(5 * 60_000)).toBe('5 minutes left.');
		expect(timeWarning(60_000)).toBe('1 minute left.');
		expect(timeWarning(null)).toBe('');
	});
});

describe('the persona switcher', () => {
	it('shows first names, and the whole name where two personas share one', () => {
		expect(shortNames(['Karen Karen', 'John Smith', 'Jane Doe'])).toEqual([
			'Karen',
			'John',
			'Jane'
		]);
		expect(shortNames(['John Smith (Tier 1)', 'Ken Ledger', 'John Doe'])).toEqual([
			'John Smith (Tier 1)',
			'Ken',
			'John Doe'
		]);
	});
});

describe('the desk clock in the bar', () => {
	it('is the one date format, with the help desk time zone, at the time the bar shows', () => {
		const reader = readWorld(seedWorld());
		const at = reader.meta.clock + 90 * 60_000;
		expect(deskClockLabel(reader, at)).toBe(`${timeLabel(reader, at)} UTC`);
		expect(deskClockLabel(reader, reader.meta.clock)).toBe(clockLabel(reader));
	});
});
