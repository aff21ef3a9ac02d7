/**
 * The outbox's states in a (fake) IndexedDB: queued statements wait, a second
 * queuing keeps one row, an invalid statement is refused with the validator's
 * words and never due, failures back off up to a cap, and the report's
 * summary says sent, waiting or refused.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Statement } from '@xapi/xapi';
import { workspaceDb } from '../db/attempts-db';
import {
	attemptRows,
	backoff,
	dueNow,
	dueStatements,
	enqueue,
	FIRST_RETRY_MS,
	markFailed,
	markRefused,
	markSent,
	MAX_RETRY_MS,
	sendingState
} from './outbox';
import { launchedStatement, statementId, type AttemptFacts } from './statements';

const facts: AttemptFacts = {
	attemptId: 'attempt-1',
	scenarioId: 'banking-outage',
	scenarioTitle: 'Banking outage',
	mode: 'practice',
	labVersion: 'v1',
	startedAt: 1000
};
const learner = { name: 'Rae', email: 'rae@example.org' };
const launched = () => launchedStatement(facts, learner);
const other = (attemptId: string): Statement => launchedStatement({ ...facts, attemptId }, learner);

beforeEach(async () => {
	await workspaceDb().outbox.clear();
});

describe('LRS outbox', () => {
	it('queues a statement once, waiting and due at once', async () => {
		expect(await enqueue('attempt-1', [launched()], 5000)).toBe(1);
		expect(await enqueue('attempt-1', [launched()], 6000)).toBe(0);
		const rows = await attemptRows('attempt-1');
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			id: statementId('attempt-1', 'launched'),
			state: 'waiting',
			tries: 0,
			queuedAt: 5000
		});
		expect((await dueStatements(5000)).map((r) => r.id)).toEqual([rows[0]?.id]);
	});

	it('refuses an invalid statement with the validator’s words, and never offers it for sending', async () => {
		const broken = { ...launched(), actor: { objectType: 'Agent', mbox: 'rae@example.org' } };
		await enqueue('attempt-1', [broken as Statement]);
		const [row] = await attemptRows('attempt-1');
		expect(row?.state).toBe('refused');
		expect(row?.message).toContain("Expected 'statement.actor.mbox' to be Mailto");
		expect(await dueStatements(Date.now(), true)).toEqual([]);
		expect(sendingState(await attemptRows('attempt-1'))).toMatchObject({ state: 'refused' });
	});

	it('a failure keeps it waiting, with the reason and a doubling wait up to a cap', async () => {
		await enqueue('attempt-1', [launched()], 0);
		const id = statementId('attempt-1', 'launched');
		await markFailed([id], 'The LRS could not be reached.', 10_000);
		let [row] = await attemptRows('attempt-1');
		expect(row).toMatchObject({ state: 'waiting', tries: 1, nextTryAt: 10_000 + FIRST_RETRY_MS });
		expect(await dueStatements(10_001)).toEqual([]);
		expect(await dueStatements(10_001, true)).toHaveLength(1);
		await markFailed([id], 'still down', 20_000);
		[row] = await attemptRows('attempt-1');
		expect(row?.nextTryAt).toBe(20_000 + 2 * FIRST_RETRY_MS);
		expect(backoff(30)).toBe(MAX_RETRY_MS);
		expect(sendingState([row!])).toEqual({
			state: 'waiting',
			count: 1,
			nextTryAt: 20_000 + 2 * FIRST_RETRY_MS,
			message: 'still down'
		});
		await dueNow('attempt-1', 21_000);
		expect(await dueStatements(21_000)).toHaveLength(1);
		// A saved configuration (a fixed secret) makes everything waiting due at once.
		await markFailed([id], 'The LRS refused the key or secret (HTTP 401).', 30_000);
		expect(await dueStatements(30_001)).toEqual([]);
		await dueNow(null, 30_001);
		expect(await dueStatements(30_001)).toHaveLength(1);
	});

	it('sent is final: later failures and re-queuing leave it alone', async () => {
		await enqueue('attempt-1', [launched()], 0);
		const id = statementId('attempt-1', 'launched');
		await markSent([id], { [id]: '2026-03-02T09:00:00.000Z' }, 'fallback');
		await markFailed([id], 'late failure');
		await enqueue('attempt-1', [launched()], 50, true);
		const [row] = await attemptRows('attempt-1');
		expect(row).toMatchObject({ state: 'sent', stored: '2026-03-02T09:00:00.000Z', tries: 0 });
		expect(sendingState([row!])).toEqual({
			state: 'sent',
			count: 1,
			stored: '2026-03-02T09:00:00.000Z'
		});
	});

	it('a refused statement waits again only when queued with retry ("Send now")', async () => {
		await enqueue('attempt-1', [launched()], 0);
		const id = statementId('attempt-1', 'launched');
		await markRefused(id, 'Problem in statements.0');
		await enqueue('attempt-1', [launched()], 10);
		expect((await attemptRows('attempt-1'))[0]?.state).toBe('refused');
		await enqueue('attempt-1', [launched()], 20, true);
		expect((await attemptRows('attempt-1'))[0]).toMatchObject({ state: 'waiting', message: null });
	});

	it('keeps attempts apart and sends the oldest first', async () => {
		await enqueue('attempt-2', [other('attempt-2')], 200);
		await enqueue('attempt-1', [launched()], 100);
		expect((await dueStatements(1000)).map((r) => r.attemptId)).toEqual(['attempt-1', 'attempt-2']);
		expect(await attemptRows('attempt-2')).toHaveLength(1);
		expect(sendingState([])).toEqual({ state: 'none' });
	});
});
