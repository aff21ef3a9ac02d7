/**
 * Backup of the whole workspace in one file: every attempt (its record, its
 * help desk and its journal) and every imported scenario. Restoring checks the
 * whole file before writing anything, and undoes what it wrote if storing
 * fails part-way, so a damaged or foreign file changes nothing.
 */
import { createWorldStore, deleteWorld, openWorldStore } from '../db/world-store';
import { workspaceDb, type AttemptRecord, type ImportedScenario } from '../db/attempts-db';
import { TABLE_NAMES, type JournalEntry, type World } from '../domain';

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
		checkWorld(a['world'], `${where} (${String(r['scenarioTitle'] ?? r['scenarioId'])})`);
		if (!Array.isArray(a['journal'])) throw new BackupError(`${where}: the journal is missing.`);
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

/** Restore a backup: attempts with the same id are replaced. Returns what was restored. */
export async function restoreWorkspace(
	backup: Backup
): Promise<{ attempts: number; scenarios: number }> {
	checkBackup(backup);
	const db = workspaceDb();
	const written: string[] = [];
	const previous = new Map<string, { world: World; journal: JournalEntry[] }>();
	try {
		for (const a of backup.attempts) {
			const old = await openWorldStore(a.record.id);
			if (old) {
				previous.set(a.record.id, { world: old.world, journal: old.journal });
				old.close();
			}
			const store = await createWorldStore(a.record.id, a.world, a.journal);
			store.close();
			written.push(a.record.id);
		}
		await db.transaction('rw', db.attempts, db.scenarios, async () => {
			await db.attempts.bulkPut(backup.attempts.map((a) => a.record));
			await db.scenarios.bulkPut(backup.scenarios);
		});
	} catch (error) {
		// Put back what was there: nothing of a failed restore may remain.
		for (const id of written) {
			const before = previous.get(id);
			if (before) (await createWorldStore(id, before.world, before.journal)).close();
			else await deleteWorld(id);
		}
		throw new BackupError(
			`The backup could not be stored (${error instanceof Error ? error.message : String(error)}); nothing was changed.`
		);
	}
	return { attempts: backup.attempts.length, scenarios: backup.scenarios.length };
}
