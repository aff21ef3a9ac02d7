/**
 * The journal: every command an attempt ran, accepted or refused, in order.
 * The world records what happened to the help desk; the journal records what
 * the learner tried, so "John's attempt to open it was refused" is a fact a
 * check can ask for, and an attempt can be replayed command by command.
 */
import type { Command } from './commands';
import { commit, execute, type CommandResult } from './engine';
import type { DomainError } from './errors';
import type { Actor } from './events';
import type { SimTime } from './types';
import type { World } from './world';

export interface JournalEntry {
	/** Position in the journal, from 1. */
	n: number;
	/** Simulated time when the command ran. */
	at: SimTime;
	/** Wall-clock time, for reports and replay (not used by grading). */
	wallAt: number | null;
	actor: Actor;
	command: Command;
	outcome: 'ok' | 'refused';
	error: DomainError | null;
	/** Sequence numbers of the events the command produced (first, last), or null. */
	events: [number, number] | null;
	/** The entity the command made or touched (e.g. the new ticket's id). */
	subjectId: string | null;
	/**
	 * Binds the entry to the attempt that recorded it and to every entry
	 * before it (sealEntry); absent on entries recorded without a binding.
	 */
	seal?: string;
}

/**
 * A seal for `entry`: a hash of the previous entry's seal, the attempt's
 * binding (its id, variant seed and candidate) and the entry itself. A
 * journal copied into another attempt, or another variant, or edited after
 * the fact, no longer matches its seals. It is a hash, not a signature: it
 * tells a copied journal from a recorded one; a forger who re-seals by hand
 * is outside what a client-only app can stop.
 */
export function sealEntry(previous: string | null, binding: string, entry: JournalEntry): string {
	const { seal: _seal, ...content } = entry;
	void _seal;
	return hash64(`${previous ?? ''}|${binding}|${JSON.stringify(content)}`);
}

/** Whether every entry carries the seal its place, its binding and its content give. */
export function journalSealed(journal: JournalEntry[], binding: string): boolean {
	let previous: string | null = null;
	for (const entry of journal) {
		if (entry.seal !== sealEntry(previous, binding, entry)) return false;
		previous = entry.seal;
	}
	return true;
}

/** 64 bits of FNV-1a in two lanes, as hex: fast, synchronous and the same everywhere. */
function hash64(text: string): string {
	let a = 0x811c9dc5;
	let b = 0xcbf29ce4;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		a = Math.imul(a ^ c, 16777619) >>> 0;
		b = Math.imul(b ^ c, 2246822519) >>> 0;
		b = (b ^ (a >>> 13)) >>> 0;
	}
	return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

export function journalEntry(
	n: number,
	world: World,
	actor: Actor,
	command: Command,
	result: CommandResult,
	wallAt: number | null
): JournalEntry {
	const events = result.ok ? result.changes.events : [];
	const first = events[0];
	const last = events[events.length - 1];
	return {
		n,
		at: world.meta.clock,
		wallAt,
		actor,
		command: structuredClone(command),
		outcome: result.ok ? 'ok' : 'refused',
		error: result.ok ? null : result.error,
		events: first && last ? [first.seq, last.seq] : null,
		subjectId: result.ok ? result.subjectId : null
	};
}

/** A world with its journal, all in memory: the headless help desk (tests, self-tests, replay). */
export class HelpDesk {
	readonly journal: JournalEntry[];
	constructor(
		readonly world: World,
		journal: JournalEntry[] = []
	) {
		this.journal = journal;
	}

	/** Run a command, record it, and return the result. */
	run(
		actor: Actor,
		command: Command,
		wallAt: number | null = null
	): CommandResult & { entry: JournalEntry } {
		const result = execute(this.world, actor, command);
		const entry = journalEntry(this.journal.length + 1, this.world, actor, command, result, wallAt);
		commit(this.world, result);
		this.journal.push(entry);
		return { ...result, entry };
	}
}
