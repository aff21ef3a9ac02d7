import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { WorldChange, WorldStore } from './world-store';
import { createWorldStore, deleteWorld, openWorldStore } from './world-store';
import { JANE, KAREN, KEN, freshId, openBco, seedWorld, subjectOf } from './test-helpers';

/** Resolves with the next change `store` reports that matches `cause`. */
function next(store: WorldStore, cause: WorldChange['cause']): Promise<WorldChange> {
	return new Promise((resolve) => {
		const stop = store.subscribe((change) => {
			if (change.cause !== cause) return;
			stop();
			resolve(change);
		});
	});
}

async function pair(worldId: string): Promise<[WorldStore, WorldStore]> {
	const a = await createWorldStore(worldId, seedWorld());
	const b = await openWorldStore(worldId);
	if (!b) throw new Error('second store did not open');
	return [a, b];
}

describe('change notification', () => {
	it('tells local subscribers about each command, until they unsubscribe', async () => {
		const store = await createWorldStore(freshId('sub'), seedWorld());
		const seen: WorldChange[] = [];
		const stop = store.subscribe((change) => seen.push(change));
		const first = await store.run(KAREN, openBco);
		const refused = await store.run(KAREN, { type: 'ticket.view', ticketId: 'nope' });
		stop();
		await store.run(KEN, openBco);
		expect(seen).toStrictEqual([
			{ cause: 'run', entry: first.entry },
			{ cause: 'run', entry: refused.entry }
		]);
		store.close();
	});

	it('makes a command in one tab visible in another', async () => {
		const [a, b] = await pair(freshId('tabs'));
		const reloaded = next(b, 'reload');
		const opened = await a.run(KAREN, openBco);
		await reloaded;
		expect(b.world.tickets[subjectOf(opened)]).toBeDefined();
		expect(b.world).toStrictEqual(a.world);
		expect(b.journal).toStrictEqual(a.journal);
		a.close();
		b.close();
	});

	it('judges a command again when another tab stored one first', async () => {
		const [a, b] = await pair(freshId('race'));
		// b has not heard of a's command yet when it runs its own.
		const fromA = await a.run(KAREN, openBco);
		const fromB = await b.run(JANE, {
			type: 'ticket.reply',
			ticketId: subjectOf(fromA),
			body: 'Seen it.'
		});
		// Judged on the world that includes a's ticket: accepted, numbered after it.
		expect(fromB.ok).toBe(true);
		expect(fromB.entry.n).toBe(2);
		const fresh = await openWorldStore(a.worldId);
		expect(fresh?.journal.map((e) => [e.n, e.actor])).toEqual([
			[1, KAREN],
			[2, JANE]
		]);
		expect(fresh?.world).toStrictEqual(b.world);
		fresh?.close();
		a.close();
		b.close();
	});

	it('closes other tabs’ stores when their world is deleted', async () => {
		const [a, b] = await pair(freshId('gone'));
		const deleted = next(b, 'deleted');
		a.close();
		await deleteWorld(a.worldId);
		await deleted;
		expect(b.isClosed).toBe(true);
		await expect(b.run(KAREN, openBco)).rejects.toThrow(/not saved/);
	});
});
