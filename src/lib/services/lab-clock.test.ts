import { describe, expect, it } from 'vitest';
import {
	clockModeLabel,
	clockPresses,
	clockSentence,
	labClock,
	MANUAL_CLOCK,
	owedMinutes
} from './lab-clock';

const MIN = 60_000;

describe('labClock: the scenario field read', () => {
	it('is manual when the lab declares nothing, and reads every written form', () => {
		expect(labClock({})).toEqual(MANUAL_CLOCK);
		expect(labClock({ clock: 'manual' })).toEqual({ mode: 'manual', speed: 0 });
		expect(labClock({ clock: { mode: 'manual' } })).toEqual({ mode: 'manual', speed: 0 });
		expect(labClock({ clock: 'realtime' })).toEqual({ mode: 'realtime', speed: 1 });
		expect(labClock({ clock: { mode: 'realtime' } })).toEqual({ mode: 'realtime', speed: 1 });
		expect(labClock({ clock: { mode: 'accelerated', speed: 60 } })).toEqual({
			mode: 'accelerated',
			speed: 60
		});
	});
});

describe('owedMinutes: what a following clock catches up before a command', () => {
	it('a manual clock owes nothing, however long the learner was away', () => {
		expect(owedMinutes(MANUAL_CLOCK, 8 * 60 * MIN)).toEqual({ minutes: 0, usedMs: 0 });
	});

	it('a real-time clock owes whole minutes and carries the rest of a minute over', () => {
		const clock = labClock({ clock: 'realtime' });
		expect(owedMinutes(clock, 59_999)).toEqual({ minutes: 0, usedMs: 0 });
		expect(owedMinutes(clock, 30 * MIN + 20_000)).toEqual({ minutes: 30, usedMs: 30 * MIN });
	});

	it('an accelerated clock owes speed × the running time', () => {
		const clock = labClock({ clock: { mode: 'accelerated', speed: 60 } });
		expect(owedMinutes(clock, 90_000)).toEqual({ minutes: 90, usedMs: 90_000 });
		// 7× speed: 10 s of running time is 70 s, one minute (which used 8,571 ms of it).
		expect(owedMinutes(labClock({ clock: { mode: 'accelerated', speed: 7 } }), 10_000)).toEqual({
			minutes: 1,
			usedMs: 8571
		});
	});

	it('owes nothing for no time or time going backwards', () => {
		const clock = labClock({ clock: 'realtime' });
		expect(owedMinutes(clock, 0).minutes).toBe(0);
		expect(owedMinutes(clock, -5 * MIN).minutes).toBe(0);
	});
});

describe('the clock in words', () => {
	it('says how each mode moves, with or without the buttons', () => {
		expect(clockSentence(MANUAL_CLOCK, true)).toBe(
			'Clock: manual — it moves only when you press +1 hour or +4 hours.'
		);
		expect(clockSentence(MANUAL_CLOCK, false)).toBe(
			'Clock: manual — it does not move during this lab.'
		);
		expect(clockSentence(labClock({ clock: 'realtime' }), true)).toBe(
			'Clock: real time — it runs with your own clock while the lab runs, never while it is paused; +1 hour and +4 hours jump ahead.'
		);
		expect(clockSentence(labClock({ clock: { mode: 'accelerated', speed: 60 } }), false)).toBe(
			'Clock: 60× speed — each minute you spend in the lab moves it 1 hour, never while it is paused.'
		);
		expect(clockSentence(labClock({ clock: { mode: 'accelerated', speed: 5 } }), false)).toMatch(
			/moves it 5 minutes,/
		);
		expect(clockModeLabel(labClock({ clock: { mode: 'accelerated', speed: 60 } }))).toBe(
			'60× speed'
		);
	});

	it('turns a move of the clock into the buttons that make it', () => {
		expect(clockPresses(5)).toBeNull();
		expect(clockPresses(60)).toBe('press +1 hour');
		expect(clockPresses(120)).toBe('press +1 hour twice');
		expect(clockPresses(90)).toBe('press +1 hour');
		expect(clockPresses(24 * 60)).toBe('press +4 hours 6 times');
		expect(clockPresses(300)).toBe('press +4 hours and +1 hour');
	});
});
