import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorldStore } from './world-store';
import {
	PersistenceError,
	WriteRefused,
	createWorldStore,
	deleteWorld,
	openWorldStore,
	worldExists
} from './world-store';
import {
	JANE,
	JOHN,
	KAREN,
	KEN,
	clone,
	dumpDb,
	freshId,
	openBco,
	seedWorld,
	shortLab,
	subjectOf
} from './test-helpers';

const open: WorldStore[] = [];
async function create(worldId: string) {
	const store = await createWorldStore(worldId, seedWorld());
	open.push(store);
	return store;
}
async function reopen(worldId: string) {
	const store = await openWorldStore(worldId);
	if (!store) throw new Error(`world ${worldId} not found`);
	open.push(store);
	return store;
}
afterEach(() => {
	for (const store of open.splice(0)) store.close();
	vi.restoreAllMocks();
});

describe('round trip', () => {
	it('loads back exactly the world and journal a lab left behind', async () => {
		const id = freshId('round');
		const store = await create(id);
		const ticketId = await shortLab(store);

		// The lab really happened, so the comparison below is not of empty worlds.
		const ticket = store.world.tickets[ticketId];
		expect(ticket?.priority).toBe('emergency');
		expect(ticket?.overdue).toBe(true);
		expect(store.world.events.some((e) => e.type === 'ticket.response')).toBe(true);
		expect(store.world.mails.length).toBeGreaterThan(0);
		expect(store.journal.map((e) => e.outcome)).toEqual(['ok', 'ok', 'ok', 'ok']);

		const loaded = await reopen(id);
		expect(loaded.world.tickets).toStrictEqual(store.world.tickets);
		expect(loaded.world.events).toStrictEqual(store.world.events);
		expect(loaded.world.mails).toStrictEqual(store.world.mails);
		expect(loaded.world.meta).toStrictEqual(store.world.meta);
		expect(loaded.world).toStrictEqual(store.world);
		expect(loaded.journal).toStrictEqual(store.journal);
	});

	it('keeps table insertion order and outbox order, which the domain reads', async () => {
		const id = freshId('order');
		const store = await create(id);
		// Enough tickets for mail ids past m9, where key order ("m10" < "m2") differs.
		for (let i = 0; i < 6; i++) await store.run(i % 2 ? KEN : KAREN, openBco);
		expect(store.world.mails.length).toBeGreaterThan(10);
		// The seed adds agents john, jane, admin, sam: not in key order.
		expect(Object.keys(store.world.agents)).toEqual(['john', 'jane', 'admin', 'sam']);

		const loaded = await reopen(id);
		for (const table of ['agents', 'departments', 'topics', 'tickets', 'users'] as const)
			expect(Object.keys(loaded.world[table])).toEqual(Object.keys(store.world[table]));
		expect(loaded.world.mails.map((m) => m.id)).toEqual(store.world.mails.map((m) => m.id));

		// And the reloaded store goes on exactly like the original.
		const twin = structuredClone(store.world);
		const next = await loaded.run(KEN, openBco);
		const { HelpDesk } = await import('../domain');
		const expected = new HelpDesk(twin).run(KEN, openBco);
		expect(next.ok && next.changes).toStrictEqual(expected.ok ? expected.changes : null);
		// The ticket list the queues read is primed by the load and kept by commits.
		const { allTickets } = await import('../domain');
		expect(allTickets(loaded.world)).toStrictEqual(Object.values(loaded.world.tickets));
		expect(allTickets(loaded.world)).toHaveLength(7);
	});

	it('returns null for a world that was never stored', async () => {
		expect(await openWorldStore(freshId('missing'))).toBeNull();
		expect(await worldExists(freshId('missing'))).toBe(false);
	});

	it('does not keep a reference to the world it was given', async () => {
		const world = seedWorld();
		const before = clone(world);
		const store = await createWorldStore(freshId('copy'), world);
		open.push(store);
		await store.run(KAREN, openBco);
		expect(world).toStrictEqual(before);
	});
});

describe('a refused command', () => {
	it('stores its journal entry and nothing else', async () => {
		const id = freshId('refused');
		const store = await create(id);
		const opened = await store.run(KAREN, openBco);
		const ticketId = subjectOf(opened);
		const moved = await store.run(JANE, { type: 'ticket.transfer', ticketId, deptId: 'sysadmins' });
		expect(moved.ok).toBe(true);

		const before = await dumpDb(id);
		const memory = clone(store.world);
		const refused = await store.run(JOHN, { type: 'ticket.view', ticketId });
		const after = await dumpDb(id);

		expect(refused.ok).toBe(false);
		expect(!refused.ok && refused.error.code).toBe('hidden');
		const { journal: journalBefore, ...systemBefore } = before;
		const { journal: journalAfter, ...systemAfter } = after;
		expect(Object.keys(systemAfter).sort()).toEqual([
			'agents',
			'canned',
			'departments',
			'events',
			'mails',
			'meta',
			'roles',
			'slas',
			'teams',
			'tickets',
			'topics',
			'users'
		]);
		expect(systemAfter).toStrictEqual(systemBefore);
		expect(journalAfter).toHaveLength((journalBefore?.length ?? 0) + 1);
		expect(journalAfter?.slice(0, -1)).toStrictEqual(journalBefore);
		expect(journalAfter?.at(-1)).toMatchObject({
			n: 3,
			outcome: 'refused',
			error: { code: 'hidden' },
			actor: JOHN,
			events: null
		});
		expect(store.world).toStrictEqual(memory);
		expect(store.journal.at(-1)).toStrictEqual(journalAfter?.at(-1));
	});
});

