import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import {
	advanceSession,
	elapsedAt,
	hasBegun,
	isEnded,
	remainingAt,
	sessionContext,
	sessionMachine,
	type SessionEvent,
	type SessionStatus
} from './session-machine';

function play(...events: SessionEvent[]) {
	let [snapshot] = initialTransition(sessionMachine);
	for (const event of events) [snapshot] = transition(sessionMachine, snapshot, event);
	return snapshot;
}

const MIN = 60_000;

describe('lab session lifecycle', () => {
	it('starts in practice mode and counts active time only', () => {
		const s = play(
			{ type: 'session.start', at: 0, mode: 'practice' },
			{ type: 'session.pause', at: 10 * MIN },
			{ type: 'session.resume', at: 60 * MIN },
			{ type: 'session.submit', at: 65 * MIN }
		);
		expect(s.value).toBe('submitted');
		expect(s.context.elapsedMs).toBe(15 * MIN);
		expect(s.status).toBe('done');
	});

	it('an assessment needs a candidate name', () => {
		expect(play({ type: 'session.start', at: 0, mode: 'assessment', candidate: '  ' }).value).toBe(
			'notStarted'
		);
		const s = play({
			type: 'session.start',
			at: 0,
			mode: 'assessment',
			candidate: 'Rae Ortiz',
			timeLimitMs: 30 * MIN
		});
		expect(s.value).toBe('inProgress');
		expect(s.context.candidate).toBe('Rae Ortiz');
	});

	it('an assessment cannot pause, and times out at its limit', () => {
		const start: SessionEvent = {
			type: 'session.start',
			at: 0,
			mode: 'assessment',
			candidate: 'Rae',
			timeLimitMs: 30 * MIN
		};
		expect(play(start, { type: 'session.pause', at: MIN }).value).toBe('inProgress');
		expect(play(start, { type: 'session.tick', at: 29 * MIN }).value).toBe('inProgress');
		const late = play(start, { type: 'session.tick', at: 30 * MIN });
		expect(late.value).toBe('timedOut');
		expect(late.context.elapsedMs).toBe(30 * MIN);
	});

	it('a submit after the limit counts as a time-out', () => {
		const s = play(
			{ type: 'session.start', at: 0, mode: 'assessment', candidate: 'Rae', timeLimitMs: 10 * MIN },
			{ type: 'session.submit', at: 11 * MIN }
		);
		expect(s.value).toBe('timedOut');
	});

	it('ended attempts can no longer change', () => {
		const s = play(
			{ type: 'session.start', at: 0, mode: 'practice' },
			{ type: 'session.submit', at: MIN }
		);
		const after = transition(sessionMachine, s, { type: 'session.resume', at: 2 * MIN })[0];
		expect(after.value).toBe('submitted');
		expect(after.context.endedAt).toBe(MIN);
	});

	it('reports elapsed and remaining time while running', () => {
		const s = play({
			type: 'session.start',
			at: 0,
			mode: 'assessment',
			candidate: 'Rae',
			timeLimitMs: 20 * MIN
		});
		expect(elapsedAt(s.context, 5 * MIN)).toBe(5 * MIN);
		expect(remainingAt(s.context, 5 * MIN)).toBe(15 * MIN);
	});

	it('an assessment started deferred counts no time until the candidate begins', () => {
		const start: SessionEvent = {
			type: 'session.start',
			at: 0,
			mode: 'assessment',
			candidate: 'Rae',
			timeLimitMs: 20 * MIN,
			deferred: true
		};
		const reading = play(start);
		expect(hasBegun(reading.context)).toBe(false);
		expect(remainingAt(reading.context, 6 * MIN)).toBe(20 * MIN);
		const begun = play(start, { type: 'session.begin', at: 6 * MIN });
		expect(hasBegun(begun.context)).toBe(true);
		expect(begun.context.startedAt).toBe(6 * MIN);
		expect(remainingAt(begun.context, 10 * MIN)).toBe(16 * MIN);
	});

	it('begins once: a second begin changes nothing, and a practice clock already runs', () => {
		const s = play(
			{ type: 'session.start', at: 0, mode: 'practice' },
			{ type: 'session.begin', at: 2 * MIN },
			{ type: 'session.begin', at: 9 * MIN }
		);
		expect(s.context.begunAt).toBe(2 * MIN);
		expect(s.context.startedAt).toBe(0);
		expect(elapsedAt(s.context, 10 * MIN)).toBe(10 * MIN);
	});

	it('a session stored before the begin existed counts as begun, and stays so', () => {
		const actor = createActor(sessionMachine).start();
		actor.send({ type: 'session.start', at: 0, mode: 'practice' });
		const stored = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as {
			context: Record<string, unknown>;
		};
		delete stored.context['begunAt'];
		expect(hasBegun(sessionContext(stored))).toBe(true);
		const after = advanceSession(stored, { type: 'session.begin', at: MIN });
		expect(sessionContext(after.session).begunAt).toBeUndefined();
	});

	it('survives persistence: a restored actor resumes where it was', () => {
		const actor = createActor(sessionMachine).start();
		actor.send({ type: 'session.start', at: 0, mode: 'practice' });
		actor.send({ type: 'session.pause', at: 3 * MIN });
		const saved = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as ReturnType<
			typeof actor.getPersistedSnapshot
		>;
		const restored = createActor(sessionMachine, { snapshot: saved }).start();
		expect(restored.getSnapshot().value).toBe('paused');
		restored.send({ type: 'session.resume', at: 10 * MIN });
		expect(elapsedAt(restored.getSnapshot().context, 12 * MIN)).toBe(5 * MIN);
	});
});

describe('isEnded', () => {
	it('is true exactly for the final states', () => {
		expect(
			['notStarted', 'inProgress', 'paused', 'submitted', 'timedOut'].map((s) =>
				isEnded(s as SessionStatus)
			)
		).toEqual([false, false, false, true, true]);
	});
});
