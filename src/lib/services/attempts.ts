/**
 * Lab attempts: start one (a fresh world in its own database), find it again
 * after a reload, reset it, end it. The attempt record lives in the workspace
 * database; the help desk in the attempt's world database.
 */
import { createWorldStore, deleteWorld, openWorldStore, type WorldStore } from '../db/world-store';

// What the lab state needs of an attempt's world store, through this layer.
export { WriteRefused, type WorldStore, type WriteGuard } from '../db/world-store';
import { workspaceDb, type AttemptRecord } from '../db/attempts-db';
import { scenarioWorld } from '../scenarios/world';
import { scenarioHash } from '../scenarios/hash';
import type { Scenario } from '../scenarios/types';
import { advanceSession, hasBegun, sessionContext, type SessionMode } from './session-machine';
import { publishRecord } from './attempt-record';
import { variantOf } from './variant';

export { advanceSession, sessionContext } from './session-machine';

export interface StartOptions {
	mode: SessionMode;
	candidate?: string;
	/** Assessment time limit in minutes; the scenario's estimate by default. */
	minutes?: number;
	/** Which variant of a lab with variables to play (a candidate link's seed); the lab as written by default. */
	seed?: number;
	/** The candidate link's taking this attempt belongs to (assessments/take.ts). */
	takeId?: string;
}

function newId(): string {
	return typeof crypto !== 'undefined' && 'randomUUID' in crypto
		? crypto.randomUUID()
		: `a${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export class AttemptError extends Error {
	override name = 'AttemptError';
}

export async function startAttempt(
	lab: Scenario,
	options: StartOptions,
	now = Date.now()
): Promise<AttemptRecord> {
	const seed = Math.trunc(options.seed ?? 0);
	const scenario = await variantOf(lab, seed);
	const candidate = options.candidate?.trim() ?? '';
	if (options.mode === 'assessment' && !candidate)
		throw new AttemptError('Enter the candidate’s name to start an assessment.');
	const minutes = options.minutes ?? scenario.minutes;
	if (options.mode === 'assessment' && !(minutes > 0))
		throw new AttemptError('The time limit must be a number of minutes above zero.');
	const timeLimitMs = options.mode === 'assessment' ? Math.round(minutes * 60_000) : null;
	const started = advanceSession(null, {
		type: 'session.start',
		at: now,
		mode: options.mode,
		candidate,
		timeLimitMs,
		// An assessment's time runs from when the candidate closes the briefing, not while reading it.
		deferred: options.mode === 'assessment'
	});
	if (started.status !== 'inProgress') throw new AttemptError('The attempt could not start.');
	const record: AttemptRecord = {
		id: newId(),
		scenarioId: scenario.id,
		scenarioTitle: scenario.title,
		mode: options.mode,
		candidate: options.mode === 'assessment' ? candidate : null,
		timeLimitMs,
		status: started.status,
		session: started.session,
		hintsUsed: {},
		solutionsShown: [],
		personaId: scenario.steps[0]?.persona ?? scenario.personas[0]?.id ?? null,
		lastActiveAt: now,
		focusLosses: 0,
		createdAt: now,
		updatedAt: now,
		score: 0,
		maxScore: scenario.steps.reduce((sum, s) => sum + s.points, 0),
		passedSteps: 0,
		totalSteps: scenario.steps.length,
		scenarioHash: await scenarioHash(scenario),
		finalEntries: null,
		restoredAt: null,
		...(scenario.variant ? { variantSeed: seed } : {}),
		...(options.takeId ? { takeId: options.takeId } : {})
	};
	const store = await createWorldStore(record.id, scenarioWorld(scenario));
	store.close();
	await workspaceDb().attempts.put(record);
	return record;
}

export async function getAttempt(id: string): Promise<AttemptRecord | undefined> {
	return workspaceDb().attempts.get(id);
}

/** A plain copy (records may be reactive proxies in the UI). */
function plainCopy<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

export async function listAttempts(): Promise<AttemptRecord[]> {
	return workspaceDb().attempts.orderBy('updatedAt').reverse().toArray();
}

/** The attempt's help desk, opened from its own database. */
export async function openAttemptWorld(record: AttemptRecord): Promise<WorldStore | null> {
	const store = await openWorldStore(record.id);
	store?.sealWith(attemptBinding(record));
	return store;
}

/** What an attempt's journal is sealed with: the attempt, its variant and its candidate. */
export function attemptBinding(
	record: Pick<AttemptRecord, 'id' | 'bindingId' | 'variantSeed' | 'candidate'>
): string {
	return JSON.stringify([
		record.bindingId ?? record.id,
		record.variantSeed ?? 0,
		record.candidate ?? ''
	]);
}

/** Start over: a fresh world, no hints, the clock of a new session (practice only). */
export async function resetAttempt(
	record: AttemptRecord,
	scenario: Scenario,
	now = Date.now()
): Promise<AttemptRecord> {
	if (record.mode === 'assessment') throw new AttemptError('An assessment cannot be reset.');
	let started = advanceSession(null, { type: 'session.start', at: now, mode: 'practice' });
	// Starting over is not a new lab: a learner who has read the briefing is not shown it again.
	if (hasBegun(sessionContext(plainCopy(record.session))))
		started = advanceSession(started.session, { type: 'session.begin', at: now });
	const reset: AttemptRecord = {
		...plainCopy(record),
		status: started.status,
		session: started.session,
		hintsUsed: {},
		solutionsShown: [],
		personaId: scenario.steps[0]?.persona ?? record.personaId,
		lastActiveAt: now,
		updatedAt: now,
		score: 0,
		passedSteps: 0,
		finalEntries: null,
		scenarioHash: await scenarioHash(scenario)
	};
	const store = await createWorldStore(record.id, scenarioWorld(scenario));
	store.close();
	await workspaceDb().attempts.put(reset);
	publishRecord(reset);
	return reset;
}

export async function deleteAttempt(id: string): Promise<void> {
	await deleteWorld(id);
	await workspaceDb().attempts.delete(id);
}
