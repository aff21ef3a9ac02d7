/**
 * One lab attempt on screen: the scenario, its help desk (DeskState over the
 * attempt's WorldStore), the session (timer, pause, submit), hints, and the
 * live grade, re-derived after every command whichever persona ran it.
 *
 * The attempt record shown here is always the stored one: every change goes
 * through updateAttempt (read, merge, write in one transaction), the screen
 * changes only once it is stored, and a change made in another tab arrives
 * through its broadcast. A failure is said in one sentence and nothing
 * pretends to have happened.
 *
 * As the lab goes (and when it ends), its xAPI statements are queued for the
 * learning record store when the learner set that up (lrs/lifecycle.ts).
 */
import type { AttemptRecord } from '$lib/db/attempts-db';
import { grade, type Grade } from '$lib/grading';
import type { Scenario } from '$lib/scenarios/types';
import { getAttempt, sessionContext, type WorldStore } from '$lib/services/attempts';
import {
	IDLE_MS,
	lockReason,
	RecordError,
	signalsOf,
	RecordRefusal,
	updateAttempt,
	watchAttempt,
	type RecordChange
} from '$lib/services/attempt-record';
import {
	elapsedAt,
	hasBegun,
	isEnded,
	remainingAt,
	type SessionEvent
} from '$lib/services/session-machine';
import { labClock, owedMinutes, type LabClock, type Owed } from '$lib/services/lab-clock';
import { buildReport } from '$lib/services/report';
import { queueEnded, queueProgress } from '$lib/lrs/lifecycle';
import { trackAttempt } from '$lib/scorm/session';
import { DeskState } from './desk.svelte';
import { LabBackend, personasOf } from './lab-backend';

export { personasOf };

