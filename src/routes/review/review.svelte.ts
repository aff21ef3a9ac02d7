/**
 * What the Review results page knows and does: result files read (several at
 * once), each re-graded (rules in $lib/assessments/verify.ts and review.ts),
 * the comparison and its CSV, and opening a result's replay.
 */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { download } from '$lib/components/download';
import { openAsAttempt, reviewCsv, reviewFile, type ReviewRow } from '$lib/assessments/review';
import { parseResult, ResultError } from '$lib/assessments/verify';
import type { LabReview } from '$lib/assessments/verify';

export class ReviewState {
	rows = $state.raw<ReviewRow[]>([]);
	errors = $state.raw<string[]>([]);
	problem = $state<string | null>(null);

	async add(file: File): Promise<void> {
		try {
			const result = parseResult(await file.text(), file.name);
			const rows = await reviewFile(result);
			// A file read again replaces its earlier rows.
			const key = (r: ReviewRow) => `${r.candidate}|${r.review.lab.attempt.id}`;
			const fresh = rows.map(key);
			this.rows = [...this.rows.filter((r) => !fresh.includes(key(r))), ...rows];
		} catch (error) {
			const text =
				error instanceof ResultError
					? error.message
					: `${file.name} could not be re-graded: ${error instanceof Error ? error.message : 'it is damaged'}.`;
			this.errors = [...this.errors, text];
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
