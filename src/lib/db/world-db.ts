/**
 * The IndexedDB schema of one lab attempt (a "world"), as a Dexie database.
 * Isolated worlds: each attempt lives in its own database, named after its id,
 * so a reset or a new attempt never touches another. Rows are the domain's
 * plain objects plus the few stored-only fields below; world-store.ts converts
 * between the two, so nothing outside src/lib/db sees those fields.
 */
import { Dexie, type Table } from 'dexie';
import type {
	Agent,
	CannedResponse,
	Department,
	DomainEvent,
	EndUser,
	HelpTopic,
	Id,
	JournalEntry,
	Mail,
	Meta,
	Recipient,
	Role,
	Row,
	SlaPlan,
	TableName,
	Team,
	Ticket
} from '../domain';

/** The database of a world; also the name of its BroadcastChannel. */
export function worldDbName(worldId: string): string {
	return `deskdrill-world-${worldId}`;
}

/** The key of the single row of the `meta` table. */
export const META_KEY = 'meta';

/**
 * An entity row as stored. `_ord` is the row's position in its in-memory
 * table (insertion order). IndexedDB hands rows back in key order, but the
 * domain reads tables with Object.values and some rules depend on that order
 * (the fallback department is "the first one", admins are alerted in table
 * order), so a reloaded world must keep it to behave like the one saved.
 */
export type Stored<T> = T & { _ord: number };

/**
 * A mail as stored: `_ord` keeps outbox order (ids "m2" < "m10" numerically
 * but not as keys), and the recipient is copied flat into `toKind`/`toId`.
 * Why flat rather than a compound over 'to.kind'/'to.id': Dexie's schema
 * syntax does not reliably support dotted key paths inside a compound index,
 * and the mailbox's query is exactly "mail to (kind, id)", which a flat
 * compound answers with one equality. The copy is dropped when loading.
 */
export type MailRow = Mail & { _ord: number; toKind: Recipient['kind']; toId: Id };

export type EntityRow<T extends TableName> = Stored<Row<T>>;

export class WorldDb extends Dexie {
	meta!: Table<Meta, string>;
	users!: Table<Stored<EndUser>, Id>;
	agents!: Table<Stored<Agent>, Id>;
	departments!: Table<Stored<Department>, Id>;
	teams!: Table<Stored<Team>, Id>;
	topics!: Table<Stored<HelpTopic>, Id>;
	slas!: Table<Stored<SlaPlan>, Id>;
	roles!: Table<Stored<Role>, Id>;
	canned!: Table<Stored<CannedResponse>, Id>;
	tickets!: Table<Stored<Ticket>, Id>;
	events!: Table<DomainEvent, number>;
	mails!: Table<MailRow, Id>;
	journal!: Table<JournalEntry, number>;

	constructor(readonly worldId: string) {
		super(worldDbName(worldId));
		// Version 1 is shipped: never edit it. A schema change is a new
		// db.version(2).stores({...}) with an upgrade function, below this one.
		this.version(1).stores({
			// Outbound key: the one row is stored under META_KEY.
			meta: '',
			users: 'id',
			agents: 'id, deptId',
			departments: 'id',
			teams: 'id',
			topics: 'id',
			slas: 'id',
			roles: 'id',
			canned: 'id, deptId',
			// The queues: by status and department together (the open queue of a
			// department), by owner, by assignee, and sorted by due or update time.
			// Null values (no assignee, no due date) are simply not in an index.
			tickets:
				'id, &number, status, deptId, userId, assigneeAgentId, assigneeTeamId, dueAt, updatedAt, [status+deptId]',
			events: 'seq, ticketId, type',
			mails: 'id, ticketId, [toKind+toId]',
			journal: 'n'
		});
	}

	/**
	 * The table that stores a world table, typed by its name. The declared
	 * property, not db.table(name): Dexie keeps separate Table objects for the
	 * two, and one object for every access keeps hooks and test spies honest.
	 */
	entities<T extends TableName>(name: T): Table<EntityRow<T>, Id> {
		return this[name] as unknown as Table<EntityRow<T>, Id>;
	}
}
