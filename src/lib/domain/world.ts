/**
 * The state of one simulated help desk (a "world"), and the Draft through which
 * a command changes it. A command reads and writes only through its Draft; the
 * world itself changes only when a whole Draft is committed, so a refused or
 * failing command leaves no trace (atomicity without copying the world).
 */
import type { DomainEvent, Actor, EventType, EventPayloads } from './events';
import { stateOf } from './types';
import type { Mail } from './mail';
import { DEFAULT_SCHEDULE } from './schedule';
import type {
	Agent,
	CannedResponse,
	Department,
	EndUser,
	HelpTopic,
	Id,
	PriorityId,
	Role,
	Schedule,
	SimTime,
	SlaPlan,
	Team,
	Ticket
} from './types';

export interface Tables {
	users: Record<Id, EndUser>;
	agents: Record<Id, Agent>;
	departments: Record<Id, Department>;
	teams: Record<Id, Team>;
	topics: Record<Id, HelpTopic>;
	slas: Record<Id, SlaPlan>;
	roles: Record<Id, Role>;
	canned: Record<Id, CannedResponse>;
	tickets: Record<Id, Ticket>;
}
export type TableName = keyof Tables;
export type Row<T extends TableName> = Tables[T][string];

export const TABLE_NAMES: readonly TableName[] = [
	'users',
	'agents',
	'departments',
	'teams',
	'topics',
	'slas',
	'roles',
	'canned',
	'tickets'
];

export interface Settings {
	companyName: string;
	/** Used when neither the help topic nor the department names one. */
	defaultDeptId: Id | null;
	defaultSlaId: Id | null;
	defaultPriority: PriorityId;
	/** The IANA time zone business hours and holidays are counted in (osTicket's default time zone). */
	timezone: string;
	/** The schedule of SLA plans and departments that name none (osTicket's Default Schedule). */
	defaultSchedule: Schedule;
	/** Send the new-ticket alert to the administrator's address too (alert_admin_on_new_ticket). */
	alertAdmins: boolean;
	/** The one address the admin alerts go to; by default the first administrator's e-mail. */
	adminEmail: string | null;
	/** A reply to an open ticket no agent holds assigns it to the replying agent (auto_claim_tickets). */
	autoClaimTickets: boolean;
	/** The new-ticket auto-response to the user (ticket_autoresponder: off in a fresh install). */
	autoRespondNewTicket: boolean;
	/** On close, the previous assignee (or the closer) keeps read access through a referral (auto_refer_closed). */
	autoReferClosed: boolean;
	/** On reopen, assign the closer or last respondent if they still have access (a department setting in osTicket). */
	reopenAutoAssign: boolean;
}

/** osTicket's defaults for a fresh install (include/i18n/en_US/config.yaml). */
export const DEFAULT_SETTINGS: Omit<Settings, 'timezone' | 'defaultSchedule'> = {
	companyName: 'Deskdrill',
	defaultDeptId: null,
	defaultSlaId: null,
	defaultPriority: 'normal',
	alertAdmins: true,
	adminEmail: null,
	autoClaimTickets: true,
	autoRespondNewTicket: false,
	autoReferClosed: true,
	reopenAutoAssign: true
};

export interface Meta {
	clock: SimTime;
	/** Sequence number of the next event. */
	seq: number;
	/** Counters for generated ids, by prefix. */
	counters: Record<string, number>;
	/** State of the pseudo-random generator behind ticket numbers. */
	rng: number;
	settings: Settings;
}

export interface World extends Tables {
	meta: Meta;
	events: DomainEvent[];
	mails: Mail[];
}

/** The settings in force: a world stored before a setting existed has osTicket's default for it. */
export function settingsOf(r: { readonly meta: Meta }): Settings {
	return { ...DEFAULT_SETTINGS, ...r.meta.settings } as Settings;
}

/** Read access shared by the world and a draft, so rules run on either. */
export interface Reader {
	readonly meta: Meta;
	get<T extends TableName>(table: T, id: Id | null | undefined): Row<T> | undefined;
	all<T extends TableName>(table: T): Row<T>[];
	/** The open tickets, where an index of them is kept (a committed world); callers filter all('tickets') otherwise. */
	openTickets?(): Ticket[];
}

