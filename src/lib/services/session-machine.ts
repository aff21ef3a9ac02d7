/**
 * The life of one lab attempt: not started → in progress ⇄ paused →
 * submitted or timed out. Wall-clock time comes in on events (`at`), never
 * from Date.now(), so the machine is pure and its tests need no timers.
 * Practice attempts may pause and have no time limit; assessment attempts
 * carry a candidate name and a limit, cannot pause, and end for good.
 *
 * The learner *begins* an attempt by closing its briefing (session.begin),
 * once. An assessment started with `deferred` counts no time until then, so
 * reading the briefing never eats the candidate's time limit.
 */
import { assign, createActor, setup } from 'xstate';
import type { SessionMode, SessionStatus } from '../db/attempts-db';

export type { SessionMode, SessionStatus };

export interface SessionContext {
	mode: SessionMode;
	candidate: string | null;
	/** Milliseconds allowed, or null for no limit. */
	timeLimitMs: number | null;
	startedAt: number | null;
	/** Active time counted before the current running stretch. */
	elapsedMs: number;
	/** When the current running stretch began (null while paused or ended). */
	runningSince: number | null;
	endedAt: number | null;
	/**
	 * When the learner began (closed the briefing); null until then. Sessions
	 * stored before this field existed have none: they count as begun.
	 */
	begunAt?: number | null;
}

export type SessionEvent =
	| {
			type: 'session.start';
			at: number;
			mode: SessionMode;
			candidate?: string;
			timeLimitMs?: number | null;
			/** Count no time until session.begin (an assessment's briefing is read off the clock). */
			deferred?: boolean;
	  }
	| { type: 'session.begin'; at: number }
	| { type: 'session.pause'; at: number }
	| { type: 'session.resume'; at: number }
	| { type: 'session.tick'; at: number }
	| { type: 'session.submit'; at: number };

/** Active time at `at`, counting the stretch in progress. */
export function elapsedAt(context: SessionContext, at: number): number {
	return (
		context.elapsedMs + (context.runningSince === null ? 0 : Math.max(0, at - context.runningSince))
	);
}

/** Time left at `at`, or null without a limit. */
export function remainingAt(context: SessionContext, at: number): number | null {
	return context.timeLimitMs === null
		? null
		: Math.max(0, context.timeLimitMs - elapsedAt(context, at));
}

export const sessionMachine = setup({
	types: { context: {} as SessionContext, events: {} as SessionEvent },
	actions: {
		stopClock: assign(({ context, event }) => ({
			elapsedMs: elapsedAt(context, event.at),
			runningSince: null
		})),
		markEnded: assign(({ event }) => ({ endedAt: event.at }))
	},
	guards: {
		isPractice: ({ context }) => context.mode === 'practice',
		isTimeUp: ({ context, event }) => {
			const left = remainingAt(context, event.at);
			return left !== null && left <= 0;
		},
		notYetBegun: ({ context }) => context.begunAt === null,
		hasCandidateIfAssessment: ({ event }) =>
			event.type === 'session.start' &&
			(event.mode === 'practice' || (event.candidate ?? '').trim().length > 0)
	}
}).createMachine({
	id: 'labSession',
	initial: 'notStarted',
	context: {
		mode: 'practice',
		candidate: null,
		timeLimitMs: null,
		startedAt: null,
		elapsedMs: 0,
		runningSince: null,
		endedAt: null,
		begunAt: null
	},
	states: {
		notStarted: {
			on: {
				'session.start': {
					guard: 'hasCandidateIfAssessment',
					target: 'inProgress',
					actions: assign(({ event }) => ({
						mode: event.mode,
						candidate: event.mode === 'assessment' ? (event.candidate ?? '').trim() : null,
						timeLimitMs: event.mode === 'assessment' ? (event.timeLimitMs ?? null) : null,
						startedAt: event.at,
						elapsedMs: 0,
						runningSince: event.deferred ? null : event.at,
						endedAt: null,
						begunAt: null
					}))
				}
			}
		},
		inProgress: {
			on: {
				'session.begin': {
					guard: 'notYetBegun',
					// A deferred clock starts now, and so does the attempt as the report tells it.
					actions: assign(({ context, event }) =>
						context.runningSince === null && context.elapsedMs === 0
							? { begunAt: event.at, runningSince: event.at, startedAt: event.at }
							: { begunAt: event.at }
					)
				},
				'session.tick': {
					guard: 'isTimeUp',
					target: 'timedOut',
					actions: ['stopClock', 'markEnded']
				},
				'session.pause': { guard: 'isPractice', target: 'paused', actions: 'stopClock' },
				'session.submit': [
					{ guard: 'isTimeUp', target: 'timedOut', actions: ['stopClock', 'markEnded'] },
					{ target: 'submitted', actions: ['stopClock', 'markEnded'] }
				]
			}
		},
		paused: {
			on: {
				'session.resume': {
					target: 'inProgress',
					actions: assign(({ event }) => ({ runningSince: event.at }))
				},
				'session.submit': { target: 'submitted', actions: 'markEnded' }
			}
		},
		submitted: { type: 'final' },
		timedOut: { type: 'final' }
	}
});

/** Whether the learner has begun the attempt (closed its first briefing); older sessions have. */
export function hasBegun(context: SessionContext): boolean {
	return context.begunAt !== null;
}

/** Whether an attempt in this status is over (a final state of the machine): it can no longer change. */
export function isEnded(status: SessionStatus): boolean {
	return sessionMachine.states[status]?.type === 'final';
}

/** The session after `event`, as a persisted snapshot and its status. */
export function advanceSession(
	persisted: unknown,
	event: SessionEvent
): { session: unknown; status: SessionStatus } {
	const actor = createActor(sessionMachine, persisted ? { snapshot: persisted as never } : {});
	actor.start();
	actor.send(event);
	const snapshot = actor.getSnapshot();
	actor.stop();
	return { session: actor.getPersistedSnapshot(), status: snapshot.value as SessionStatus };
}

/** The session's context (mode, times) from a persisted snapshot. */
export function sessionContext(persisted: unknown) {
	const actor = createActor(sessionMachine, persisted ? { snapshot: persisted as never } : {});
	return actor.getSnapshot().context;
}
