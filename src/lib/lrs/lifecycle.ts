/**
 * When an attempt's statements are queued for the LRS. With "Send results
 * automatically" on (and an LRS set up): launched and each step passed as the
 * lab goes, and the rest when it ends (submitted or timed out). Otherwise
 * nothing, until the learner presses "Send now" on the report. Queuing is
 * idempotent (the ids are deterministic), so calling these again is harmless.
 * Nothing here throws into the lab: a failure to queue is reported, never
 * blocks a command.
 */
import type { AttemptRecord } from '../db/attempts-db';
import type { Report } from '../services/report';
import { loadLrsConfig, type LrsConfig } from './config';
import { dueNow, enqueue, learnerOf } from './outbox';
import { sendWaiting } from './sender';
import { attemptFacts, attemptStatements, progressStatements, type StepResult } from './statements';

/** Why queuing failed, in one sentence: storage, or (a bug) what else went wrong. */
function queueFailure(error: unknown): string {
	console.error(error);
	const name = (error as { name?: string } | null)?.name ?? '';
	if (/Quota|Database|Transaction|Abort|Dexie|Open/.test(name))
		return 'Your results could not be queued for the learning record store (the browser storage failed).';
	return `Your results could not be queued for the learning record store: ${(error as Error).message ?? String(error)}`;
}

async function automatic(): Promise<LrsConfig | null> {
	const config = await loadLrsConfig();
	return config?.autoSend ? config : null;
}

/**
 * The lab moved on (the page opened, a command ran): queue launched and the
 * steps passed so far, then send. Returns a sentence when queuing failed.
 */
export async function queueProgress(
	attempt: AttemptRecord,
	startedAt: number | null,
	steps: StepResult[],
	now = Date.now()
): Promise<string | null> {
	try {
		const config = await automatic();
		if (!config) return null;
		const facts = attemptFacts(attempt, startedAt);
		if (await enqueue(attempt.id, progressStatements(facts, learnerOf(config), steps, now), now))
			void sendWaiting();
		return null;
	} catch (error) {
		return queueFailure(error);
	}
}

/** The attempt has ended: queue everything not queued yet (the other steps, the verdict, completed). */
export async function queueEnded(attempt: AttemptRecord, report: Report): Promise<string | null> {
	if (!report.ended) return null;
	try {
		const config = await automatic();
		if (!config) return null;
		const statements = attemptStatements(
			attemptFacts(attempt, report.startedAt),
			learnerOf(config),
			report
		);
		if (await enqueue(attempt.id, statements)) void sendWaiting();
		return null;
	} catch (error) {
		return queueFailure(error);
	}
}

/**
 * "Send now": queue the attempt's statements as its report stands (a refused
 * one rebuilt), and send everything waiting at once. Returns why it cannot,
 * in words, or null.
 */
export async function sendAttemptNow(
	attempt: AttemptRecord,
	report: Report
): Promise<string | null> {
	const config = await loadLrsConfig();
	if (!config)
		return 'No learning record store is set up: add one in Settings → Learning Record Store.';
	try {
		const statements = attemptStatements(
			attemptFacts(attempt, report.startedAt),
			learnerOf(config),
			report
		);
		await enqueue(attempt.id, statements, Date.now(), true);
		await dueNow(attempt.id);
	} catch (error) {
		return `${queueFailure(error)} Nothing was sent.`;
	}
	await sendWaiting(true);
	return null;
}
