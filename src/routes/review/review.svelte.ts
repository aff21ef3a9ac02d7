/**
 * What the Review results page knows and does: result files read (several at
 * once) or pulled from the learning record store, each re-graded (rules in $lib/assessments/verify.ts and review.ts),
 * the comparison and its CSV, and opening a result's replay.
 */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { download } from '$lib/components/download';
import { openAsAttempt, reviewCsv, reviewFile, type ReviewRow } from '$lib/assessments/review';
import { parseResult, ResultError } from '$lib/assessments/verify';
import { pullResults } from '$lib/assessments/pull';
import { count } from '$lib/components/labels';
import { loadLrsConfig } from '$lib/lrs/config';
import { fullCatalogue } from '$lib/services/catalogue';
import type { LabReview } from '$lib/assessments/verify';

export class ReviewState {
	rows = $state.raw<ReviewRow[]>([]);
	errors = $state.raw<string[]>([]);
	problem = $state<string | null>(null);

	/** What the last pull from the LRS found, in one sentence. */
	pulled = $state<string | null>(null);
	pulling = $state(false);

	async add(file: File): Promise<void> {
		await this.#review(await file.text(), file.name);
	}

	/** Re-grade a result (a file's text, or one carried by an LRS statement) and show it. */
	async #review(text: string, name: string): Promise<void> {
		try {
			const result = parseResult(text, name);
			const rows = await reviewFile(result);
			// A result read again replaces its earlier rows.
			const key = (r: ReviewRow) => `${r.candidate}|${r.review.lab.attempt.id}`;
			const fresh = rows.map(key);
			this.rows = [...this.rows.filter((r) => !fresh.includes(key(r))), ...rows];
		} catch (error) {
			const text =
				error instanceof ResultError
					? error.message
					: `${name} could not be re-graded: ${error instanceof Error ? error.message : 'it is damaged'}.`;
			this.errors = [...this.errors, text];
		}
	}

	/** Pull the results candidates' links sent to the LRS set up in Settings, and re-grade each. */
	async pullFromLrs(): Promise<void> {
		this.pulling = true;
		this.pulled = null;
		try {
			const config = await loadLrsConfig();
			if (!config) {
				this.errors = [
					...this.errors,
					'No learning record store is set up in this browser (Settings → Learning Record Store), so there is nothing to pull.'
				];
				return;
			}
			const labs = (await fullCatalogue()).labs.map((l) => ({
				id: l.scenario.id,
				title: l.scenario.title
			}));
			const { results, problems } = await pullResults(config, labs);
			for (const result of results)
				await this.#review(JSON.stringify(result), `a result from the LRS (${result.candidate})`);
			this.errors = [...this.errors, ...problems];
			this.pulled =
				results.length === 0
					? `The LRS at ${config.endpoint} holds no assessment results yet.`
					: `${count(results.length, 'result')} pulled from the LRS at ${config.endpoint} and re-graded here.`;
		} finally {
			this.pulling = false;
		}
	}

	clear(): void {
		this.rows = [];
		this.errors = [];
	}

	exportCsv(): void {
		download('deskdrill-review.csv', 'text/csv', reviewCsv(this.rows));
	}

	async replay(review: LabReview): Promise<void> {
		try {
			const id = await openAsAttempt(review);
			await goto(resolve('/report/[id]', { id }));
		} catch (error) {
			this.problem = `The replay could not be opened: ${error instanceof Error ? error.message : 'the browser storage refused it'}`;
		}
	}
}
