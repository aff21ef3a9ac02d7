/**
 * Sends the outbox to the learning record store: batches of waiting
 * statements POSTed to `statements`, each marked sent only once the LRS has
 * acknowledged it (with the stored time read back), refused when the LRS
 * refuses it for good (400, a conflicting statement), and otherwise left
 * waiting with a backoff (offline, LRS down, wrong key or secret).
 *
 * It runs after statements are queued, when the browser comes back online,
 * on a timer, and on "Send now"; one sender at a time across tabs
 * (navigator.locks), one pass at a time within a tab.
 */
import type { OutboxRow } from '../db/attempts-db';
import { loadLrsConfig } from './config';
import { failureWords, lrsRequest, lrsWords, LrsUnreachable, type LrsAuth } from './http';
import { dueStatements, invalidWords, markFailed, markRefused, markSent } from './outbox';

/** Statements per POST. */
export const BATCH_SIZE = 25;
/** How often a tab looks for statements whose retry time has come. */
export const TIMER_MS = 15_000;
const LOCK = 'deskdrill-lrs-sender';

/** What one statement or batch came to; 'stop' ends the pass (the others would fail the same way). */
type Outcome = 'done' | 'stop';

/** The LRS's stored time for each id (read back one by one; a failed read falls back to now). */
async function storedTimes(auth: LrsAuth, ids: string[]): Promise<Record<string, string>> {
	const times: Record<string, string> = {};
	await Promise.all(
		ids.map(async (id) => {
			try {
				const answer = await lrsRequest(auth, `statements?statementId=${encodeURIComponent(id)}`);
				const stored = (answer.body as { stored?: unknown } | null)?.stored;
				if (answer.status === 200 && typeof stored === 'string') times[id] = stored;
			} catch {
				// Acknowledged already: the time is a nicety, the fallback will do.
			}
		})
	);
	return times;
}

/** The LRS holds a statement with this id: is it ours (same verb, object and registration)? */
async function alreadyThere(auth: LrsAuth, row: OutboxRow): Promise<string | null> {
	const answer = await lrsRequest(auth, `statements?statementId=${encodeURIComponent(row.id)}`);
	if (answer.status !== 200) return null;
	const there = answer.body as Record<string, { id?: string; registration?: string } | undefined>;
	const ours = row.statement as typeof there;
	const same =
		there['verb']?.id === ours['verb']?.id &&
		there['object']?.id === ours['object']?.id &&
		there['context']?.registration === ours['context']?.registration;
	const stored = (answer.body as { stored?: unknown }).stored;
	return same ? (typeof stored === 'string' ? stored : new Date().toISOString()) : null;
}

/** One statement alone (a batch was refused: find which, and why). */
async function sendOne(auth: LrsAuth, row: OutboxRow): Promise<Outcome> {
	const answer = await lrsRequest(auth, 'statements', { method: 'POST', body: [row.statement] });
	if (answer.status === 200 || answer.status === 204) {
		await markSent([row.id], await storedTimes(auth, [row.id]), new Date().toISOString());
		return 'done';
	}
	if (answer.status === 409) {
		// Some LRSs answer 409 even for the identical statement: if it is ours, it arrived.
		const stored = await alreadyThere(auth, row);
		if (stored) await markSent([row.id], { [row.id]: stored }, stored);
		else
			await markRefused(
				row.id,
				lrsWords(answer.body) ?? 'The LRS holds another statement with this id.'
			);
		return 'done';
	}
	if (answer.status === 400) {
		await markRefused(
			row.id,
			lrsWords(answer.body) ?? 'The LRS refused this statement (HTTP 400).'
		);
		return 'done';
	}
	await markFailed([row.id], failureWords(answer));
	return 'stop';
}

async function sendBatch(auth: LrsAuth, rows: OutboxRow[]): Promise<Outcome> {
	const ids = rows.map((r) => r.id);
	const answer = await lrsRequest(auth, 'statements', {
		method: 'POST',
		body: rows.map((r) => r.statement)
	});
	if (answer.status === 200 || answer.status === 204) {
		await markSent(ids, await storedTimes(auth, ids), new Date().toISOString());
		return 'done';
	}
	if (answer.status === 400 || answer.status === 409) {
		for (const row of rows) if ((await sendOne(auth, row)) === 'stop') return 'stop';
		return 'done';
	}
	await markFailed(ids, failureWords(answer));
	return 'stop';
}

/** One pass: batches until nothing is due, or until a failure that the rest would share. */
async function pass(force: boolean): Promise<void> {
	const config = await loadLrsConfig();
	if (!config) return;
	const { statementProblems } = await import('./validate');
	for (;;) {
		const due = await dueStatements(Date.now(), force);
		if (!due.length) return;
		const batch: OutboxRow[] = [];
		for (const row of due.slice(0, BATCH_SIZE)) {
			// Checked again before it leaves: a stored row may predate a fix, or be damaged.
			const problems = statementProblems(row.statement);
			if (problems.length) await markRefused(row.id, invalidWords(problems));
			else batch.push(row);
		}
		if (!batch.length) continue;
		try {
			if ((await sendBatch(config, batch)) === 'stop') return;
		} catch (error) {
			const message =
				error instanceof LrsUnreachable ? error.message : 'Sending to the LRS failed.';
			await markFailed(
				due.map((r) => r.id),
				message
			);
			return;
		}
	}
}

/** One sender across the tabs of this browser; a forced send waits for the lock, a routine one skips. */
async function withLock(force: boolean, run: () => Promise<void>): Promise<void> {
	const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
	if (!locks) return run();
	await locks.request(LOCK, { ifAvailable: !force }, async (lock) => {
		if (lock) await run();
	});
}

let running: Promise<void> | null = null;

/**
 * Send what is due now (with `force`, everything waiting, whatever its next
 * try time). Never throws: what went wrong is stored on the statements.
 */
export async function sendWaiting(force = false): Promise<void> {
	while (running) {
		await running;
		if (!force) return;
	}
	running = withLock(force, () => pass(force))
		.catch(() => {
			// Storage failed: the statements stay waiting for the next pass.
		})
		.finally(() => (running = null));
	await running;
}

/**
 * Start sending in this tab: now, on a timer, and at once when the browser
 * comes back online. Returns the stop function.
 */
export function startSender(): () => void {
	const routine = () => void sendWaiting();
	const online = () => void sendWaiting(true);
	window.addEventListener('online', online);
	const timer = setInterval(routine, TIMER_MS);
	routine();
	return () => {
		window.removeEventListener('online', online);
		clearInterval(timer);
	};
}
