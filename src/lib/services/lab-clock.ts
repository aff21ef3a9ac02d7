/**
 * How a lab's simulated clock moves (the scenario's `clock` field), as pure
 * functions of time, so each mode is tested without a browser:
 * - manual (the default): only the lab's clock buttons move it, so a coffee
 *   break never breaches an SLA;
 * - realtime: it follows the learner's running time 1:1 (never while paused);
 * - accelerated: `speed` simulated minutes per minute of running time.
 *
 * The help desk's clock is a world fact that only commands change. A
 * following clock is therefore not moved on a timer: just before each command
 * the lab runs one `clock.advance` for the whole minutes owed since it last
 * caught up, so the journal stays small and a replay of the journal gives the
 * same world, whatever the wall clock says when it is replayed.
 */
import type { ClockMode, Scenario } from '../scenarios/types';

export interface LabClock {
	mode: ClockMode;
	/** Simulated minutes per real minute of running time; 0 for a manual clock. */
	speed: number;
}

export const MANUAL_CLOCK: LabClock = { mode: 'manual', speed: 0 };

/** The clock a scenario declares, manual when it declares none. */
export function labClock(scenario: Pick<Scenario, 'clock'>): LabClock {
	const setting = scenario.clock;
	if (setting === undefined || setting === 'manual') return MANUAL_CLOCK;
	if (setting === 'realtime') return { mode: 'realtime', speed: 1 };
	if (setting.mode === 'accelerated') return { mode: 'accelerated', speed: setting.speed ?? 1 };
	return setting.mode === 'realtime' ? { mode: 'realtime', speed: 1 } : MANUAL_CLOCK;
}

export interface Owed {
	/** Whole simulated minutes the desk's clock is behind. */
	minutes: number;
	/** The running time those minutes account for (the rest carries over to the next command). */
	usedMs: number;
}

/** What the desk's clock owes after `runningMs` of running time since it last caught up. */
export function owedMinutes(clock: LabClock, runningMs: number): Owed {
	if (clock.speed <= 0 || !(runningMs > 0)) return { minutes: 0, usedMs: 0 };
	const minutes = Math.floor((runningMs * clock.speed) / 60_000);
	return { minutes, usedMs: Math.min(runningMs, Math.floor((minutes * 60_000) / clock.speed)) };
}

/** The clock buttons a practice lab offers, in minutes, with their names. */
export const CLOCK_BUTTONS = [
	{ minutes: 60, label: '+1 hour' },
	{ minutes: 240, label: '+4 hours' }
] as const;

/** The mode in a word or two, for the lab bar. */
export function clockModeLabel(clock: LabClock): string {
	switch (clock.mode) {
		case 'manual':
			return 'manual';
		case 'realtime':
			return 'real time';
		case 'accelerated':
			return `${clock.speed}× speed`;
	}
}

/**
 * The sentence that says how the clock moves, so it never surprises the
 * trainee: "Clock: manual — it moves only when you press +1 hour or +4 hours."
 * `buttons` is false where the lab offers none (an assessment).
 */
export function clockSentence(clock: LabClock, buttons: boolean): string {
	const jump = buttons ? '; +1 hour and +4 hours jump ahead' : '';
	switch (clock.mode) {
		case 'manual':
			return buttons
				? 'Clock: manual — it moves only when you press +1 hour or +4 hours.'
				: 'Clock: manual — it does not move during this lab.';
		case 'realtime':
			return `Clock: real time — it runs with your own clock while the lab runs, never while it is paused${jump}.`;
		case 'accelerated':
			return `Clock: ${clock.speed}× speed — each minute you spend in the lab moves it ${minutesWords(clock.speed)}, never while it is paused${jump}.`;
	}
}

function minutesWords(minutes: number): string {
	if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
	return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/**
 * A move of the clock as the buttons that make it: "press +4 hours and +1 hour
 * twice". Under an hour there is no button to press (the moment
 * passes as the trainee works), so it is null.
 */
export function clockPresses(minutes: number): string | null {
	const fours = Math.floor(minutes / 240);
	const ones = Math.floor((minutes % 240) / 60);
	const times = (n: number) => (n === 1 ? '' : n === 2 ? ' twice' : ` ${n} times`);
	const parts = [
		...(fours ? [`+4 hours${times(fours)}`] : []),
		...(ones ? [`+1 hour${times(ones)}`] : [])
	];
	return parts.length ? `press ${parts.join(' and ')}` : null;
}
