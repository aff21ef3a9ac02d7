/**
 * One lab attempt on screen: the scenario, its help desk (DeskState over the
 * attempt's WorldStore), the session (timer, pause, submit), hints, and the
 * live grade, re-derived after every command whichever persona ran it.
 */
import type { Actor, Command, CommandResult, JournalEntry, World } from '$lib/domain';
import type { AttemptRecord } from '$lib/db/attempts-db';
import type { WorldStore } from '$lib/db/world-store';
import { grade, type Grade } from '$lib/grading';
import type { Scenario } from '$lib/scenarios/types';
import { advanceSession, saveAttempt, sessionContext } from '$lib/services/attempts';
import { elapsedAt, isEnded, remainingAt, type SessionEvent } from '$lib/services/session-machine';
import { DeskState, type DeskBackend, type Persona } from './desk.svelte';

/** Simulated time never jumps more than this for one idle stretch: a tab left open overnight must not blow every SLA. */
const MAX_IDLE_ADVANCE_MIN = 60;

export function personasOf(scenario: Scenario, world: World): Persona[] {
	return scenario.personas.map((p) => {
		const agent = p.agent ? world.agents[p.agent] : undefined;
		const user = p.user ? world.users[p.user] : undefined;
		const name =
			p.label ?? (agent ? `${agent.firstName} ${agent.lastName}`.trim() : (user?.name ?? p.id));
		return { id: p.id, name, role: p.role, refId: (p.agent ?? p.user ?? p.id) as string };
	});
}

/**
 * The attempt's store, with two lab rules on top: an attempt that has ended
 * takes no more commands, and simulated time follows the learner's active time.
 */
class LabBackend implements DeskBackend {
	constructor(
		private readonly store: WorldStore,
		private readonly lab: LabState
	) {}
	get world() {
		return this.store.world;
	}
	get journal(): JournalEntry[] {
		return this.store.journal;
	}
	subscribe(listener: () => void) {
		return this.store.subscribe(listener);
	}
	async run(actor: Actor, command: Command, wallAt?: number): Promise<CommandResult> {
		const locked = this.lab.lockReason;
		if (locked) return { ok: false, error: { code: 'conflict', message: locked } };
		const now = wallAt ?? Date.now();
		const idleMin = Math.min(
			MAX_IDLE_ADVANCE_MIN,
			Math.floor((now - this.lab.attempt.lastActiveAt) / 60_000)
		);
		if (idleMin >= 1)
			await this.store.run({ role: 'system' }, { type: 'clock.advance', minutes: idleMin }, now);
		const result = await this.store.run(actor, command, now);
		await this.lab.touched(now);
		return result;
	}
}

export class LabState {
	readonly scenario: Scenario;
	readonly store: WorldStore;
	readonly desk: DeskState;
	attempt = $state() as AttemptRecord;
	/** Wall clock, refreshed every second while the page is open. */
	now = $state(Date.now());
	/** The session's times, read again only when the session changes (not on every tick). */
	#session = $derived(sessionContext($state.snapshot(this.attempt.session)));
	#grade = $derived.by(() =>
		grade(this.scenario, this.desk.world, this.desk.journal, {
			hintsUsed: this.attempt.mode === 'practice' ? this.attempt.hintsUsed : {},
			solutionsShown: this.attempt.mode === 'practice' ? this.attempt.solutionsShown : [],
			final: this.ended
		})
	);

	constructor(scenario: Scenario, attempt: AttemptRecord, store: WorldStore) {
		this.scenario = scenario;
		this.attempt = attempt;
		this.store = store;
		const personas = personasOf(scenario, store.world);
		this.desk = new DeskState(
			new LabBackend(store, this),
			personas,
			attempt.personaId ?? undefined,
			(id) => {
				this.attempt.personaId = id;
				void this.persist();
			}
		);
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

	/** Why the panels take no commands right now, or null. */
	get lockReason(): string | null {
		if (this.attempt.status === 'submitted')
			return 'This attempt has been submitted and can no longer be changed.';
		if (this.attempt.status === 'timedOut')
			return 'Time is up: this attempt can no longer be changed.';
		if (this.attempt.status === 'paused') return 'The lab is paused. Resume it to carry on.';
		return null;
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

	async useHint(stepId: string): Promise<void> {
		if (this.isAssessment || this.ended) return;
		const step = this.scenario.steps.find((s) => s.id === stepId);
		const shown = this.hintsShown(stepId);
		if (!step || shown >= (step.hints?.length ?? 0)) return;
		this.attempt.hintsUsed = { ...this.attempt.hintsUsed, [stepId]: shown + 1 };
		await this.persist();
	}

	async showSolution(stepId: string): Promise<void> {
		if (this.isAssessment || this.attempt.solutionsShown.includes(stepId)) return;
		this.attempt.solutionsShown = [...this.attempt.solutionsShown, stepId];
		await this.persist();
	}

	switchPersona(personaId: string): void {
		this.desk.switchTo(personaId);
	}

	async pause(): Promise<void> {
		await this.session({ type: 'session.pause', at: Date.now() });
	}

	async resume(): Promise<void> {
		await this.session({ type: 'session.resume', at: Date.now() });
		this.attempt.lastActiveAt = Date.now();
		await this.persist();
	}

	async submit(): Promise<void> {
		await this.session({ type: 'session.submit', at: Date.now() });
	}

	/** Called every second: ends an assessment whose time ran out. */
	async tick(now = Date.now()): Promise<void> {
		this.now = now;
		if (this.attempt.status !== 'inProgress' || this.attempt.timeLimitMs === null) return;
		if ((this.remainingMs ?? 1) <= 0) await this.session({ type: 'session.tick', at: now });
	}

	/** Integrity signal for assessments: the window lost focus (reported for a human to weigh). */
	async focusLost(): Promise<void> {
		if (!this.isAssessment || this.attempt.status !== 'inProgress') return;
		this.attempt.focusLosses += 1;
		await this.persist();
	}

	/** After each command: remember when the learner last acted, and the grade for the catalogue. */
	async touched(now: number): Promise<void> {
		this.attempt.lastActiveAt = now;
		await this.persist();
	}

	private async session(event: SessionEvent): Promise<void> {
		const next = advanceSession($state.snapshot(this.attempt.session), event);
		if (next.status === this.attempt.status && event.type !== 'session.tick') return;
		this.attempt.session = next.session;
		this.attempt.status = next.status;
		await this.persist();
	}

	private async persist(): Promise<void> {
		const g = this.#grade;
		this.attempt.score = g.score;
		this.attempt.maxScore = g.maxScore;
		this.attempt.passedSteps = g.steps.filter((s) => s.status === 'passed').length;
		this.attempt.updatedAt = Date.now();
		await saveAttempt(this.attempt);
	}
}
