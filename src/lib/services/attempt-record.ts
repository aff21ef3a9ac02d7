/**
 * The attempt record (mode, session, hints, solutions, time, candidate) has
 * one truth: the stored row. A change is never "write my copy back": it is an
 * operation read, merged and written in one IndexedDB transaction, so a
 * second tab with a stale copy cannot undo what another tab did:
 * - an ended session (submitted, timed out) always wins and takes no events;
 * - hint counts take the larger per step; solutions shown are merged;
 * - the last active time only moves forward;
 * - the attempt begins (its briefing closed) once: the first begin stands.
 * Every change is broadcast, so every tab of the attempt follows (and locks)
 * at once. Failures throw RecordError with one plain sentence.
 */
import { workspaceDb, type AttemptRecord, type IntegritySignals } from '../db/attempts-db';
import { advanceSession, isEnded, sessionContext, type SessionEvent } from './session-machine';

export type RecordChange =
	| { type: 'session'; event: SessionEvent; journalLength?: number }
	| { type: 'hint'; stepId: string; shown: number }
	| { type: 'solution'; stepId: string }
	| { type: 'persona'; personaId: string }
	| { type: 'active'; at: number }
	| { type: 'grade'; score: number; maxScore: number; passedSteps: number }
	| { type: 'focus-lost'; at?: number }
	| { type: 'focus-back'; at: number }
	| { type: 'paste'; at: number; length: number; where: string }
	| { type: 'idle'; at: number; ms: number };

/** Idle stretches shorter than this are not reported. */
export const IDLE_MS = 2 * 60_000;

const NO_SIGNALS: IntegritySignals = { focus: [], pastes: [], idle: [] };

/** The signals of a record (none on records made before they existed). */
export function signalsOf(record: Pick<AttemptRecord, 'signals'>): IntegritySignals {
	return { ...NO_SIGNALS, ...record.signals };
}

/** Why the stored record refuses a change (the attempt has ended, an assessment gives no hints...). */
export class RecordRefusal extends Error {
	override name = 'RecordRefusal';
}

/** The change could not be stored; the message is the reason, in words ("the browser storage is full"). */
export class RecordError extends Error {
	override name = 'RecordError';
}

/** Why the attempt takes no commands, from its stored status; null when it does. */
export function lockReason(record: Pick<AttemptRecord, 'status'>): string | null {
	switch (record.status) {
		case 'submitted':
			return 'This attempt has been submitted and can no longer be changed.';
		case 'timedOut':
			return 'Time is up: this attempt can no longer be changed.';
		case 'paused':
			return 'The lab is paused. Resume it to carry on.';
		default:
			return null;
	}
}

/**
 * The record after a change, merged into what is stored: a pure function, so
 * the rules above are tested without a browser. Returns the same object when
 * nothing changes; throws RecordRefusal when the change may not happen.
 */
export function applyChange(stored: AttemptRecord, change: RecordChange): AttemptRecord {
	const ended = isEnded(stored.status);
	switch (change.type) {
		case 'session': {
			if (ended) {
				if (change.event.type === 'session.tick') return stored;
				throw new RecordRefusal(lockReason(stored) ?? 'This attempt has ended.');
			}
			const next = advanceSession(stored.session, change.event);
			// Ticks and the one begin change the session without changing its status.
			const quiet =
				change.event.type === 'session.begin'
					? sessionContext(next.session).begunAt === sessionContext(stored.session).begunAt
					: change.event.type !== 'session.tick';
			if (next.status === stored.status && quiet) return stored;
			const finishing = isEnded(next.status);
			return {
				...stored,
				session: next.session,
				status: next.status,
				...(finishing ? { finalEntries: change.journalLength ?? stored.finalEntries ?? null } : {})
			};
		}
		case 'hint': {
			if (stored.mode === 'assessment') throw new RecordRefusal('An assessment gives no hints.');
			if (ended) throw new RecordRefusal(lockReason(stored) ?? 'This attempt has ended.');
			const shown = Math.max(stored.hintsUsed[change.stepId] ?? 0, change.shown);
			if (shown === (stored.hintsUsed[change.stepId] ?? 0)) return stored;
			return { ...stored, hintsUsed: { ...stored.hintsUsed, [change.stepId]: shown } };
		}
		case 'solution': {
			if (stored.mode === 'assessment')
				throw new RecordRefusal('An assessment shows no solutions.');
			if (ended) throw new RecordRefusal(lockReason(stored) ?? 'This attempt has ended.');
			if (stored.solutionsShown.includes(change.stepId)) return stored;
			return { ...stored, solutionsShown: [...stored.solutionsShown, change.stepId] };
		}
		case 'persona':
			return stored.personaId === change.personaId
				? stored
				: { ...stored, personaId: change.personaId };
		case 'active':
			return change.at <= stored.lastActiveAt ? stored : { ...stored, lastActiveAt: change.at };
		case 'grade':
			if (
				stored.score === change.score &&
				stored.maxScore === change.maxScore &&
				stored.passedSteps === change.passedSteps
			)
				return stored;
			return {
				...stored,
				score: change.score,
				maxScore: change.maxScore,
				passedSteps: change.passedSteps
			};
		case 'focus-back':
			// Closes a stretch away even when the time ran out meanwhile.
			if (stored.mode !== 'assessment') return stored;
			return withSignal(stored, change);
		case 'focus-lost':
		case 'paste':
		case 'idle':
			if (stored.mode !== 'assessment' || stored.status !== 'inProgress') return stored;
			return withSignal(stored, change);
	}
}

