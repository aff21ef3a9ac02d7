import { describe, expect, it } from 'vitest';
import { clockProblem } from './clock';

describe('the clock field', () => {
	it('takes manual, realtime and an accelerated clock with a speed, or nothing', () => {
		for (const ok of [
			undefined,
			'manual',
			'realtime',
			{ mode: 'manual' },
			{ mode: 'realtime' },
			{ mode: 'accelerated', speed: 60 },
			{ mode: 'accelerated', speed: 1.5 }
		])
			expect(clockProblem(ok), JSON.stringify(ok)).toBeNull();
	});

	it('says the one thing wrong, in words, with a "did you mean"', () => {
		expect(clockProblem('real-time')?.message).toBe(
			'unknown clock mode "real-time" (did you mean "realtime"?); expected manual, realtime, or { mode: accelerated, speed: 60 }'
		);
		expect(clockProblem('accelerated')?.message).toMatch(
			/^an accelerated clock needs a speed: write clock: \{ mode: accelerated, speed: 60 \}/
		);
		expect(clockProblem(60)?.message).toBe(
			'expected manual, realtime, or { mode: accelerated, speed: 60 }; got the number 60'
		);
		expect(clockProblem({ mode: 'accelerated', speed: 0 })).toEqual({
			path: ['clock', 'speed'],
			message: 'expected simulated minutes per real minute, from 1 to 1440; got the number 0'
		});
		expect(clockProblem({ mode: 'acelerated', speed: 60 })?.message).toMatch(
			/\(did you mean "accelerated"\?\)/
		);
		expect(clockProblem({ speed: 60 })?.message).toBe(
			'missing required field "mode": manual, realtime, accelerated'
		);
	});
});
