/**
 * What the Assessments page knows and does: the labs to choose from, the
 * new-assessment form, saving it (one link per candidate), copying a link,
 * the links as CSV, and the assessments created in this browser. The rules
 * are in $lib/assessments/assessment.ts; this only holds the page's state.
 */
import { resolve } from '$app/paths';
import { download } from '$lib/components/download';
import {
	AssessmentError,
	candidateUrl,
	createAssessment,
	linksCsv,
	listAssessments,
	saveAssessment,
	type Assessment,
	type AssessmentCandidate
} from '$lib/assessments/assessment';
import { loadLrsConfig, type LrsConfig } from '$lib/lrs/config';
import { fullCatalogue } from '$lib/services/catalogue';
import type { Scenario } from '$lib/scenarios/types';

export class AssessmentsState {
	labs = $state.raw<Scenario[]>([]);
	chosen = $state<string[]>([]);
	title = $state('');
	minutes = $state(20);
	passMark = $state(70);
	showScore = $state(false);
	candidates = $state('');
	sendToLrs = $state(false);
	lrs = $state.raw<LrsConfig | null>(null);
	error = $state<string | null>(null);
	status = $state<string | null>(null);
	busy = $state(false);
	/** The assessment just created (its links are shown first). */
	created = $state.raw<Assessment | null>(null);
	earlier = $state.raw<Assessment[]>([]);

	async load(): Promise<void> {
		try {
			this.labs = (await fullCatalogue()).labs.map((l) => l.scenario);
			this.lrs = await loadLrsConfig();
			this.earlier = await listAssessments();
		} catch {
			this.error = 'The labs and assessments could not be read from this browser’s storage.';
		}
	}

	/** The address candidate links start with: this app's /take page. */
	get takeUrl(): string {
		return `${location.origin}${resolve('/take')}`;
	}

	url(candidate: AssessmentCandidate): string {
		return candidateUrl(this.takeUrl, candidate);
	}

	async create(): Promise<void> {
		this.error = null;
		this.status = null;
		this.busy = true;
		try {
			const lrs = this.sendToLrs && this.lrs ? this.lrs : null;
			const assessment = await createAssessment({
				title: this.title,
				labs: this.labs.filter((l) => this.chosen.includes(l.id)),
				minutes: Number(this.minutes),
				passMark: Number(this.passMark),
				showScore: this.showScore,
				candidates: this.candidates,
				lrs: lrs ? { endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret } : null
			});
			await saveAssessment(assessment);
			this.created = assessment;
			this.earlier = await listAssessments();
			this.status = `Saved “${assessment.title}”: ${assessment.candidates.length === 1 ? 'one link' : `${assessment.candidates.length} links`} below.`;
		} catch (error) {
			this.error =
				error instanceof AssessmentError
					? error.message
					: 'The assessment could not be saved: the browser storage refused it.';
		} finally {
			this.busy = false;
		}
	}

	async copy(candidate: AssessmentCandidate): Promise<void> {
		try {
			await navigator.clipboard.writeText(this.url(candidate));
			this.status = `Link for ${candidate.candidate} copied.`;
		} catch {
			this.status = `The browser did not allow copying: select the link for ${candidate.candidate} and copy it by hand.`;
		}
	}

	downloadCsv(assessment: Assessment): void {
		const name = assessment.title
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '');
		download(
			`deskdrill-links-${name || 'assessment'}.csv`,
			'text/csv',
			linksCsv(assessment, this.takeUrl)
		);
	}
}
