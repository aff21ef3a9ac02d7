/**
 * A world kept in IndexedDB and in memory at once: the persistent help desk.
 * The rule that makes it safe: IndexedDB first, memory second. A command's
 * whole change set and its journal entry are written in one transaction, and
 * only once that transaction has committed does the in-memory world change.
 * So memory never shows something that a reload would lose, and a failed write
 * leaves both exactly as they were.
 */
import { Dexie } from 'dexie';
import {
	TABLE_NAMES,
	applyChanges,
	undoChanges,
	execute,
	journalEntry,
	sealEntry,
	primeTicketRows,
	type Actor,
	type ChangeSet,
	type Command,
	type CommandResult,
	type Id,
	type JournalEntry,
	type Mail,
	type Row,
	type TableName,
	type Ticket,
	type World
} from '../domain';
import { META_KEY, WorldDb, worldDbName, type EntityRow, type MailRow } from './world-db';

/**
 * Storage refused or lost something (quota, a closed or blocked database, a
 * browser bug). The message is meant for the trainee as is; the underlying
 * error is kept in `cause` for developers.
 */
export class PersistenceError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'PersistenceError';
	}
}

const NOT_SAVED =
	'Your last action was not saved because the browser storage refused it, so nothing changed; try again.';

/** What changed, for subscribers. */
export type WorldChange =
	/** This store ran a command (accepted or refused); `entry` is its journal row. */
	| { cause: 'run'; entry: JournalEntry }
	/** The world was reloaded from IndexedDB (another tab changed or reset it). */
	| { cause: 'reload' }
	/** Another tab deleted this world; the store is closed. */
	| { cause: 'deleted' };

export type Listener = (change: WorldChange) => void;

export type RunResult = CommandResult & { entry: JournalEntry };

/**
 * Asked after a command shows on screen and before it is stored: a reason to
 * refuse it (memory goes back as it was), or null to store it. The screen need
 * not wait for this check; the write does.
 */
export type WriteGuard = () => Promise<string | null>;

/** A command the write guard refused: nothing was stored and memory is as before. */
export class WriteRefused extends Error {
	override name = 'WriteRefused';
}

/** What one tab tells the others through the world's BroadcastChannel. */
type Broadcast = { kind: 'changed' | 'deleted'; worldId: string };

/** Thrown inside a write transaction when IndexedDB is ahead of this tab's memory. */
class StaleWorld extends Error {}

interface Loaded {
	world: World;
	journal: JournalEntry[];
}

export class WorldStore {
	private queue: Promise<unknown> = Promise.resolve();
	private readonly listeners = new Set<Listener>();
	private readonly channel: BroadcastChannel | null;
	private closed = false;
	/** Position of every row in its in-memory table; see Stored in world-db.ts. */
	private ord = new Map<TableName, Map<Id, number>>();

	/** Use createWorldStore or openWorldStore. */
	constructor(
		readonly worldId: string,
		readonly db: WorldDb,
		private loaded: Loaded
	) {
		this.indexOrder();
		const Channel = globalThis.BroadcastChannel;
		this.channel = Channel ? new Channel(worldDbName(worldId)) : null;
		if (this.channel) this.channel.onmessage = (event: MessageEvent) => this.onBroadcast(event);
	}

	/** The attempt's binding (id, variant seed, candidate): new journal entries are sealed with it. */
	private binding: string | null = null;

	/** Seal every entry recorded from now on with `binding` (sealEntry). */
	sealWith(binding: string): void {
		this.binding = binding;
	}

	/** The world as last committed. Replaced (not mutated) by reload, so read it fresh. */
	get world(): World {
		return this.loaded.world;
	}

	get journal(): JournalEntry[] {
		return this.loaded.journal;
	}

	/**
	 * Run a command as `actor` and record it. Resolves once it is stored and
	 * applied; rejects with PersistenceError (and changes nothing) if storing
	 * failed. Calls are queued, so two commands never interleave.
	 */
	run(
		actor: Actor,
		command: Command,
		wallAt: number | null = null,
		guard?: WriteGuard
	): Promise<RunResult> {
		return this.enqueue(() => this.runNow(actor, command, wallAt, guard));
	}