/** An assessment's integrity signal added to its record (times are the browser's wall clock). */
function withSignal(
	stored: AttemptRecord,
	change: Extract<RecordChange, { type: 'focus-lost' | 'focus-back' | 'paste' | 'idle' }>
): AttemptRecord {
	const signals = signalsOf(stored);
	switch (change.type) {
		case 'focus-lost': {
			const open = signals.focus.at(-1)?.ms === null;
			if (open) return stored;
			const focus = [...signals.focus, { at: change.at ?? Date.now(), ms: null }];
			return { ...stored, focusLosses: stored.focusLosses + 1, signals: { ...signals, focus } };
		}
		case 'focus-back': {
			const last = signals.focus.at(-1);
			if (!last || last.ms !== null) return stored;
			const focus = [
				...signals.focus.slice(0, -1),
				{ at: last.at, ms: Math.max(0, change.at - last.at) }
			];
			return { ...stored, signals: { ...signals, focus } };
		}
		case 'paste': {
			const pastes = [
				...signals.pastes,
				{ at: change.at, length: change.length, where: change.where }
			];
			return { ...stored, signals: { ...signals, pastes } };
		}
		case 'idle': {
			if (change.ms < IDLE_MS) return stored;
			const idle = [...signals.idle, { at: change.at, ms: change.ms }];
			return { ...stored, signals: { ...signals, idle } };
		}
	}
}

const CHANNEL = 'deskdrill-attempts';

function channel(): BroadcastChannel | null {
	return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
}

/** A plain copy (records may be reactive proxies in the UI). */
function plain<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

function storageWords(error: unknown): string {
	const name = (error as { name?: string } | null)?.name;
	if (name === 'QuotaExceededError' || name === 'QuotaExceeded')
		return 'the browser storage is full';
	return 'the browser storage refused it';
}

/**
 * Apply a change to the stored record in one transaction and tell the other
 * tabs. Returns the stored record as it now is. Throws RecordRefusal (the
 * change may not happen) or RecordError (it could not be stored), each with
 * one plain sentence; nothing is written in either case.
 */
export async function updateAttempt(
	id: string,
	change: RecordChange,
	now = Date.now()
): Promise<AttemptRecord> {
	const db = workspaceDb();
	let result: AttemptRecord;
	let changed = false;
	try {
		result = await db.transaction('rw', db.attempts, async () => {
			const stored = await db.attempts.get(id);
			if (!stored) throw new RecordRefusal('This attempt no longer exists in this browser.');
			const next = applyChange(stored, change);
			if (next === stored) return stored;
			changed = true;
			const saved = { ...next, updatedAt: Math.max(now, stored.updatedAt) };
			await db.attempts.put(plain(saved));
			return saved;
		});
	} catch (error) {
		if (error instanceof RecordRefusal) throw error;
		throw new RecordError(storageWords(error));
	}
	if (changed) publishRecord(result);
	return result;
}

/** Tell every tab of this attempt what its stored record now is. */
export function publishRecord(record: AttemptRecord): void {
	const out = channel();
	out?.postMessage({ id: record.id, record: plain(record) });
	out?.close();
}

/** Follow the stored record of one attempt as other tabs change it. Returns the unsubscribe. */
export function watchAttempt(id: string, onChange: (record: AttemptRecord) => void): () => void {
	const incoming = channel();
	if (!incoming) return () => {};
	incoming.onmessage = (message: MessageEvent<{ id?: string; record?: AttemptRecord }>) => {
		if (message.data?.id === id && message.data.record) onChange(message.data.record);
	};
	return () => incoming.close();
}
