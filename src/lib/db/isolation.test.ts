import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createWorldStore, deleteWorld, openWorldStore, worldExists } from './world-store';
import { KAREN, dumpDb, freshId, openBco, seedWorld, shortLab } from './test-helpers';

describe('isolated worlds', () => {
	it('a command, a reset and a delete in one world never touch another', async () => {
		const a = freshId('iso-a');
		const b = freshId('iso-b');
		const storeA = await createWorldStore(a, seedWorld());
		const storeB = await createWorldStore(b, seedWorld());
		await storeB.run(KAREN, openBco);
		const dumpB = await dumpDb(b);
		const worldB = structuredClone(storeB.world);
		storeB.close();

		await shortLab(storeA);
		expect(await dumpDb(b)).toStrictEqual(dumpB);

		// A reset of A (a new attempt under the same id) replaces A only.
		storeA.close();
		const resetA = await createWorldStore(a, seedWorld());
		expect(resetA.journal).toEqual([]);
		expect((await dumpDb(a))['journal']).toEqual([]);
		expect(await dumpDb(b)).toStrictEqual(dumpB);
		resetA.close();

		await deleteWorld(a);
		expect(await worldExists(a)).toBe(false);
		expect(await worldExists(b)).toBe(true);
		expect(await dumpDb(b)).toStrictEqual(dumpB);
		const reopened = await openWorldStore(b);
		expect(reopened?.world).toStrictEqual(worldB);
		expect(reopened?.journal).toHaveLength(1);
		reopened?.close();
	});
});
