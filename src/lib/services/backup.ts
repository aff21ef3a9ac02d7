/**
 * Backup of the whole workspace in one file: every attempt (its record, its
 * help desk and its journal) and every imported scenario. Restoring checks the
 * whole file before writing anything (every lab through the loader, every help
 * desk's references), asks before an older copy would replace newer work
 * here, marks what it restores as restored, and undoes what it wrote if
 * storing fails part-way, so a damaged or foreign file changes nothing.
 */
import { createWorldStore, deleteWorld, openWorldStore } from '../db/world-store';
import { workspaceDb, type AttemptRecord, type ImportedScenario } from '../db/attempts-db';
import { TABLE_NAMES, worldProblems, type JournalEntry, type World } from '../domain';

export const BACKUP_FORMAT = 'deskdrill-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
	format: typeof BACKUP_FORMAT;
	version: number;
	exportedAt: string;
	attempts: { record: AttemptRecord; world: World; journal: JournalEntry[] }[];
	scenarios: ImportedScenario[];
}

export async function exportWorkspace(now = new Date()): Promise<Backup> {
	const db = workspaceDb();
	const records = await db.attempts.toArray();
	const attempts: Backup['attempts'] = [];
	for (const record of records) {
		const store = await openWorldStore(record.id);
		if (!store) continue; // an attempt whose world was lost cannot be restored either
		attempts.push({ record, world: store.world, journal: store.journal });
		store.close();
	}
	return {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exportedAt: now.toISOString(),
		attempts,
		scenarios: await db.scenarios.toArray()
	};
}

export class BackupError extends Error {
	override name = 'BackupError';
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

function checkWorld(world: unknown, where: string): asserts world is World {
	if (!isObject(world) || !isObject(world['meta']) || typeof world['meta']['clock'] !== 'number')
		throw new BackupError(`${where}: the help desk is missing or damaged (no clock).`);
	for (const table of TABLE_NAMES)
		if (!isObject(world[table]))
			throw new BackupError(`${where}: the help desk has no “${table}” table.`);
	if (!Array.isArray(world['events']) || !Array.isArray(world['mails']))
		throw new BackupError(`${where}: the help desk's event log or outbox is missing.`);
}

/** Check a parsed backup file; throws BackupError saying what is wrong and where. */
export function checkBackup(data: unknown): Backup {
	if (!isObject(data) || data['format'] !== BACKUP_FORMAT)
		throw new BackupError('This is not a Deskdrill backup file.');
	if (data['version'] !== BACKUP_VERSION)
		throw new BackupError(
			`This backup has format version ${String(data['version'])}; this Deskdrill reads version ${BACKUP_VERSION}.`
		);
	if (!Array.isArray(data['attempts']) || !Array.isArray(data['scenarios']))
		throw new BackupError('The backup is damaged: its attempts or scenarios list is missing.');
	data['attempts'].forEach((a: unknown, i) => {
		const where = `Attempt ${i + 1}`;
		if (!isObject(a) || !isObject(a['record']))
			throw new BackupError(`${where}: the attempt record is missing.`);
		const r = a['record'];
		for (const key of ['id', 'scenarioId', 'mode', 'status'] as const)
			if (typeof r[key] !== 'string' || !r[key])
				throw new BackupError(`${where}: the record has no “${key}”.`);
		const named = `${where} (${String(r['scenarioTitle'] ?? r['scenarioId'])})`;
		checkWorld(a['world'], named);
		const broken = worldProblems(a['world']);
		if (broken.length) throw new BackupError(`${named}: ${broken[0]}`);
		if (!Array.isArray(a['journal'])) throw new BackupError(`${where}: the journal is missing.`);
		a['journal'].forEach((entry: unknown, j) => {
			if (
				!isObject(entry) ||
				typeof entry['n'] !== 'number' ||
				!isObject(entry['actor']) ||
				!isObject(entry['command']) ||
				typeof entry['command']['type'] !== 'string'
			)
				throw new BackupError(`${named}: action ${j + 1} of its journal is damaged.`);
		});
	});
	data['scenarios'].forEach((s: unknown, i) => {
		if (
			!isObject(s) ||
			typeof s['id'] !== 'string' ||
			typeof s['text'] !== 'string' ||
			typeof s['fileName'] !== 'string'
		)
			throw new BackupError(`Imported scenario ${i + 1} is damaged.`);
	});
	return data as unknown as Backup;
}

/** Parse a backup file's text; throws BackupError in plain words. */
export function parseBackup(text: string): Backup {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new BackupError(
			'This file is not a Deskdrill backup: it is not valid JSON (damaged, or another kind of file).'
		);
	}
	return checkBackup(data);
}

