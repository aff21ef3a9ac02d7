/**
 * The Author page's live preview: the lab from the editor's text, running
 * on an in-memory help desk (nothing is stored; no attempt is created), with
 * its live grade. Rebuilt on demand: fresh, or with the journal replayed on
 * the new world ("Keep my progress", authoring/keep-progress.ts).
 */
import { HelpDesk, type JournalEntry } from '$lib/domain';
import { grade, type Grade } from '$lib/grading';
import type { Scenario } from '$lib/scenarios/types';
import { scenarioWorld } from '$lib/scenarios/world';
import { keepProgress, keptMessage } from '$lib/authoring/keep-progress';
import { DeskState, MemoryBackend } from '$lib/state/desk.svelte';
import { personasOf } from '$lib/state/lab.svelte';

export class Preview {
	readonly scenario: Scenario;
	readonly backend: MemoryBackend;
	readonly desk: DeskState;
	/** What the rebuild did, in one sentence (how many commands were kept). */
	readonly message: string | null;
	#grade = $derived.by((): Grade => grade(this.scenario, this.desk.world, this.desk.journal));

	private constructor(scenario: Scenario, desk: HelpDesk, message: string | null) {
		this.scenario = scenario;
		this.backend = new MemoryBackend(desk.world, desk.journal);
		this.desk = new DeskState(this.backend, personasOf(scenario, desk.world));
		this.message = message;
	}

	/** A fresh start. Throws ScenarioWorldError when the world cannot be built. */
	static fresh(scenario: Scenario): Preview {
		return new Preview(scenario, new HelpDesk(scenarioWorld(scenario)), null);
	}

	/** The new lab, with what was done so far replayed where it still applies. */
	static keeping(scenario: Scenario, journal: JournalEntry[], personaId?: string): Preview {
		const kept = keepProgress(scenarioWorld(scenario), journal);
		const preview = new Preview(scenario, kept.desk, keptMessage(kept));
		if (personaId) preview.desk.switchTo(personaId);
		return preview;
	}

	get grade(): Grade {
		return this.#grade;
	}

	get journal(): JournalEntry[] {
		return this.desk.journal;
	}

	/** The lab's clock buttons: the system moves the clock, as in a lab. */
	async advance(minutes: number): Promise<void> {
		await this.desk.runAs({ role: 'system' }, { type: 'clock.advance', minutes });
	}
}
