import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../../tests/fixtures/scenarios';
import { deleteAttempt, getAttempt, startAttempt } from '../services/attempts';
import { openWorldStore } from '../db/world-store';
import type { JournalEntry } from '../domain';
import { restoreSuspended } from './launch';
import { decodeSuspend, encodeSuspend, SUSPEND_LIMIT } from './suspend';

/** 96 random hex digits: text deflate cannot shrink much. */
const noise = () =>
	Array.from(crypto.getRandomValues(new Uint8Array(48)), (b) =>
		b.toString(16).padStart(2, '0')
	).join('');

/** A started banking-outage attempt with `replies` commands in its journal. */
async function attemptWith(replies: number) {
	const record = await startAttempt(loadLab('banking-outage'), { mode: 'practice' }, 1000);
	const store = await openWorldStore(record.id);
	if (!store) throw new Error('no world');
	const opened = await store.run(
		{ role: 'end-user', id: 'karen' },
		{
			type: 'ticket.open',
			subject: 'Banking is down',
			details: 'Nobody can log in.',
			topicId: 'bco'
		},
		2000
	);
	const ticketId = opened.ok ? (opened.subjectId ?? '') : '';
	for (let i = 0; i < replies; i++)
		await store.run(
			{ role: 'agent', id: 'john' },
			// Words that do not repeat, so the journal does not compress to nothing.
			{
				type: 'ticket.reply',
				ticketId,
				body: `Update ${i}: ${noise()}`
			},
			3000 + i
		);
	const world = JSON.stringify(store.world);
	const journal = store.journal;
	store.close();
	return { record, journal, world };
}

describe('suspend_data', () => {
	it('packs the record and the whole journal, and unpacks them', async () => {
		const { record, journal } = await attemptWith(3);
		const packed = encodeSuspend(record, journal, SUSPEND_LIMIT['1.2']);
		expect(packed).not.toBeNull();
		expect(packed?.kept).toBe(journal.length);
		expect(packed?.data.length).toBeLessThanOrEqual(4096);
		expect(packed?.data).toMatch(/^dd1:[A-Za-z0-9+/=]+$/);
		const back = decodeSuspend(packed?.data ?? '');
		expect(back?.record).toEqual(record);
		expect(back?.journal).toEqual(journal);
		expect(back?.total).toBe(journal.length);
	});

	it('keeps the longest prefix of the journal that fits the limit', async () => {
		const { record, journal } = await attemptWith(60);
		const packed = encodeSuspend(record, journal, SUSPEND_LIMIT['1.2']);
		expect(packed).not.toBeNull();
		const { data, kept, total } = packed!;
		expect(total).toBe(61);
		expect(kept).toBeGreaterThan(0);
		expect(kept).toBeLessThan(total);
		expect(data.length).toBeLessThanOrEqual(4096);
		// One more entry would not have fitted.
		expect(encodeSuspend(record, journal.slice(0, kept + 1), 4096)?.kept).toBe(kept);
		const back = decodeSuspend(data);
		expect(back?.journal).toEqual(journal.slice(0, kept));
		expect(back?.total).toBe(total);
		// SCORM 2004's 64,000 characters hold it all.
		expect(encodeSuspend(record, journal, SUSPEND_LIMIT['2004'])?.kept).toBe(total);
	});

	it('gives up (null) when not even the record fits', async () => {
		const { record, journal } = await attemptWith(0);
		expect(encodeSuspend(record, journal, 40)).toBeNull();
	});

	it('reads nothing from empty, foreign or damaged values', () => {
		expect(decodeSuspend('')).toBeNull();
		expect(decodeSuspend('viewed=1,2,3|lastviewedslide=3')).toBeNull();
		expect(decodeSuspend('dd1:not base64 at all!')).toBeNull();
		expect(decodeSuspend('dd1:AAAA')).toBeNull();
	});
});

describe('resuming from suspend_data', () => {
	it('rebuilds an attempt this browser does not hold, exactly', async () => {
		const { record, journal, world } = await attemptWith(2);
		const state = decodeSuspend(encodeSuspend(record, journal, 64000)!.data)!;
		await deleteAttempt(record.id);
		expect(await restoreSuspended(state)).toBe(record.id);
		expect(await getAttempt(record.id)).toEqual(record);
		const store = await openWorldStore(record.id);
		expect(JSON.stringify(store?.world)).toBe(world);
		expect(store?.journal).toEqual(journal);
		store?.close();
	});

	it('keeps what this browser holds when it has more than suspend_data', async () => {
		const { record, journal } = await attemptWith(2);
		const short: JournalEntry[] = journal.slice(0, 1);
		expect(await restoreSuspended({ record, journal: short, total: journal.length })).toBe(
			record.id
		);
		const store = await openWorldStore(record.id);
		expect(store?.journal).toHaveLength(journal.length);
		store?.close();
	});

	it('marks a cut-short journal as restored, and refuses a lab that is not here', async () => {
		const { record, journal } = await attemptWith(3);
		await deleteAttempt(record.id);
		await restoreSuspended({ record, journal: journal.slice(0, 2), total: journal.length }, 5000);
		expect((await getAttempt(record.id))?.restoredAt).toBe(5000);
		const store = await openWorldStore(record.id);
		expect(store?.journal).toHaveLength(2);
		store?.close();
		const elsewhere = { ...record, id: 'other', scenarioId: 'no-such-lab' };
		expect(
			await restoreSuspended({ record: elsewhere, journal, total: journal.length })
		).toBeNull();
	});
});