	/** Load the world again from IndexedDB (after another tab changed it). */
	reload(): Promise<void> {
		return this.enqueue(async () => {
			await this.reloadNow();
			this.notify({ cause: 'reload' });
		});
	}

	/** Call `listener` after each committed command or reload; returns the unsubscribe. */
	subscribe(listener: Listener): () => void {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	}

	/** Stop listening to other tabs and close the database connection. */
	close(): void {
		this.closed = true;
		this.channel?.close();
		this.db.close();
	}

	get isClosed(): boolean {
		return this.closed;
	}

	// ------------------------------------------------------------- internals

	private enqueue<T>(task: () => Promise<T>): Promise<T> {
		const next = this.queue.then(task);
		// The queue carries on after a failure; the caller still sees it.
		this.queue = next.catch(() => undefined);
		return next;
	}

	private async runNow(
		actor: Actor,
		command: Command,
		wallAt: number | null,
		guard?: WriteGuard
	): Promise<RunResult> {
		if (this.closed)
			throw new PersistenceError(
				'Your last action was not saved because this lab attempt is closed.'
			);
		// At most one retry: the first attempt may find another tab's command
		// already stored, in which case the command is judged again on the
		// fresh world rather than overwriting what that tab wrote.
		for (let attempt = 0; ; attempt++) {
			const result = execute(this.world, actor, command);
			const entry = journalEntry(
				this.journal.length + 1,
				this.world,
				actor,
				command,
				result,
				wallAt
			);
			if (this.binding !== null)
				entry.seal = sealEntry(this.journal.at(-1)?.seal ?? null, this.binding, entry);
			// What the stored world must still be for this write to follow it.
			const expected = {
				journal: this.journal.length,
				seq: this.world.meta.seq,
				mails: this.world.mails.length
			};
			// The rows are stamped before memory moves on (new rows take the next places).
			const stamped = result.ok ? this.stampAll(result.changes) : null;
			// Memory (and so the screen) follows at once; `run` resolves only once
			// the write is stored, and a write that fails puts memory back as it
			// was stored, so nothing shows as saved that is not.
			const undo = result.ok ? applyChanges(this.world, result.changes) : null;
			if (result.ok) this.stampNewRows(result.changes);
			this.journal.push(entry);
			this.notify({ cause: 'run', entry });
			try {
				const refusal = guard ? await guard() : null;
				if (refusal !== null) throw new WriteRefused(refusal);
				await this.write(result, entry, expected, stamped);
			} catch (error) {
				// Take the command back in memory: storage may be gone, so not by reloading.
				if (undo) undoChanges(this.world, undo);
				this.journal.pop();
				this.indexOrder();
				if (error instanceof StaleWorld && attempt === 0) {
					await this.reloadNow();
					this.notify({ cause: 'reload' });
					continue;
				}
				this.notify({ cause: 'reload' });
				if (error instanceof WriteRefused) throw error;
				throw new PersistenceError(NOT_SAVED, { cause: error });
			}
			this.broadcast('changed');
			return { ...result, entry };
		}
	}

