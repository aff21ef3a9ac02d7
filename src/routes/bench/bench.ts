/**
 * The in-page half of `npm run bench` (tests/bench/run.ts drives it): every
 * figure is taken here with performance.now(), and every floor is plain
 * IndexedDB measured in the same page, on the same records, in the same run,
 * so the runner can report ratios that survive a noisy machine.
 */
import {
	QUEUES,
	queueCounts,
	queueTickets,
	readWorld,
	TABLE_NAMES,
	type Id,
	type Row,
	type TableName,
	type World
} from '$lib/domain';
import { WorldDb, worldDbName, META_KEY } from '$lib/db/world-db';
import { createWorldStore, deleteWorld, openWorldStore } from '$lib/db/world-store';
import { grade } from '$lib/grading';
import { startAttempt, deleteAttempt } from '$lib/services/attempts';
import { updateAttempt } from '$lib/services/attempt-record';
import { bundledCatalogue } from '$lib/services/catalogue';
import { scenarioWorld } from '$lib/scenarios/world';
import type { Scenario } from '$lib/scenarios/types';
import { BENCH_AGENT, BENCH_SEARCH, benchWorld } from './generate';

const now = () => performance.now();

// ------------------------------------------------------------ raw IndexedDB

interface StoreSpec {
	name: string;
	keyPath: string | null;
	indexes: { name: string; keyPath: string | string[]; unique: boolean; multi: boolean }[];
}

/** The world database's object stores and indexes, read from the Dexie schema itself. */
function worldSchema(): StoreSpec[] {
	const db = new WorldDb('schema-probe');
	const specs = db.tables.map((table) => ({
		name: table.name,
		keyPath: (table.schema.primKey.keyPath as string | undefined) ?? null,
		indexes: table.schema.indexes.map((index) => ({
			name: index.name,
			keyPath: index.keyPath as string | string[],
			unique: !!index.unique,
			multi: !!index.multi
		}))
	}));
	db.close();
	return specs;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
	});
}

function done(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
		tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
	});
}

/** Open (creating if need be) a database with the world's schema. */
function rawOpen(name: string): Promise<IDBDatabase> {
	const schema = worldSchema();
	const req = indexedDB.open(name, 1);
	req.onupgradeneeded = () => {
		const db = req.result;
		for (const spec of schema) {
			const store = db.createObjectStore(
				spec.name,
				spec.keyPath === null ? undefined : { keyPath: spec.keyPath }
			);
			for (const index of spec.indexes)
				store.createIndex(index.name, index.keyPath, {
					unique: index.unique,
					multiEntry: index.multi
				});
		}
	};
	return request(req);
}

async function rawDelete(name: string): Promise<void> {
	await request(indexedDB.deleteDatabase(name) as IDBRequest<unknown>);
}

/** The rows the world store writes for `world` (as world-store.ts stores them), built before timing. */
function storedRows(world: World): { store: string; rows: unknown[] }[] {
	const out: { store: string; rows: unknown[] }[] = [];
	for (const table of TABLE_NAMES) {
		const rows = Object.values(world[table]) as Row<TableName>[];
		out.push({ store: table, rows: rows.map((row, i) => ({ ...row, _ord: i })) });
	}
	out.push({ store: 'events', rows: world.events });
	out.push({
		store: 'mails',
		rows: world.mails.map((m, i) => ({ ...m, _ord: i, toKind: m.to.kind, toId: m.to.id }))
	});
	return out;
}

/**
 * The floor of a world write: open a fresh database with the same schema and
 * put the same records in one read-write transaction, with nothing between.
 */
async function rawBulkWrite(name: string, world: World): Promise<number> {
	const batches = storedRows(world);
	const t0 = now();
	const db = await rawOpen(name);
	const tx = db.transaction(db.objectStoreNames, 'readwrite');
	tx.objectStore('meta').put(world.meta, META_KEY);
	for (const { store, rows } of batches) {
		const os = tx.objectStore(store);
		for (const row of rows) os.add(row);
	}
	await done(tx);
	const ms = now() - t0;
	db.close();
	await rawDelete(name);
	return ms;
}

/** The floor of one command: one read-write transaction putting one ticket-sized record. */
async function rawSingleTransactions(repeats: number): Promise<number[]> {
	const name = 'deskdrill-bench-raw-single';
	const db = await rawOpen(name);
	const ticket = Object.values(benchWorld(1).tickets)[0];
	if (!ticket) throw new Error('no ticket generated');
	const row = { ...ticket, _ord: 0 };
	const samples: number[] = [];
	for (let i = 0; i < repeats; i++) {
		const t0 = now();
		const tx = db.transaction('tickets', 'readwrite');
		tx.objectStore('tickets').put({ ...row, updatedAt: row.updatedAt + i });
		await done(tx);
		samples.push(now() - t0);
	}
	db.close();
	await rawDelete(name);
	return samples;
}

