/**
 * The workspace database: one per browser profile, beside the per-attempt
 * world databases. It holds each lab attempt's record (mode, session state,
 * hints used, last grade), scenarios the instructor imported, settings, and
 * the outbox of xAPI statements waiting for the learning record store.
 * The help desk itself lives in the attempt's own world database (world-db.ts).
 */
import Dexie, { type EntityTable } from 'dexie';

/** Practice (hints, pause, reset) or assessment (timed, no help). */
export type SessionMode = 'practice' | 'assessment';
/** Where the attempt's session is; submitted and timedOut are final. */
export type SessionStatus = 'notStarted' | 'inProgress' | 'paused' | 'submitted' | 'timedOut';

export interface AttemptRecord {
	id: string;
	scenarioId: string;
	scenarioTitle: string;
	mode: SessionMode;
	candidate: string | null;
	timeLimitMs: number | null;
	status: SessionStatus;
	/** XState persisted snapshot of the session machine (JSON). */
	session: unknown;
	/** Hints opened per step (they open in order: nudge, guided, strong). */
	hintsUsed: Record<string, number>;
	/** Steps whose solution the learner revealed. */
	solutionsShown: string[];
	/** The persona the learner was playing, so a reload resumes there. */
	personaId: string | null;
	/** Wall-clock time a following simulated clock (realtime, accelerated) has caught up to. */
	lastActiveAt: number;
	/** Times the assessment window lost focus (reported, never judged automatically). */
	focusLosses: number;
	createdAt: number;
	updatedAt: number;
	/** The last grade, for the catalogue (the full grade is recomputed from the world). */
	score: number;
	maxScore: number;
	passedSteps: number;
	totalSteps: number;
	/** The lab version played: a content hash of the scenario (absent on records made before it existed). */
	scenarioHash?: string;
	/** How many journal entries the attempt had when it ended; later ones (another tab) do not count. */
	finalEntries?: number | null;
	/** When the record was restored from a backup file, if it was. */
	restoredAt?: number | null;
	/** The attempt whose journal seals this record's journal carries: its own id, or the original's for a restored copy. */
	bindingId?: string;
	/** The variant of a lab with variables (scenarios/variables.ts); 0 or absent: the lab as written. */
	variantSeed?: number;
	/** Integrity signals of an assessment, with their times (facts for a reviewer, never a verdict). */
	signals?: IntegritySignals;
	/** The candidate link's taking this attempt belongs to (assessments/take.ts), if any. */
	takeId?: string;
}

/** What a reviewer is told about how an assessment was taken; wall-clock times in ms. */
export interface IntegritySignals {
	/** The window lost focus at `at`, for `ms` (null while it has not come back). */
	focus: { at: number; ms: number | null }[];
	/** Text pasted: how long, and where (the field's name). */
	pastes: { at: number; length: number; where: string }[];
	/** No input from `at` for `ms` (2 minutes or more). */
	idle: { at: number; ms: number }[];
}

export interface ImportedScenario {
	id: string;
	fileName: string;
	text: string;
	importedAt: number;
	/** The lab pack it came with (src/lib/packs); absent for a lab imported as a single file. */
	pack?: PackRef;
	/** The content hash of `text` as loaded (scenarios/hash.ts), recorded by a pack import. */
	hash?: string;
	/** Earlier versions a pack update replaced, so attempts played on them are graded on them. */
	previous?: PreviousLabVersion[];
}

/** A pack as a lab row names it (no index: a workspace holds a few dozen imported labs). */
export interface PackRef {
	name: string;
	version: string;
	author: string;
	licence: string;
	checksum: string;
}

export interface PreviousLabVersion {
	hash: string;
	fileName: string;
	text: string;
	/** The pack version it came with, if it came with one. */
	version: string | null;
}

/** Where a statement is on its way to the LRS. */
export type OutboxState = 'waiting' | 'sent' | 'refused';

/** One xAPI statement on its way to the learning record store (src/lib/lrs/outbox.ts). */
export interface OutboxRow {
	/** The statement's own id (deterministic, so queuing it twice keeps one row). */
	id: string;
	attemptId: string;
	/** The validated statement, as it is sent. */
	statement: Record<string, unknown>;
	state: OutboxState;
	/** When it was queued (ms), for sending in order. */
	queuedAt: number;
	/** Sending attempts so far, and when the next may happen (ms). */
	tries: number;
	nextTryAt: number;
	/** The LRS's stored time (ISO 8601) once it acknowledged the statement. */
	stored: string | null;
	/** Why it is not sent yet, or why the LRS refused it, in the LRS's own words where it gave some. */
	message: string | null;
}

export interface SettingRow {
	key: string;
	value: unknown;
}

export class WorkspaceDb extends Dexie {
	attempts!: EntityTable<AttemptRecord, 'id'>;
	scenarios!: EntityTable<ImportedScenario, 'id'>;
	settings!: EntityTable<SettingRow, 'key'>;
	outbox!: EntityTable<OutboxRow, 'id'>;

	constructor(name = 'deskdrill-workspace') {
		super(name);
		// Versions 1 and 2 are shipped: change the schema only by adding version(3) with an upgrade.
		this.version(1).stores({
			attempts: 'id, scenarioId, status, updatedAt',
			scenarios: 'id',
			settings: 'key'
		});
		// Version 2 adds the LRS outbox; nothing existing changes, so no upgrade is needed.
		this.version(2).stores({
			attempts: 'id, scenarioId, status, updatedAt',
			scenarios: 'id',
			settings: 'key',
			outbox: 'id, attemptId, state'
		});
	}
}

let shared: WorkspaceDb | null = null;

/** The workspace database of this browser profile (opened once). */
export function workspaceDb(): WorkspaceDb {
	shared ??= new WorkspaceDb();
	return shared;
}