export function emptyWorld(start: SimTime, settings: Partial<Settings> = {}, seed = 1): World {
	return {
		meta: {
			clock: start,
			seq: 1,
			counters: {},
			rng: seed >>> 0 || 1,
			settings: {
				...DEFAULT_SETTINGS,
				timezone: 'UTC',
				defaultSchedule: structuredClone(DEFAULT_SCHEDULE),
				...settings
			}
		},
		users: {},
		agents: {},
		departments: {},
		teams: {},
		topics: {},
		slas: {},
		roles: {},
		canned: {},
		tickets: {},
		events: [],
		mails: []
	};
}

/**
 * The tickets as an array, and the open ones apart (every queue but Closed
 * looks only at those), kept in step by applyChanges: a queue over 100,000
 * tickets must not rebuild them (Object.values) on every read. Valid because
 * the world changes only through applyChanges; callers must not modify the
 * arrays. The open list is in no particular order: queues sort what they show.
 */
interface TicketIndex {
	source: Record<Id, Ticket>;
	rows: Ticket[];
	at: Map<Id, number>;
	open: Ticket[];
	openAt: Map<Id, number>;
}
const ticketIndexes = new WeakMap<World, TicketIndex>();

function indexTickets(world: World, rows: Ticket[]): TicketIndex {
	const open = rows.filter((t) => stateOf(t) === 'open');
	const index: TicketIndex = {
		source: world.tickets,
		rows,
		at: new Map(rows.map((t, i) => [t.id, i])),
		open,
		openAt: new Map(open.map((t, i) => [t.id, i]))
	};
	ticketIndexes.set(world, index);
	return index;
}

function ticketIndex(world: World): TicketIndex {
	const index = ticketIndexes.get(world);
	return index && index.source === world.tickets
		? index
		: indexTickets(world, Object.values(world.tickets));
}

export function allTickets(world: World): Ticket[] {
	return ticketIndex(world).rows;
}

/** The tickets whose status is in the open state. */
export function openTickets(world: World): Ticket[] {
	return ticketIndex(world).open;
}

/** For a loader that already holds the tickets in order (the same objects as world.tickets'): no second pass. */
export function primeTicketRows(world: World, rows: Ticket[]): void {
	indexTickets(world, rows);
}

function keepTicketRows(world: World, rows: Ticket[]): void {
	const index = ticketIndexes.get(world);
	if (!index || index.source !== world.tickets) return;
	for (const row of rows) {
		const i = index.at.get(row.id);
		if (i === undefined) {
			index.at.set(row.id, index.rows.length);
			index.rows.push(row);
		} else index.rows[i] = row;
		const j = index.openAt.get(row.id);
		if (stateOf(row) === 'open') {
			if (j === undefined) {
				index.openAt.set(row.id, index.open.length);
				index.open.push(row);
			} else index.open[j] = row;
		} else if (j !== undefined) {
			// Swap the last open ticket into the gap: order does not matter here.
			const last = index.open.pop() as Ticket;
			index.openAt.delete(row.id);
			if (last.id !== row.id) {
				index.open[j] = last;
				index.openAt.set(last.id, j);
			}
		}
	}
}

export function readWorld(world: World): Reader {
	return {
		meta: world.meta,
		get: <T extends TableName>(table: T, id: Id | null | undefined) =>
			id == null ? undefined : (world[table][id] as Row<T> | undefined),
		all: <T extends TableName>(table: T) =>
			(table === 'tickets' ? allTickets(world) : Object.values(world[table])) as Row<T>[],
		openTickets: () => openTickets(world)
	};
}

/** Everything one command changed: written to memory and to IndexedDB as one unit. */
export interface ChangeSet {
	meta: Meta;
	puts: { [T in TableName]?: Row<T>[] };
	events: DomainEvent[];
	mails: Mail[];
}