	/**
	 * Invariant: a command's journal entry and everything it changed are stored
	 * together or not at all. A refused command stores its journal entry only.
	 */
	private async write(
		result: CommandResult,
		entry: JournalEntry,
		expected: { journal: number; seq: number; mails: number },
		stamped: Partial<Record<TableName, EntityRow<TableName>[]>> | null
	): Promise<void> {
		const db = this.db;
		const changes = result.ok ? result.changes : null;
		const tables = changes ? TABLE_NAMES.filter((t) => changes.puts[t]?.length) : [];
		// Only the stores this command writes: a transaction over every store
		// costs more to schedule and commit (see `npm run bench`).
		const scope = [
			db.journal,
			db.meta,
			...(changes?.events.length ? [db.events] : []),
			...(changes?.mails.length ? [db.mails] : []),
			...tables.map((t) => db.entities(t))
		];
		await db.transaction('rw', scope, async () => {
			// Every command stores one journal entry, so the stored journal's
			// length says whether another tab got here first.
			const [stored, meta] = await Promise.all([db.journal.count(), db.meta.get(META_KEY)]);
			if (stored !== expected.journal || meta?.seq !== expected.seq) throw new StaleWorld();
			// Issued together, not one after another: IndexedDB runs the
			// requests of a transaction in order anyway, and one failing
			// aborts them all. Waiting for each would cost a round trip each.
			const writes: Promise<unknown>[] = [];
			if (changes) {
				writes.push(db.meta.put(changes.meta, META_KEY));
				// add, not put: an event or mail is never rewritten.
				if (changes.events.length) writes.push(db.events.bulkAdd(changes.events));
				if (changes.mails.length)
					writes.push(db.mails.bulkAdd(mailRows(changes.mails, expected.mails)));
				for (const table of tables) writes.push(db.entities(table).bulkPut(stamped?.[table] ?? []));
			}
			writes.push(db.journal.add(entry));
			await Promise.all(writes);
		});
	}

	private async reloadNow(): Promise<void> {
		const loaded = await load(this.db);
		if (!loaded)
			throw new PersistenceError('This lab attempt is no longer stored in this browser.');
		this.loaded = loaded;
		this.indexOrder();
	}

	/** Rows with their stored position: kept for known rows, next free for new ones. */
	private stamp<T extends TableName>(table: T, rows: Row<T>[]): EntityRow<T>[] {
		const known = this.ord.get(table) ?? new Map<Id, number>();
		let next = known.size;
		return rows.map((row) => ({ ...row, _ord: known.get(row.id) ?? next++ }));
	}

	private stampAll(changes: ChangeSet): Partial<Record<TableName, EntityRow<TableName>[]>> {
		const out: Partial<Record<TableName, EntityRow<TableName>[]>> = {};
		for (const table of TABLE_NAMES) {
			const rows = changes.puts[table];
			if (rows?.length) out[table] = this.stamp(table, rows) as EntityRow<TableName>[];
		}
		return out;
	}

	/** After a commit: new rows take the next positions, as they do in memory. */
	private stampNewRows(changes: ChangeSet): void {
		for (const table of TABLE_NAMES) {
			const known = this.ord.get(table);
			for (const row of changes.puts[table] ?? [])
				if (known && !known.has(row.id)) known.set(row.id, known.size);
		}
	}

	private indexOrder(): void {
		this.ord = new Map(
			TABLE_NAMES.map((table) => [
				table,
				new Map(Object.keys(this.world[table]).map((id, i) => [id, i]))
			])
		);
	}

	private notify(change: WorldChange): void {
		for (const listener of [...this.listeners]) listener(change);
	}

	private broadcast(kind: Broadcast['kind']): void {
		if (this.closed) return;
		this.channel?.postMessage({ kind, worldId: this.worldId } satisfies Broadcast);
	}

	private onBroadcast(event: MessageEvent): void {
		const message = event.data as Broadcast;
		if (this.closed || message?.worldId !== this.worldId) return;
		if (message.kind === 'deleted') {
			this.close();
			this.notify({ cause: 'deleted' });
			return;
		}
		// A failed reload leaves the last good world in place; the next command
		// notices the difference (StaleWorld) and reloads again.
		this.reload().catch(() => undefined);
	}
}

/** Tell every store of `worldId` in this browser (other tabs included), from outside any store. */
function post(worldId: string, kind: Broadcast['kind']): void {
	const Channel = globalThis.BroadcastChannel;
	if (!Channel) return;
	const channel = new Channel(worldDbName(worldId));
	channel.postMessage({ kind, worldId } satisfies Broadcast);
	channel.close();
}

function mailRows(mails: Mail[], first: number): MailRow[] {
	return mails.map((mail, i) => ({
		...mail,
		_ord: first + i,
		toKind: mail.to.kind,
		toId: mail.to.id
	}));
}