// -------------------------------------------------------------------- labs

function scenarios(): Scenario[] {
	return bundledCatalogue().labs.map((l) => l.scenario);
}

function scenario(id: string): Scenario {
	const found = scenarios().find((s) => s.id === id);
	if (!found) throw new Error(`No bundled lab "${id}".`);
	return found;
}

export interface LabStartSample {
	/** startAttempt: the world built in memory, written to its own database, the attempt recorded. */
	start: number;
	/** The world build alone, in memory (scenarioWorld). */
	build: number;
	/** Floor: the same world's records written with plain IndexedDB in one transaction. */
	raw: number;
}

async function labStart(id: string, repeats: number): Promise<LabStartSample[]> {
	const lab = scenario(id);
	const samples: LabStartSample[] = [];
	for (let i = 0; i < repeats; i++) {
		let t0 = now();
		const world = scenarioWorld(lab);
		const build = now() - t0;
		t0 = now();
		const record = await startAttempt(lab, { mode: 'practice' });
		const start = now() - t0;
		await deleteAttempt(record.id);
		const raw = await rawBulkWrite(`deskdrill-bench-raw-lab`, world);
		samples.push({ start, build, raw });
	}
	return samples;
}

// ------------------------------------------------------- learner action

export interface ActionSetup {
	attemptId: string;
	ticketNumber: string;
	stepTitle: string;
	agentName: string;
}

/**
 * The adobe-upgrade lab, with Ken's ticket already reported (step 1) through
 * the attempt's real WorldStore, so that John's "Set the SLA plan" step is
 * passed by exactly one action: Edit → SLA Plan SEV-C → Save.
 */
async function prepareAction(): Promise<ActionSetup> {
	const lab = scenario('adobe-upgrade');
	const record = await startAttempt(lab, { mode: 'practice' });
	const store = await openWorldStore(record.id);
	if (!store) throw new Error('The attempt world was not stored.');
	const opened = await store.run(
		{ role: 'end-user', id: 'ken' },
		{
			type: 'ticket.open',
			topicId: 'software',
			subject: 'Adobe Acrobat will not open after the upgrade',
			details: 'Acrobat crashes on start since last night.'
		},
		Date.now()
	);
	if (!opened.ok || !opened.subjectId) throw new Error('Ken could not open his ticket.');
	const ticket = store.world.tickets[opened.subjectId];
	store.close();
	// The learner would have switched to John for this step: start the page as him.
	await updateAttempt(record.id, { type: 'persona', personaId: 'john' });
	await updateAttempt(record.id, { type: 'active', at: Date.now() });
	const step = lab.steps.find((s) => s.id === 'sla');
	return {
		attemptId: record.id,
		ticketNumber: ticket?.number ?? '',
		stepTitle: step?.title ?? '',
		agentName: 'John Smith'
	};
}

export interface ActionPartsSample {
	/** WorldStore.run of the same edit: checked, stored in IndexedDB, applied in memory. */
	store: number;
	/** grade(): the whole checklist re-derived from the world and journal. */
	grade: number;
}

/** Where the action's time goes, without the UI: the same SLA edits through a WorldStore, then the grade. */
async function actionParts(repeats: number): Promise<ActionPartsSample[]> {
	const lab = scenario('adobe-upgrade');
	const setup = await prepareAction();
	const store = await openWorldStore(setup.attemptId);
	if (!store) throw new Error('The attempt world was not stored.');
	const ticketId = Object.keys(store.world.tickets)[0] ?? '';
	const john = { role: 'agent' as const, id: 'john' };
	const samples: ActionPartsSample[] = [];
	for (let i = 0; i < repeats * 2; i++) {
		const slaId = i % 2 ? 'sev-c' : 'sev-a';
		let t0 = now();
		await store.run(john, { type: 'ticket.edit', ticketId, changes: { slaId } }, Date.now());
		const stored = now() - t0;
		t0 = now();
		grade(lab, store.world, store.journal, { hintsUsed: {}, final: false });
		if (i % 2) samples.push({ store: stored, grade: now() - t0 });
	}
	store.close();
	await deleteAttempt(setup.attemptId);
	return samples;
}

