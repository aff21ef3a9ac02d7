import 'fake-indexeddb/auto';
import Dexie, { type EntityTable } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';

interface Note {
	id: number;
	text: string;
}

const dbs: Dexie[] = [];

afterEach(async () => {
	for (const db of dbs.splice(0)) {
		db.close();
		await Dexie.delete(db.name);
	}
});

describe('toolchain sanity', () => {
	it('writes and reads a row through Dexie on fake-indexeddb', async () => {
		const db = new Dexie('sanity-db') as Dexie & { notes: EntityTable<Note, 'id'> };
		db.version(1).stores({ notes: '++id, text' });
		dbs.push(db);

		const id = await db.notes.add({ text: 'hello desk' });
		const row = await db.notes.get(id);

		expect(row).toEqual({ id, text: 'hello desk' });
		expect(await db.notes.where('text').equals('hello desk').count()).toBe(1);
	});
});
