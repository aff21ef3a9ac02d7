/**
 * The outbox: xAPI statements waiting in IndexedDB until the learning record
 * store acknowledges them, so nothing is lost when the LRS is down, the
 * network drops or the tab closes mid-send. A statement is waiting until the
 * LRS says it has it (sent, with its stored time) or refuses it for good
 * (refused, with its words). There is no "sending" state: a send cut short
 * leaves it waiting, and sending the same id again is harmless.
 */
import type { Statement } from '@xapi/xapi';
import { liveQuery } from 'dexie';
import { workspaceDb, type OutboxRow } from '../db/attempts-db';
import type { LrsConfig } from './config';
import type { Learner } from './statements';

/** Why a statement was never sent: Deskdrill built it wrong (the validator's findings). */
export function invalidWords(problems: string[]): string {
	return `Deskdrill built a statement that is not valid xAPI, so it was not sent: ${problems.join('; ')}.`;
}

/** The first retry waits this long; each failure doubles it, up to the cap. */
export const FIRST_RETRY_MS = 5_000;
export const MAX_RETRY_MS = 10 * 60_000;

/** How long to wait before the next try after `tries` failed ones. */
export function backoff(tries: number): number {
	return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, tries - 1));
}

/** The actor of the statements this browser sends. */
export function learnerOf(config: Pick<LrsConfig, 'learnerName' | 'learnerEmail'>): Learner {
	return { name: config.learnerName, email: config.learnerEmail.trim() || null };
}

/**
 * Queue statements. Each is validated first: an invalid one (a bug) is stored
 * as refused with the validator's words and never sent. A statement already
 * in the outbox keeps its row (the first version of an id is the one the LRS
 * gets); with `retry`, a refused one is queued again as now built. Returns
 * how many were added.
 */
export async function enqueue(
	attemptId: string,
	statements: Statement[],
	now = Date.now(),
	retry = false
): Promise<number> {
	// The validator (and lodash under it) loads on first use, not with every page; and before the
	// transaction, which an import awaited inside would end.
	const { statementProblems } = await import('./validate');
	const db = workspaceDb();
	return db.transaction('rw', db.outbox, async () => {
		const existing = await db.outbox.bulkGet(statements.map((s) => s.id ?? ''));
		const rows: OutboxRow[] = [];
		statements.forEach((statement, i) => {
			const old = existing[i];
			if (old && !(retry && old.state === 'refused')) return;
			const problems = statementProblems(statement);
			rows.push({
				id: statement.id as string,
				attemptId,
				statement: JSON.parse(JSON.stringify(statement)) as Record<string, unknown>,
				state: problems.length ? 'refused' : 'waiting',
				queuedAt: now + i / 1000,
				tries: 0,
				nextTryAt: now,
				stored: null,
				message: problems.length ? invalidWords(problems) : null
			});
		});
		await db.outbox.bulkPut(rows);
		return rows.length;
	});
}

/** Waiting statements whose time has come (all waiting ones with `force`), oldest first. */
export async function dueStatements(now = Date.now(), force = false): Promise<OutboxRow[]> {
	const waiting = await workspaceDb().outbox.where('state').equals('waiting').toArray();
	return waiting
		.filter((row) => force || row.nextTryAt <= now)
		.sort((a, b) => a.queuedAt - b.queuedAt);
}

/** The LRS acknowledged these: sent, with the stored time it gave each (or `fallback`). */
export async function markSent(
	ids: string[],
	stored: Record<string, string>,
	fallback: string
): Promise<void> {
	await workspaceDb()
		.outbox.where('id')
		.anyOf(ids)
		.modify((row) => {
			row.state = 'sent';
			row.stored = stored[row.id] ?? row.stored ?? fallback;
			row.message = null;
		});
}

/** The LRS refused this statement for good; its words are kept for the report. */
export async function markRefused(id: string, message: string): Promise<void> {
	await workspaceDb().outbox.update(id, { state: 'refused', message });
}

/** Not acknowledged this time: still waiting, with why, and the next try further off. */
export async function markFailed(ids: string[], message: string, now = Date.now()): Promise<void> {
	await workspaceDb()
		.outbox.where('id')
		.anyOf(ids)
		.modify((row) => {
			if (row.state !== 'waiting') return;
			row.tries += 1;
			row.nextTryAt = now + backoff(row.tries);
			row.message = message;
		});
}

/** "Send now": everything waiting for this attempt (or for every attempt) may go at once. */
export async function dueNow(attemptId: string | null, now = Date.now()): Promise<void> {
	const outbox = workspaceDb().outbox;
	await (
		attemptId === null
			? outbox.where('state').equals('waiting')
			: outbox.where('attemptId').equals(attemptId)
	).modify((row) => {
		if (row.state === 'waiting') row.nextTryAt = now;
	});
}

export async function attemptRows(attemptId: string): Promise<OutboxRow[]> {
	return workspaceDb().outbox.where('attemptId').equals(attemptId).toArray();
}

/** Follow one attempt's statements as any tab's sender changes them. Returns the unsubscribe. */
export function watchOutbox(attemptId: string, onChange: (rows: OutboxRow[]) => void): () => void {
	const subscription = liveQuery(() => attemptRows(attemptId)).subscribe({
		next: onChange,
		error: () => {
			// Unreadable storage: the page keeps what it last showed.
		}
	});
	return () => subscription.unsubscribe();
}

/** One attempt's sending state, as the report shows it. */
export type SendingState =
	| { state: 'none' }
	| { state: 'sent'; count: number; stored: string | null }
	| { state: 'waiting'; count: number; nextTryAt: number; message: string | null }
	| { state: 'refused'; count: number; messages: string[] };

/** Refused wins (someone must look), then waiting, then sent. */
export function sendingState(rows: OutboxRow[]): SendingState {
	const refused = rows.filter((r) => r.state === 'refused');
	if (refused.length)
		return {
			state: 'refused',
			count: refused.length,
			messages: [...new Set(refused.map((r) => r.message ?? 'The LRS refused it.'))]
		};
	const waiting = rows.filter((r) => r.state === 'waiting');
	if (waiting.length)
		return {
			state: 'waiting',
			count: waiting.length,
			nextTryAt: Math.min(...waiting.map((r) => r.nextTryAt)),
			message: waiting.find((r) => r.message)?.message ?? null
		};
	if (rows.length) {
		const times = rows.map((r) => r.stored ?? '').sort();
		return { state: 'sent', count: rows.length, stored: times.at(-1) || null };
	}
	return { state: 'none' };
}