function toMail(row: MailRow): Mail {
	const { _ord, toKind: _kind, toId: _id, ...mail } = row;
	return mail;
}

function byOrd(a: { _ord: number }, b: { _ord: number }): number {
	return a._ord - b._ord;
}

/** Read a whole world in one read transaction, so it is one consistent snapshot. */
async function load(db: WorldDb): Promise<Loaded | null> {
	return db.transaction('r', db.tables, async () => {
		const meta = await db.meta.get(META_KEY);
		if (!meta) return null;
		const world = {
			meta,
			events: await db.events.toArray(),
			mails: (await db.mails.toArray()).sort(byOrd).map(toMail)
		} as World;
		for (const table of TABLE_NAMES) {
			const rows = (await db.entities(table).toArray()).sort(byOrd);
			const target: Record<Id, unknown> = {};
			const list: unknown[] = [];
			for (const { _ord, ...row } of rows) list.push((target[row.id] = row));
			(world as unknown as Record<TableName, Record<Id, unknown>>)[table] = target;
			if (table === 'tickets') primeTicketRows(world, list as Ticket[]);
		}
		const journal = await db.journal.toArray();
		return { world, journal };
	});
}

/** Write a fresh world into `db`. */
async function save(db: WorldDb, world: World, journal: JournalEntry[]): Promise<void> {
	// Invariant: a world is replaced whole or not at all; a reset that fails
	// leaves the previous attempt intact.
	await db.transaction('rw', db.tables, async () => {
		await Promise.all(db.tables.map((table) => table.clear()));
		await db.meta.put(world.meta, META_KEY);
		await db.events.bulkAdd(world.events);
		await db.mails.bulkAdd(mailRows(world.mails, 0));
		for (const table of TABLE_NAMES) {
			const rows = Object.values(world[table]) as Row<typeof table>[];
			await db.entities(table).bulkAdd(rows.map((row, i) => ({ ...row, _ord: i })));
		}
		await db.journal.bulkAdd(journal);
	});
}

/**
 * Store `world` (and its journal) as world `worldId`, replacing whatever that
 * database held. The store works on its own copy of `world`.
 */
export async function createWorldStore(
	worldId: string,
	world: World,
	journal: JournalEntry[] = []
): Promise<WorldStore> {
	const loaded = structuredClone({ world, journal });
	const db = new WorldDb(worldId);
	try {
		await save(db, loaded.world, loaded.journal);
	} catch (error) {
		db.close();
		throw new PersistenceError(
			'The lab could not be stored in this browser (storage may be full or disabled).',
			{ cause: error }
		);
	}
	// Other tabs showing this world reload it. Posted before this store's own
	// channel exists, so the new store does not reload what it just wrote.
	post(worldId, 'changed');
	return new WorldStore(worldId, db, loaded);
}

/** Load world `worldId`, or null if this browser holds no such world. */
export async function openWorldStore(worldId: string): Promise<WorldStore | null> {
	// Checked first because opening a missing database would create it.
	if (!(await Dexie.exists(worldDbName(worldId)))) return null;
	const db = new WorldDb(worldId);
	let loaded: Loaded | null;
	try {
		loaded = await load(db);
	} catch (error) {
		db.close();
		throw new PersistenceError('This lab attempt could not be loaded from the browser storage.', {
			cause: error
		});
	}
	if (!loaded) {
		db.close();
		return null;
	}
	return new WorldStore(worldId, db, loaded);
}

/** Whether this browser holds world `worldId` (a database with its meta row). */
export async function worldExists(worldId: string): Promise<boolean> {
	if (!(await Dexie.exists(worldDbName(worldId)))) return false;
	const db = new WorldDb(worldId);
	try {
		return (await db.meta.count()) > 0;
	} finally {
		db.close();
	}
}

/** Delete world `worldId`; open stores of it in other tabs close themselves. */
export async function deleteWorld(worldId: string): Promise<void> {
	post(worldId, 'deleted');
	await Dexie.delete(worldDbName(worldId));
}