describe('a failing transaction', () => {
	it('writes nothing, changes nothing in memory, and says the action was not saved', async () => {
		const id = freshId('fail');
		const store = await create(id);
		const opened = await store.run(KAREN, openBco);
		const ticketId = subjectOf(opened);

		const before = await dumpDb(id);
		const memory = clone(store.world);
		const journal = structuredClone(store.journal);
		// The reply writes meta, an event and a mail before the ticket, so the
		// failure comes after other writes of the same transaction.
		const bulkPut = vi
			.spyOn(store.db.tickets, 'bulkPut')
			.mockRejectedValue(new DOMException('Quota exceeded (simulated)', 'QuotaExceededError'));
		const reply = { type: 'ticket.reply', ticketId, body: 'On it.' } as const;

		const error: unknown = await store.run(JANE, reply).catch((e: unknown) => e);
		expect(bulkPut).toHaveBeenCalled();
		expect(error).toBeInstanceOf(PersistenceError);
		expect((error as Error).message).toMatch(/not saved/);
		expect((error as Error).message).not.toMatch(/Quota|DOMException|at /);
		// Dexie wraps the DOMException in its own error of the same name.
		expect((error as PersistenceError).cause).toMatchObject({ name: 'QuotaExceededError' });
		expect(await dumpDb(id)).toStrictEqual(before);
		expect(store.world).toStrictEqual(memory);
		expect(store.journal).toStrictEqual(journal);

		// Storage back: the same command now goes through, numbered as if the failure never was.
		bulkPut.mockRestore();
		const retried = await store.run(JANE, reply);
		expect(retried.ok).toBe(true);
		expect(retried.entry.n).toBe(2);
		expect((await reopen(id)).world).toStrictEqual(store.world);
	});

	it('reports a closed database the same way', async () => {
		const id = freshId('closed');
		const store = await create(id);
		const before = await dumpDb(id);
		const memory = clone(store.world);
		store.db.close();
		await expect(store.run(KAREN, openBco)).rejects.toThrow(PersistenceError);
		expect(store.world).toStrictEqual(memory);
		expect(store.journal).toEqual([]);
		expect(await dumpDb(id)).toStrictEqual(before);
	});
});

describe('a write guard', () => {
	it('shows the command at once, and stores it only when the guard allows', async () => {
		const id = freshId('guard');
		const store = await create(id);
		const seen: number[] = [];
		store.subscribe(() => seen.push(store.journal.length));
		let release: (reason: string | null) => void = () => {};
		const asked = new Promise<string | null>((r) => (release = r));
		const running = store.run(KAREN, openBco, null, () => asked);
		// Memory (and so the screen) already has it while the guard is still deciding.
		await Promise.resolve();
		await Promise.resolve();
		expect(seen).toEqual([1]);
		release(null);
		const opened = await running;
		expect(opened.ok).toBe(true);
		expect((await reopen(id)).journal).toHaveLength(1);
	});

	it('refused: nothing stored, memory back as it was, the reason kept in words', async () => {
		const id = freshId('guard-refused');
		const store = await create(id);
		await store.run(KAREN, openBco);
		const before = await dumpDb(id);
		const memory = clone(store.world);
		const reason = 'This attempt was submitted in another tab.';
		const error: unknown = await store
			.run(KAREN, openBco, null, () => Promise.resolve(reason))
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(WriteRefused);
		expect((error as Error).message).toBe(reason);
		expect(await dumpDb(id)).toStrictEqual(before);
		expect(store.world).toStrictEqual(memory);
		expect(store.journal).toHaveLength(1);
	});
});

describe('concurrent runs', () => {
	it('are queued: each sees the world the previous one left', async () => {
		const id = freshId('queue');
		const store = await create(id);
		const results = await Promise.all([
			store.run(KAREN, openBco),
			store.run(KEN, openBco),
			store.run(KAREN, { ...openBco, subject: 'Still down' })
		]);
		expect(results.map((r) => r.entry.n)).toEqual([1, 2, 3]);
		expect(results.every((r) => r.ok)).toBe(true);
		const seqs = store.world.events.map((e) => e.seq);
		expect(seqs).toEqual(seqs.map((_, i) => i + 1 + (seqs[0] ?? 1) - 1));
		expect(new Set(Object.values(store.world.tickets).map((t) => t.number)).size).toBe(3);
		expect((await reopen(id)).world).toStrictEqual(store.world);
	});

	it('a failure does not block the commands queued behind it', async () => {
		const store = await create(freshId('queue-fail'));
		vi.spyOn(store.db.journal, 'add').mockRejectedValueOnce(new Error('boom'));
		const [first, second] = await Promise.allSettled([
			store.run(KAREN, openBco),
			store.run(KEN, openBco)
		]);
		expect(first.status).toBe('rejected');
		expect(second.status === 'fulfilled' && second.value.entry.n).toBe(1);
	});
});

describe('deleteWorld and worldExists', () => {
	it('removes a stored world', async () => {
		const id = freshId('delete');
		const store = await createWorldStore(id, seedWorld());
		store.close();
		expect(await worldExists(id)).toBe(true);
		await deleteWorld(id);
		expect(await worldExists(id)).toBe(false);
		expect(await openWorldStore(id)).toBeNull();
	});
});