// ------------------------------------------------------------------ scale

export interface ScaleSample {
	/** createWorldStore: the whole world into a fresh database. */
	worldWrite: number;
	/** Floor: the same records, plain IndexedDB, one transaction, fresh database. */
	rawWrite: number;
	/** openWorldStore: the whole world read back (what opening an attempt costs). */
	worldLoad: number;
	/** The Open queue's first page (100 rows, by last update) as the Agent Panel asks for it. */
	openPage: number;
	/** The queue counts of the side bar (every queue), computed with the first page. */
	counts: number;
	/** Another queue's first page (Unanswered). */
	switchQueue: number;
	/** The Open queue searched by a subject word. */
	search: number;
	/** Floor: the same first page read through the updatedAt index (cursor, newest first). */
	indexRead: number;
	/** Rows in the first page / matches, as a sanity check. */
	pageRows: number;
	searchTotal: number;
}

/** The Open queue's first page straight from IndexedDB: newest first through the updatedAt index. */
async function rawIndexRead(name: string, depts: Set<Id>, limit: number): Promise<number> {
	const db = await request(indexedDB.open(name));
	const t0 = now();
	const tx = db.transaction('tickets', 'readonly');
	const rows: unknown[] = [];
	await new Promise<void>((resolve, reject) => {
		const req = tx.objectStore('tickets').index('updatedAt').openCursor(null, 'prev');
		req.onerror = () => reject(req.error ?? new Error('cursor failed'));
		req.onsuccess = () => {
			const cursor = req.result;
			if (!cursor) return resolve();
			const row = cursor.value as { status: string; deptId: Id };
			if (row.status === 'open' && depts.has(row.deptId)) rows.push(row);
			if (rows.length >= limit) return resolve();
			cursor.continue();
		};
	});
	const ms = now() - t0;
	db.close();
	return ms;
}

async function scale(
	count: number,
	repeats: number
): Promise<{ generate: number; samples: ScaleSample[] }> {
	let t0 = now();
	const world = benchWorld(count);
	const generate = now() - t0;
	const agent = world.agents[BENCH_AGENT];
	const depts = new Set<Id>([agent?.deptId ?? '', ...(agent?.access ?? []).map((a) => a.deptId)]);
	const samples: ScaleSample[] = [];
	for (let i = 0; i < repeats; i++) {
		const id = `bench-${count}-${i}`;
		t0 = now();
		const written = await createWorldStore(id, world);
		const worldWrite = now() - t0;
		written.close();

		const rawWrite = await rawBulkWrite(`deskdrill-bench-raw-${count}`, world);

		t0 = now();
		const store = await openWorldStore(id);
		const worldLoad = now() - t0;
		if (!store) throw new Error('The benchmark world was not stored.');
		const reader = readWorld(store.world);

		t0 = now();
		const page = queueTickets(reader, BENCH_AGENT, 'open', { limit: 100 });
		const openPage = now() - t0;
		t0 = now();
		const allCounts = queueCounts(reader, BENCH_AGENT);
		const counts = now() - t0;
		t0 = now();
		queueTickets(reader, BENCH_AGENT, 'unanswered', { limit: 100 });
		const switchQueue = now() - t0;
		t0 = now();
		const found = queueTickets(reader, BENCH_AGENT, 'open', { search: BENCH_SEARCH, limit: 100 });
		const search = now() - t0;
		store.close();

		const indexRead = await rawIndexRead(worldDbName(id), depts, 100);
		await deleteWorld(id);
		if (QUEUES.length !== Object.keys(allCounts).length) throw new Error('queue counts incomplete');
		samples.push({
			worldWrite,
			rawWrite,
			worldLoad,
			openPage,
			counts,
			switchQueue,
			search,
			indexRead,
			pageRows: page.tickets.length,
			searchTotal: found.total
		});
	}
	return { generate, samples };
}

export interface DeskdrillBench {
	labs(): string[];
	labStart(id: string, repeats: number): Promise<LabStartSample[]>;
	singleTransactions(repeats: number): Promise<number[]>;
	prepareAction(): Promise<ActionSetup>;
	actionParts(repeats: number): Promise<ActionPartsSample[]>;
	scale(count: number, repeats: number): Promise<{ generate: number; samples: ScaleSample[] }>;
}

export const bench: DeskdrillBench = {
	labs: () => scenarios().map((s) => s.id),
	labStart,
	singleTransactions: rawSingleTransactions,
	prepareAction,
	actionParts,
	scale
};
