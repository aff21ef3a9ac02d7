/**
 * The lab's simulated clock, mode by mode, through a real LabState on a real
 * (fake-indexeddb) attempt, with the wall clock faked: a manual clock never
 * moves with idle time; a real-time or accelerated clock catches up just
 * before each command (one clock.advance in the journal, never on a timer),
 * not while paused; and replaying the journal gives the same clock.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadLab } from '../../../tests/fixtures/scenarios';
import { HelpDesk, type Command } from '$lib/domain';
import { openWorldStore } from '$lib/db/world-store';
import { startAttempt } from '$lib/services/attempts';
import { scenarioWorld } from '$lib/scenarios/world';
import type { ClockSetting, Scenario } from '$lib/scenarios/types';
import { LabState } from './lab.svelte';

const MIN = 60_000;
const T0 = Date.UTC(2026, 5, 1, 12, 0, 0);
const base = loadLab('banking-outage');

const open: Command = {
	type: 'ticket.open',
	topicId: 'bco',
	subject: 'Entire mobile online banking is down',
	details: 'Every customer gets a 404.'
};

let labs: LabState[] = [];

async function lab(clock: ClockSetting | undefined, mode: 'practice' | 'assessment' = 'practice') {
	const scenario: Scenario = { ...base, clock };
	const record = await startAttempt(
		scenario,
		mode === 'practice' ? { mode } : { mode, candidate: 'Rae', minutes: 600 },
		Date.now()
	);
	const store = await openWorldStore(record.id);
	if (!store) throw new Error('no world');
	const state = new LabState(scenario, record, store);
	labs.push(state);
	return state;
}

/** Karen opens a ticket (any command will do). */
async function act(state: LabState) {
	state.desk.switchTo('karen');
	const outcome = await state.desk.run(open);
	expect(outcome.ok).toBe(true);
}

const wait = (ms: number) => vi.setSystemTime(Date.now() + ms);
const advances = (state: LabState) =>
	state.store.journal.filter((e) => e.command.type === 'clock.advance').map((e) => e.command);
const clockMoved = (state: LabState) =>
	(state.desk.world.meta.clock - Date.parse(base.world.start)) / MIN;

beforeEach(() => {
	// Only Date: IndexedDB's own timers must keep running.
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(T0);
});

afterEach(() => {
	for (const state of labs) state.close();
	labs = [];
	vi.useRealTimers();
});

describe('a manual clock (the default)', () => {
	it('does not move with idle time: a two-hour coffee break breaches nothing', async () => {
		const state = await lab(undefined);
		await state.begin();
		wait(120 * MIN);
		expect(state.simulatedNow).toBe(state.desk.world.meta.clock);
		await act(state);
		expect(clockMoved(state)).toBe(0);
		expect(advances(state)).toEqual([]);
	});

	it('moves only by the clock buttons', async () => {
		const state = await lab('manual');
		await state.begin();
		await state.advanceClock(60);
		wait(45 * MIN);
		await act(state);
		expect(clockMoved(state)).toBe(60);
		expect(advances(state)).toEqual([{ type: 'clock.advance', minutes: 60 }]);
	});
});

describe('a real-time clock', () => {
	it('catches up whole minutes just before the next command, carrying the rest over', async () => {
		const state = await lab('realtime');
		await state.begin();
		wait(30 * MIN + 20_000);
		// The bar shows the time owed before any command moves the world.
		state.now = Date.now();
		expect((state.simulatedNow - state.desk.world.meta.clock) / MIN).toBe(30);
		await act(state);
		expect(clockMoved(state)).toBe(30);
		// 20 s carried over + 40 s = one more minute before the next command.
		wait(40_000);
		await state.advanceClock(60);
		expect(clockMoved(state)).toBe(91);
		expect(advances(state)).toEqual([
			{ type: 'clock.advance', minutes: 30 },
			{ type: 'clock.advance', minutes: 1 },
			{ type: 'clock.advance', minutes: 60 }
		]);
		// The command ran at the time the trainee saw.
		const opened = state.store.journal.find((e) => e.command.type === 'ticket.open');
		expect(opened?.at).toBe(Date.parse(base.world.start) + 30 * MIN);
	});

	it('does not run while the lab is paused', async () => {
		const state = await lab('realtime');
		await state.begin();
		wait(10 * MIN);
		await state.pause();
		expect(clockMoved(state)).toBe(10);
		wait(3 * 60 * MIN);
		state.now = Date.now();
		expect(state.owed.minutes).toBe(0);
		await state.resume();
		wait(5 * MIN);
		await act(state);
		expect(clockMoved(state)).toBe(15);
	});

	it('does not run before the learner begins (while the briefing is read)', async () => {
		const state = await lab('realtime');
		expect(state.fresh).toBe(true);
		wait(20 * MIN);
		state.now = Date.now();
		expect(state.owed.minutes).toBe(0);
		await state.begin();
		expect(state.fresh).toBe(false);
		wait(2 * MIN);
		await act(state);
		expect(clockMoved(state)).toBe(2);
	});
});

describe('an accelerated clock', () => {
	it('moves speed × the running time, and a replay of the journal gives the same clock', async () => {
		const state = await lab({ mode: 'accelerated', speed: 60 });
		await state.begin();
		wait(90_000);
		await act(state);
		expect(clockMoved(state)).toBe(90);
		wait(60 * MIN);
		await state.submit();
		// Submitting catches the clock up first, so the graded world is the one at submission.
		expect(clockMoved(state)).toBe(90 + 3600);

		const replay = new HelpDesk(scenarioWorld(state.scenario));
		for (const entry of state.store.journal)
			replay.run(entry.actor, entry.command, entry.wallAt ?? null);
		expect(replay.world.meta.clock).toBe(state.desk.world.meta.clock);
	});
});

describe('an assessment', () => {
	it('counts no time until the candidate begins, then runs the time limit', async () => {
		const state = await lab(undefined, 'assessment');
		wait(7 * MIN);
		state.now = Date.now();
		expect(state.remainingMs).toBe(600 * MIN);
		await state.begin();
		wait(MIN);
		state.now = Date.now();
		expect(state.remainingMs).toBe(599 * MIN);
	});

	it('begins at the first command if the briefing was never closed', async () => {
		const state = await lab(undefined, 'assessment');
		await act(state);
		expect(state.begun).toBe(true);
		wait(MIN);
		state.now = Date.now();
		expect(state.remainingMs).toBe(599 * MIN);
	});
});