export class LabState {
	readonly scenario: Scenario;
	readonly store: WorldStore;
	readonly desk: DeskState;
	/** How the help desk's simulated clock moves in this lab. */
	readonly clock: LabClock;
	/** The stored attempt record, as last read or told by another tab. */
	attempt = $state() as AttemptRecord;
	/** Wall clock, refreshed every second while the page is open. */
	now = $state(Date.now());
	/** A change that could not be stored or was refused, in one sentence; cleared by the next success. */
	recordError = $state<string | null>(null);
	/** The results could not be queued for the LRS, in one sentence. */
	lrsProblem = $state<string | null>(null);
	/** The session's times, read again only when the session changes (not on every tick). */
	#session = $derived(sessionContext($state.snapshot(this.attempt.session)));
	#grade = $derived.by(() =>
		grade(this.scenario, this.desk.world, this.desk.journal, {
			hintsUsed: this.attempt.mode === 'practice' ? this.attempt.hintsUsed : {},
			solutionsShown: this.attempt.mode === 'practice' ? this.attempt.solutionsShown : [],
			final: this.ended
		})
	);
	readonly #unwatch: () => void;
	/** The LMS, when a SCORM package launched the app: told the status, score and suspend_data. */
	readonly #scorm: ReturnType<typeof trackAttempt>;

	constructor(scenario: Scenario, attempt: AttemptRecord, store: WorldStore) {
		this.scenario = scenario;
		this.attempt = attempt;
		this.store = store;
		this.clock = labClock(scenario);
		const personas = personasOf(scenario, store.world);
		this.desk = new DeskState(
			new LabBackend(store, this),
			personas,
			attempt.personaId ?? undefined,
			(id) => void this.#change({ type: 'persona', personaId: id }, 'quiet')
		);
		this.#unwatch = watchAttempt(attempt.id, (record) => this.#adopt(record));
		// Opening the lab launches it (and catches up an attempt that ended while no tab was open).
		void this.shareResults();
		this.#scorm = trackAttempt({
			record: () => $state.snapshot(this.attempt) as AttemptRecord,
			journal: () => this.store.journal,
			grade: () => this.#grade
		});
	}

	/**
	 * Queue what the LRS should have by now: launched and the steps passed,
	 * or, once ended, everything. Only when automatic sending is on; queuing
	 * is idempotent, so it runs after every change without duplicating.
	 */
	async shareResults(): Promise<void> {
		const attempt = $state.snapshot(this.attempt) as AttemptRecord;
		this.lrsProblem = this.ended
			? await queueEnded(
					attempt,
					buildReport(this.scenario, attempt, this.desk.world, this.desk.journal)
				)
			: await queueProgress(attempt, this.startedAt, this.#grade.steps);
	}

	/** Stop following other tabs (the page is leaving). */
	close(): void {
		this.#unwatch();
		this.#scorm?.release();
		this.store.close();
	}

	/** The live grade: a pure function of the scenario, the world and the journal. */
	get grade(): Grade {
		return this.#grade;
	}

	get ended(): boolean {
		return isEnded(this.attempt.status);
	}

	get paused(): boolean {
		return this.attempt.status === 'paused';
	}

	get isAssessment(): boolean {
		return this.attempt.mode === 'assessment';
	}

	/** The learner has begun (closed the briefing, or acted); an assessment's time runs from then. */
	get begun(): boolean {
		return hasBegun(this.#session);
	}

	/** Nothing done and the briefing never closed: the briefing opens by itself. */
	get fresh(): boolean {
		return !this.begun && !this.ended && this.store.journal.length === 0;
	}

	/** Every step has passed. */
	get complete(): boolean {
		const steps = this.#grade.steps;
		return steps.length > 0 && steps.every((s) => s.status === 'passed');
	}

	/** What a following clock owes now (nothing while paused, ended or not begun). */
	get owed(): Owed {
		return this.#owedAt(this.now);
	}

	/** The help desk's time as the trainee sees it: the world's clock, plus what a following clock owes. */
	get simulatedNow(): number {
		return this.desk.world.meta.clock + this.owed.minutes * 60_000;
	}

	/** Why the panels take no commands right now, or null. */
	get lockReason(): string | null {
		return lockReason(this.attempt);
	}

	/** When this session started (a reset starts a new one). */
	get startedAt(): number | null {
		return this.#session.startedAt;
	}

	get elapsedMs(): number {
		return elapsedAt(this.#session, this.now);
	}

	get remainingMs(): number | null {
		return remainingAt(this.#session, this.now);
	}

	/** The first step not yet passed (the one the instructions pane shows by default). */
	get currentStepId(): string | null {
		return this.#grade.steps.find((s) => s.status !== 'passed')?.id ?? null;
	}

	hintsShown(stepId: string): number {
		return this.attempt.hintsUsed[stepId] ?? 0;
	}

	/** Show the next hint: once it is stored (a hint shown is a hint paid for). */
	async useHint(stepId: string): Promise<void> {
		const step = this.scenario.steps.find((s) => s.id === stepId);
		const shown = this.hintsShown(stepId);
		if (!step || shown >= (step.hints?.length ?? 0)) return;
		await this.#change({ type: 'hint', stepId, shown: shown + 1 }, 'The hint');
	}

	async showSolution(stepId: string): Promise<void> {
		await this.#change({ type: 'solution', stepId }, 'The solution');
	}

	switchPersona(personaId: string): void {
		this.desk.switchTo(personaId);
	}

	/** Begin the attempt (the briefing was closed, or the first command runs): once. */
	async begin(now = Date.now()): Promise<void> {
		if (this.begun || this.attempt.status !== 'inProgress') return;
		// From here a following clock runs, and a deferred assessment's time limit.
		if (await this.#session_({ type: 'session.begin', at: now }, 'Starting the lab'))
			await this.#change({ type: 'active', at: now }, 'quiet');
	}

	/** Move the clock forward by hand (the +1 hour and +4 hours buttons). */
	async advanceClock(minutes: number): Promise<void> {
		await this.desk.runAs({ role: 'system' }, { type: 'clock.advance', minutes });
	}

	/**
	 * Bring a following clock up to `now`: one clock.advance for the whole
	 * minutes owed, stored in the journal like any command, so replay and
	 * grading never read the wall clock. Returns the wall time the clock now
	 * follows from (the rest of a minute carries over).
	 */
	async catchUp(now: number): Promise<number> {
		const owed = this.#owedAt(now);
		const from = this.attempt.lastActiveAt;
		if (owed.minutes < 1) return this.clock.speed > 0 ? from : now;
		const moved = await this.store.run(
			{ role: 'system' },
			{ type: 'clock.advance', minutes: owed.minutes },
			now
		);
		return moved.ok ? from + owed.usedMs : now;
	}

	/** Whether a following clock owes at least a minute at `now` (a command would move it first). */
	owesClock(now: number): boolean {
		return this.#owedAt(now).minutes >= 1;
	}

	#owedAt(now: number): Owed {
		if (this.attempt.status !== 'inProgress' || !this.begun) return { minutes: 0, usedMs: 0 };
		return owedMinutes(this.clock, now - this.attempt.lastActiveAt);
	}

	/** Catch the clock up before the session stops running (a pause, a submit, the time running out). */
	async #catchUpBeforeStop(now: number): Promise<void> {
		if (this.clock.speed <= 0 || this.#owedAt(now).minutes < 1) return;
		const to = await this.catchUp(now);
		await this.#change({ type: 'active', at: to }, 'quiet');
	}

	async pause(): Promise<void> {
		const now = Date.now();
		await this.#catchUpBeforeStop(now);
		await this.#session_({ type: 'session.pause', at: now }, 'The pause');
	}

	async resume(): Promise<void> {
		const now = Date.now();
		if (await this.#session_({ type: 'session.resume', at: now }, 'Resuming'))
			await this.#change({ type: 'active', at: now }, 'quiet');
	}

	/** Submit; resolves true only once the submission is stored. */
	async submit(): Promise<boolean> {
		const now = Date.now();
		await this.noteInput(now);
		await this.#catchUpBeforeStop(now);
		await this.#change(this.#gradeChange(), 'quiet');
		const submitted = await this.#session_({ type: 'session.submit', at: now }, 'The submission');
		if (submitted) void this.shareResults();
		return submitted;
	}

	/** Called every second: ends an assessment whose time ran out. */
	async tick(now = Date.now()): Promise<void> {
		this.now = now;
		if (this.attempt.status !== 'inProgress' || this.attempt.timeLimitMs === null) return;
		if ((this.remainingMs ?? 1) <= 0) {
			// The stretch without input up to the end counts (the time ran out while idle).
			if (now - this.#lastInput >= IDLE_MS) await this.noteInput(now);
			await this.#catchUpBeforeStop(now);
			await this.#session_({ type: 'session.tick', at: now }, 'The end of the time');
			if (this.ended) void this.shareResults();
		}
	}

	/** Integrity signal for assessments: the window lost focus (reported for a human to weigh). */
	async focusLost(now = Date.now()): Promise<void> {
		if (!this.isAssessment || this.attempt.status !== 'inProgress') return;
		await this.#change({ type: 'focus-lost', at: now }, 'quiet');
	}

	/** The window has the focus again: how long it was away is recorded. */
	async focusBack(now = Date.now()): Promise<void> {
		if (!this.isAssessment || signalsOf(this.attempt).focus.at(-1)?.ms !== null) return;
		await this.#change({ type: 'focus-back', at: now }, 'quiet');
	}

	/** Integrity signal: text was pasted (its length, and the field it went into). */
	async pasted(length: number, where: string, now = Date.now()): Promise<void> {
		if (!this.isAssessment || this.attempt.status !== 'inProgress' || length === 0) return;
		await this.noteInput(now);
		await this.#change({ type: 'paste', at: now, length, where }, 'quiet');
	}

	/** When the candidate last typed, clicked or touched (this page's; a reload starts afresh). */
	#lastInput = Date.now();

	/** Any input: a stretch of 2 minutes or more without one is recorded as idle. */
	async noteInput(now = Date.now()): Promise<void> {
		const from = this.#lastInput;
		this.#lastInput = now;
		if (!this.isAssessment || this.attempt.status !== 'inProgress' || !this.begun) return;
		if (now - from >= IDLE_MS)
			await this.#change({ type: 'idle', at: from, ms: now - from }, 'quiet');
	}

	/**
	 * Before a command: the stored status decides (another tab may have
	 * submitted or paused). Returns why the command is refused, or null.
	 */
	async checkStored(): Promise<string | null> {
		try {
			const stored = await getAttempt(this.attempt.id);
			if (stored) this.#adopt(stored);
		} catch {
			// Unreadable storage: the write that follows will say so in words.
		}
		return this.lockReason;
	}

	/** After each stored command: the time the clock follows from, and the grade for the catalogue. */
	async touched(clockFrom: number): Promise<void> {
		const ok =
			(await this.#change({ type: 'active', at: clockFrom }, 'quiet')) &&
			(await this.#change(this.#gradeChange(), 'quiet'));
		if (!ok)
			this.recordError =
				'Your action was saved, but the attempt’s progress summary could not be updated; the report recomputes it.';
		void this.shareResults();
	}

	#gradeChange(): RecordChange {
		const g = this.#grade;
		return {
			type: 'grade',
			score: g.score,
			maxScore: g.maxScore,
			passedSteps: g.steps.filter((s) => s.status === 'passed').length
		};
	}

	/** Take the stored record as the truth (never an older copy). */
	#adopt(record: AttemptRecord): void {
		if (record.id !== this.attempt.id || record.updatedAt < this.attempt.updatedAt) return;
		// The same record read back (the check behind every command) changes
		// nothing, so nothing that reads the attempt is worked out again.
		const text = JSON.stringify(record);
		if (text === this.#adopted) return;
		this.#adopted = text;
		this.attempt = record;
		this.#scorm?.changed();
	}
	/** The record last adopted, as JSON. */
	#adopted = '';

	async #session_(event: SessionEvent, what: string): Promise<boolean> {
		return this.#change({ type: 'session', event, journalLength: this.store.journal.length }, what);
	}

	/**
	 * Store a change, then show it. `what` names it for the one-sentence
	 * message on failure ("The hint could not be saved: …"); 'quiet' changes
	 * (the persona, the last active time) fail without a message of their own.
	 */
	async #change(change: RecordChange, what: string): Promise<boolean> {
		try {
			this.#adopt(await updateAttempt(this.attempt.id, change));
			if (what !== 'quiet') this.recordError = null;
			return true;
		} catch (error) {
			if (what === 'quiet') return false;
			if (error instanceof RecordRefusal) this.recordError = error.message;
			else if (error instanceof RecordError)
				this.recordError = `${what} could not be saved (${error.message}), so nothing changed.`;
			else this.recordError = `${what} could not be saved, so nothing changed.`;
			// What the other tab (or the storage) holds now is what this tab shows.
			await this.checkStored();
			return false;
		}
	}
}
