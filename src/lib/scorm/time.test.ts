import { describe, expect, it } from 'vitest';
import { scorm12Time, scorm2004Time } from './time';

describe('SCORM 1.2 CMITimespan', () => {
	it('is HHHH:MM:SS.SS with two-digit hours at least', () => {
		expect(scorm12Time(0)).toBe('00:00:00.00');
		expect(scorm12Time(3_723_450)).toBe('01:02:03.45');
		expect(scorm12Time(59_999)).toBe('00:01:00.00');
	});
	it('grows to four-digit hours and stops at 9999', () => {
		expect(scorm12Time(1234 * 3_600_000)).toBe('1234:00:00.00');
		expect(scorm12Time(20_000 * 3_600_000)).toMatch(/^9999:/);
	});
	it('never goes negative', () => expect(scorm12Time(-5)).toBe('00:00:00.00'));
});

describe('SCORM 2004 ISO 8601 duration', () => {
	it('names only the parts there are', () => {
		expect(scorm2004Time(0)).toBe('PT0S');
		expect(scorm2004Time(3_723_450)).toBe('PT1H2M3.45S');
		expect(scorm2004Time(2 * 3_600_000)).toBe('PT2H');
		expect(scorm2004Time(90_000)).toBe('PT1M30S');
	});
	it('keeps at most two decimals of a second', () => {
		expect(scorm2004Time(1_234)).toBe('PT1.23S');
		expect(scorm2004Time(26 * 3_600_000)).toBe('PT26H');
	});
});
