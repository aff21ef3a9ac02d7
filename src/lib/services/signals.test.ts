/**
 * Integrity signals of an assessment: focus lost and for how long, pastes
 * (length, where), idle stretches of 2 minutes or more, each with its time;
 * recorded only in a running assessment, never in practice.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../../tests/fixtures/scenarios';
import { applyChange, signalsOf } from './attempt-record';
import { startAttempt } from './attempts';

const lab = loadLab('cfo-laptop');

describe('integrity signals', () => {
	it('records focus lost with its duration, pastes and long idle stretches, with times', async () => {
		let record = await startAttempt(lab, { mode: 'assessment', candidate: 'Rae' }, 1000);
		record = applyChange(record, { type: 'focus-lost', at: 5000 });
		// A second blur while away is the same stretch.
		record = applyChange(record, { type: 'focus-lost', at: 6000 });
		record = applyChange(record, { type: 'focus-back', at: 35_000 });
		record = applyChange(record, {
			type: 'paste',
			at: 40_000,
			length: 120,
			where: 'Issue Details'
		});
		record = applyChange(record, { type: 'idle', at: 50_000, ms: 60_000 });
		record = applyChange(record, { type: 'idle', at: 200_000, ms: 180_000 });
		expect(record.focusLosses).toBe(1);
		expect(signalsOf(record)).toEqual({
			focus: [{ at: 5000, ms: 30_000 }],
			pastes: [{ at: 40_000, length: 120, where: 'Issue Details' }],
			// One minute is not reported; three are.
			idle: [{ at: 200_000, ms: 180_000 }]
		});
	});

	it('a practice attempt records none, and an ended one takes no new ones but closes a stretch away', async () => {
		const practice = await startAttempt(lab, { mode: 'practice' }, 1000);
		expect(applyChange(practice, { type: 'paste', at: 2, length: 5, where: 'x' })).toBe(practice);
		let record = await startAttempt(lab, { mode: 'assessment', candidate: 'Rae' }, 1000);
		record = applyChange(record, { type: 'focus-lost', at: 5000 });
		const ended = { ...record, status: 'timedOut' as const };
		expect(applyChange(ended, { type: 'paste', at: 6000, length: 5, where: 'x' })).toBe(ended);
		expect(signalsOf(applyChange(ended, { type: 'focus-back', at: 9000 })).focus).toEqual([
			{ at: 5000, ms: 4000 }
		]);
	});
});
