/**
 * What the candidate's page knows and does: the link decoded from the hash
 * (or the taking resumed by ?id= when a lab leads back), the labs and where
 * the candidate is, starting the next lab, and at the end the result file
 * (and the score when the link allows), sent to the link's LRS if it names
 * one. Rules live in $lib/assessments.
 */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { download } from '$lib/components/download';
import { decodeLink, type CandidateLink } from '$lib/assessments/link';
import { sendResultToLrs } from '$lib/assessments/lrs-result';
import { buildResult, resultFileName, type ResultFile } from '$lib/assessments/result';
import {
	continueTake,
	loadProgress,
	takeFinished,
	takeLabs,
	type TakeLab
} from '$lib/assessments/take';

export class TakeState {
	link = $state.raw<CandidateLink | null>(null);
	token = '';
	problem = $state<string | null>(null);
	labs = $state.raw<TakeLab[]>([]);
	result = $state.raw<ResultFile | null>(null);
	lrsStatus = $state<{ ok: boolean; text: string } | null>(null);
	busy = $state(false);

	get finished(): boolean {
		return takeFinished(this.labs);
	}

	get started(): boolean {
		return this.labs.some((l) => l.attempt !== null);
	}

	/** Labs that cannot be taken here (missing, another version), in words. */
	get blocked(): string[] {
		return this.labs.flatMap((l) => (l.problem ? [l.problem] : []));
	}

	async open(hash: string, resumeId: string | null): Promise<void> {
		this.problem = null;
		try {
			let token = hash.replace(/^#/, '');
			if (!token && resumeId) token = (await loadProgress(resumeId))?.token ?? '';
			const decoded = decodeLink(token);
			if (!decoded.ok) {
				this.problem = decoded.message;
				return;
			}
			this.token = token;
			this.link = decoded.link;
			this.labs = await takeLabs(decoded.link);
			if (this.finished) await this.#finish();
		} catch {
			this.problem = 'The assessment could not be opened: this browser’s storage is not available.';
		}
	}

	/** Start (or go back into) the lab the candidate is at. */
	async next(): Promise<void> {
		if (!this.link) return;
		this.busy = true;
		try {
			const id = await continueTake(this.link, this.token);
			if (id) await goto(resolve('/lab/[id]', { id }));
			else await this.open(this.token, null);
		} catch (error) {
			this.problem = `The lab could not be started: ${error instanceof Error ? error.message : 'the browser storage refused it'}.`;
		} finally {
			this.busy = false;
		}
	}

	async #finish(): Promise<void> {
		if (!this.link) return;
		const attempts = this.labs.flatMap((l) => (l.attempt ? [l.attempt] : []));
		this.result = await buildResult(this.link, attempts);
		if (this.link.lrs) await this.sendToLrs();
	}

	async sendToLrs(): Promise<void> {
		if (!this.link?.lrs || !this.result) return;
		const failure = await sendResultToLrs(this.link.lrs, this.result);
		this.lrsStatus = failure
			? { ok: false, text: `${failure} Your result file below still holds everything.` }
			: {
					ok: true,
					text: 'Your results were also sent to the assessment’s Learning Record Store.'
				};
	}

	downloadResult(): void {
		if (this.result)
			download(
				resultFileName(this.result),
				'application/json',
				JSON.stringify(this.result, null, 2)
			);
	}

	/** The total score, when the link lets the candidate see it. */
	get total(): { score: number; maxScore: number; percent: number } | null {
		if (!this.result || !this.link?.assessment.showScore) return null;
		const score = this.result.labs.reduce((s, l) => s + l.stated.score, 0);
		const maxScore = this.result.labs.reduce((s, l) => s + l.stated.maxScore, 0);
		return { score, maxScore, percent: maxScore ? Math.round((score / maxScore) * 100) : 0 };
	}
}