/** An attempt here that has more (or later) work than the backup's copy of it. */
export interface RestoreConflict {
	id: string;
	title: string;
	here: { updatedAt: number; actions: number };
	file: { updatedAt: number; actions: number };
}

/** What a restore will do, once checked: the labs it stores and the attempts that need a choice. */
export interface RestorePlan {
	backup: Backup;
	scenarios: ImportedScenario[];
	conflicts: RestoreConflict[];
}

/** For an attempt newer here than in the file: keep both (the file's as a copy), replace it, or leave it. */
export type ConflictChoice = 'copy' | 'replace' | 'skip';

/**
 * Check everything a restore would write: every imported lab goes through the
 * loader (and is stored under its own id, once), and every attempt that
 * already exists here is compared with the file's.
 */
export async function planRestore(backup: Backup): Promise<RestorePlan> {
	checkBackup(backup);
	const { loadScenario } = await import('../scenarios/load');
	const byId = new Map<string, ImportedScenario>();
	backup.scenarios.forEach((row, i) => {
		const result = loadScenario(row.text, row.fileName);
		if (!result.ok) {
			const first = result.problems[0];
			throw new BackupError(
				`Imported lab ${i + 1} (${row.fileName}) does not load${first ? `: line ${first.line}, ${first.message}` : ''}; nothing was restored.`
			);
		}
		byId.set(result.scenario.id, { ...row, id: result.scenario.id });
	});
	const conflicts: RestoreConflict[] = [];
	for (const a of backup.attempts) {
		const here = await workspaceDb().attempts.get(a.record.id);
		if (!here) continue;
		const store = await openWorldStore(here.id);
		const actions = store?.journal.length ?? 0;
		store?.close();
		if (actions > a.journal.length || here.updatedAt > a.record.updatedAt)
			conflicts.push({
				id: here.id,
				title: here.scenarioTitle,
				here: { updatedAt: here.updatedAt, actions },
				file: { updatedAt: a.record.updatedAt, actions: a.journal.length }
			});
	}
	return { backup, scenarios: [...byId.values()], conflicts };
}

function freshId(): string {
	return typeof crypto !== 'undefined' && 'randomUUID' in crypto
		? crypto.randomUUID()
		: `a${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Restore a checked plan. An attempt newer here than in the file follows
 * `choice` (by default the file's copy is added beside it); every restored
 * record says it was restored. Returns what was restored.
 */
export async function restoreWorkspace(
	plan: RestorePlan,
	choice: ConflictChoice = 'copy',
	now = Date.now()
): Promise<{ attempts: number; scenarios: number; copies: number }> {
	const db = workspaceDb();
	const newer = new Set(plan.conflicts.map((c) => c.id));
	const writes: { record: AttemptRecord; world: World; journal: JournalEntry[] }[] = [];
	let copies = 0;
	for (const a of plan.backup.attempts) {
		const record = { ...a.record, restoredAt: now };
		if (newer.has(a.record.id)) {
			if (choice === 'skip') continue;
			if (choice === 'copy') {
				copies++;
				writes.push({
					record: {
						...record,
						id: freshId(),
						// Its journal was sealed as the original attempt's.
						bindingId: record.bindingId ?? record.id,
						scenarioTitle: `${record.scenarioTitle} (restored copy)`
					},
					world: a.world,
					journal: a.journal
				});
				continue;
			}
		}
		writes.push({ record, world: a.world, journal: a.journal });
	}
	const written: string[] = [];
	const previous = new Map<string, { world: World; journal: JournalEntry[] }>();
	try {
		for (const w of writes) {
			const old = await openWorldStore(w.record.id);
			if (old) {
				previous.set(w.record.id, { world: old.world, journal: old.journal });
				old.close();
			}
			const store = await createWorldStore(w.record.id, w.world, w.journal);
			store.close();
			written.push(w.record.id);
		}
		await db.transaction('rw', db.attempts, db.scenarios, async () => {
			await db.attempts.bulkPut(writes.map((w) => w.record));
			await db.scenarios.bulkPut(plan.scenarios);
		});
	} catch {
		// Put back what was there: nothing of a failed restore may remain.
		for (const id of written) {
			const before = previous.get(id);
			if (before) (await createWorldStore(id, before.world, before.journal)).close();
			else await deleteWorld(id);
		}
		throw new BackupError(
			'The backup could not be stored (the browser storage refused it), so nothing was changed.'
		);
	}
	return { attempts: writes.length, scenarios: plan.scenarios.length, copies };
}
