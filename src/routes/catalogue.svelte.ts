/**
 * The catalogue page's state: the labs (bundled and imported), the learner's
 * progress in each, the skill filter, and starting a lab in practice or
 * assessment mode. The page only shows it.
 */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { listAttempts, startAttempt, AttemptError } from '$lib/services/attempts';
import { probeIndexedDb, requestPersistence } from '$lib/services/storage';
import {
	bundledCatalogue,
	fullCatalogue,
	groupLabs,
	progressByScenario,
	type Catalogue,
	type LabProgress
} from '$lib/services/catalogue';
import type { Scenario } from '$lib/scenarios/types';
import { ExportPackState } from './export-pack.svelte';

/** What a lab's card says about the learner's work in it. */
export type LabStatus =
	| { kind: 'new' }
	| { kind: 'in-progress'; attemptId: string; passed: number; total: number; best: number | null }
	| { kind: 'done'; best: number; attempts: number };

export function labStatus(p: LabProgress | undefined): LabStatus {
	const best = p && p.best !== null && p.maxScore ? Math.round((p.best / p.maxScore) * 100) : null;
	if (p?.inProgress)
		return {
			kind: 'in-progress',
			attemptId: p.inProgress.id,
			passed: p.inProgress.passedSteps,
			total: p.inProgress.totalSteps,
			best
		};
	if (p && best !== null) return { kind: 'done', best, attempts: p.attempts };
	return { kind: 'new' };
}

export class CataloguePage {
	// Raw: scenarios feed the engine, which clones them; deep proxies cannot be cloned.
	catalogue = $state.raw<Catalogue | null>(null);
	progress = $state.raw<ReadonlyMap<string, LabProgress>>(progressByScenario([]));
	loadError = $state<string | null>(null);
	skill = $state('');
	assessing = $state.raw<Scenario | null>(null);
	candidate = $state('');
	minutes = $state(30);
	startError = $state<string | null>(null);
	starting = $state(false);
	/** No working storage here: the labs are listed, but none can start (AppStatus says why). */
	noStorage = $state(false);

	readonly skills = $derived(
		(this.catalogue?.labs ?? [])
			.flatMap((l) => l.scenario.skills)
			.filter((s, i, all) => all.indexOf(s) === i)
			.sort()
	);
	readonly shown = $derived(
		(this.catalogue?.labs ?? []).filter(
			(l) => !this.skill || l.scenario.skills.includes(this.skill)
		)
	);
	/** The labs shown, by where they came from: Deskdrill's, each pack's, single imported files. */
	readonly groups = $derived(groupLabs(this.shown));
	/** Every lab on offer, for the "Export labs as a pack" dialog. */
	readonly all = $derived((this.catalogue?.labs ?? []).map((l) => l.scenario));
	readonly exporting = new ExportPackState();

	async load() {
		if (await probeIndexedDb()) {
			this.noStorage = true;
			this.catalogue = bundledCatalogue();
			return;
		}
		try {
			this.catalogue = await fullCatalogue();
			this.progress = progressByScenario(await listAttempts());
		} catch {
			this.loadError =
				'Your saved attempts and imported labs could not be read, so only the labs that come with Deskdrill are listed.';
			this.catalogue = bundledCatalogue();
		}
	}

	status(scenarioId: string): LabStatus {
		return labStatus(this.progress.get(scenarioId));
	}

	async start(scenario: Scenario, mode: 'practice' | 'assessment') {
		this.startError = null;
		this.starting = true;
		try {
			const attempt = await startAttempt(
				scenario,
				mode === 'assessment'
					? { mode, candidate: this.candidate, minutes: this.minutes }
					: { mode }
			);
			// Ask once there is work to keep: the browser may then never evict the labs (see Settings).
			void requestPersistence();
			await goto(resolve('/lab/[id]', { id: attempt.id }));
		} catch (error) {
			this.startError =
				error instanceof AttemptError
					? error.message
					: `The lab could not start: ${error instanceof Error ? error.message : String(error)}`;
		} finally {
			this.starting = false;
		}
	}

	openAssessment(scenario: Scenario) {
		this.assessing = scenario;
		this.minutes = scenario.minutes;
		this.startError = null;
	}
}