export class Draft implements Reader {
	readonly meta: Meta;
	readonly events: DomainEvent[] = [];
	readonly mails: Mail[] = [];
	private readonly staged = new Map<TableName, Map<Id, unknown>>();

	constructor(
		readonly world: World,
		readonly actor: Actor
	) {
		this.meta = structuredClone(world.meta);
	}

	get<T extends TableName>(table: T, id: Id | null | undefined): Row<T> | undefined {
		if (id == null) return undefined;
		const staged = this.staged.get(table)?.get(id) as Row<T> | undefined;
		return staged ?? (this.world[table][id] as Row<T> | undefined);
	}

	all<T extends TableName>(table: T): Row<T>[] {
		const staged = this.staged.get(table);
		const base = (
			table === 'tickets' ? allTickets(this.world) : Object.values(this.world[table])
		) as Row<T>[];
		if (!staged) return base;
		const merged = base.map((row) => (staged.get(row.id) as Row<T> | undefined) ?? row);
		for (const [id, row] of staged) if (!(id in this.world[table])) merged.push(row as Row<T>);
		return merged;
	}

	put<T extends TableName>(table: T, row: Row<T>): Row<T> {
		let rows = this.staged.get(table);
		if (!rows) this.staged.set(table, (rows = new Map()));
		rows.set(row.id, row);
		return row;
	}

	get now(): SimTime {
		return this.meta.clock;
	}

	/** A fresh id such as "t3", unique within the world. */
	nextId(prefix: string, table: TableName): Id {
		for (;;) {
			const n = (this.meta.counters[prefix] ?? 0) + 1;
			this.meta.counters[prefix] = n;
			const id = `${prefix}${n}`;
			if (!this.get(table, id)) return id;
		}
	}

	/** Deterministic pseudo-random integer in [0, bound) (mulberry32). */
	random(bound: number): number {
		let t = (this.meta.rng = (this.meta.rng + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * bound);
	}

	emit<K extends EventType>(
		type: K,
		ticketId: Id | null,
		data: EventPayloads[K],
		at: SimTime = this.now
	): DomainEvent {
		const event = {
			seq: this.meta.seq++,
			at,
			type,
			actor: this.actor,
			ticketId,
			data
		} as DomainEvent;
		this.events.push(event);
		return event;
	}

	changes(): ChangeSet {
		const puts: ChangeSet['puts'] = {};
		for (const [table, rows] of this.staged)
			(puts as Record<string, unknown[]>)[table] = [...rows.values()];
		return { meta: this.meta, puts, events: this.events, mails: this.mails };
	}
}

/** How to take back one applied change set (a write that could not be stored). */
export interface Undo {
	meta: Meta;
	rows: { table: TableName; id: Id; before: unknown }[];
	events: number;
	mails: number;
}

/** Apply a committed change set to the in-memory world; returns how to undo it. */
export function applyChanges(world: World, changes: ChangeSet): Undo {
	const undo: Undo = {
		meta: world.meta,
		rows: [],
		events: world.events.length,
		mails: world.mails.length
	};
	world.meta = changes.meta;
	for (const table of TABLE_NAMES) {
		const rows = changes.puts[table];
		if (!rows) continue;
		const target = world[table] as Record<Id, unknown>;
		for (const row of rows) {
			undo.rows.push({ table, id: row.id, before: target[row.id] });
			target[row.id] = row;
		}
		if (table === 'tickets') keepTicketRows(world, rows as Ticket[]);
	}
	world.events.push(...changes.events);
	world.mails.push(...changes.mails);
	return undo;
}

/** Put the world back as it was before `applyChanges` returned `undo`. */
export function undoChanges(world: World, undo: Undo): void {
	world.meta = undo.meta;
	for (const { table, id, before } of [...undo.rows].reverse()) {
		const target = world[table] as Record<Id, unknown>;
		if (before === undefined) delete target[id];
		else target[id] = before;
	}
	world.events.length = undo.events;
	world.mails.length = undo.mails;
	// Rows may have been removed: the queue's ticket list is rebuilt on next read.
	ticketIndexes.delete(world);
}
