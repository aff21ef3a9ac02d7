/**
 * What a check looks at: the world, its events, the journal of attempts, on
 * one time line (an event's place is its sequence number; a journal entry that
 * produced no event sits just after the events before it), the people a
 * scenario names, and the tickets it binds (grading principle 4).
 */
import { agentName, type Actor, type DomainEvent, type JournalEntry, type World } from '../domain';
import type { Check, CheckOf, Scenario } from '../scenarios/types';
import { seedTicketIds } from '../scenarios/world';
import { describeText, matchesText } from './text';

export type Person =
	| { kind: 'user'; id: string }
	| { kind: 'agent'; id: string }
	| { kind: 'system' }
	| { kind: 'unknown'; ref: string };

export interface Binding {
	name: string;
	ticketId: string | null;
	/** Place on the time line of the ticket's creation. */
	at: number | null;
	/** Why nothing was bound (shown by checks that need the ticket). */
	failure: string;
}

export interface GradeContext {
	scenario: Scenario;
	world: World;
	journal: JournalEntry[];
	/** Place of each journal entry on the time line, by entry number. */
	journalAt: Map<number, number>;
	bindings: Map<string, Binding>;
	person(ref: string): Person;
}

export function personOf(scenario: Pick<Scenario, 'personas'>, world: World, ref: string): Person {
	if (ref === 'system') return { kind: 'system' };
	const persona = scenario.personas.find((p) => p.id === ref);
	if (persona) {
		if (persona.role === 'end-user' && persona.user) return { kind: 'user', id: persona.user };
		if (persona.agent) return { kind: 'agent', id: persona.agent };
	}
	if (world.agents[ref]) return { kind: 'agent', id: ref };
	if (world.users[ref]) return { kind: 'user', id: ref };
	return { kind: 'unknown', ref };
}

export function personName(world: World, person: Person): string {
	switch (person.kind) {
		case 'system':
			return 'the system';
		case 'unknown':
			return person.ref;
		case 'agent': {
			const agent = world.agents[person.id];
			return agent ? agentName(agent) : person.id;
		}
		case 'user':
			return world.users[person.id]?.name ?? person.id;
	}
}

export function actorIs(actor: Actor, person: Person): boolean {
	switch (person.kind) {
		case 'system':
			return actor.role === 'system';
		case 'user':
			return actor.role === 'end-user' && actor.id === person.id;
		case 'agent':
			return (actor.role === 'agent' || actor.role === 'admin') && actor.id === person.id;
		case 'unknown':
			return false;
	}
}

/** Journal entries on the events' time line. */
export function journalPlaces(world: World, journal: JournalEntry[]): Map<number, number> {
	const places = new Map<number, number>();
	const covered = new Set<number>();
	for (const entry of journal)
		if (entry.events) for (let s = entry.events[0]; s <= entry.events[1]; s++) covered.add(s);
	// Events no journal entry made (set-up, pre-existing tickets) came first.
	let last = 0;
	for (const event of world.events) if (!covered.has(event.seq)) last = Math.max(last, event.seq);
	const firstJournalSeq = Math.min(...[...covered]);
	if (Number.isFinite(firstJournalSeq)) last = Math.min(last, firstJournalSeq - 1);
	for (const entry of journal) {
		if (entry.events) {
			places.set(entry.n, entry.events[0]);
			last = entry.events[1];
		} else places.set(entry.n, last + 0.5);
	}
	return places;
}

/** Every bind check of the scenario, in document order (nested ones included). */
export function bindChecks(scenario: Pick<Scenario, 'steps'>): CheckOf<'bind'>[] {
	const found: CheckOf<'bind'>[] = [];
	const visit = (check: Check) => {
		if (check.kind === 'bind') found.push(check);
		if (check.kind === 'any') check.checks.forEach(visit);
	};
	for (const step of scenario.steps) step.checks.forEach(visit);
	return found;
}

function createdEvents(world: World): DomainEvent[] {
	return world.events.filter((e) => e.type === 'ticket.created').sort((a, b) => a.seq - b.seq);
}

/** Find THE ticket a bind check names: the earliest opened that matches, or why none does. */
export function resolveBinding(
	scenario: Pick<Scenario, 'personas'>,
	world: World,
	check: CheckOf<'bind'>
): Binding {
	const person = (ref: string) => personOf(scenario, world, ref);
	const wanted = check.user ? person(check.user) : null;
	const opener = check.createdBy ? person(check.createdBy) : null;
	for (const event of createdEvents(world)) {
		if (event.type !== 'ticket.created' || !event.ticketId) continue;
		const d = event.data;
		if (wanted && !(wanted.kind === 'user' && d.userId === wanted.id)) continue;
		if (opener && !actorIs(event.actor, opener)) continue;
		if (check.topic !== undefined && d.topicId !== check.topic) continue;
		if (check.dept !== undefined && d.deptId !== check.dept) continue;
		if (check.source !== undefined && d.source !== check.source) continue;
		if (check.subject && !matchesText(d.subject, check.subject)) continue;
		return { name: check.name, ticketId: event.ticketId, at: event.seq, failure: '' };
	}
	return { name: check.name, ticketId: null, at: null, failure: check.fail };
}

export function describeBinding(
	world: World,
	scenario: Pick<Scenario, 'personas'>,
	check: CheckOf<'bind'>
): string {
	const parts: string[] = [];
	if (check.user) parts.push(`for ${personName(world, personOf(scenario, world, check.user))}`);
	if (check.createdBy)
		parts.push(`opened by ${personName(world, personOf(scenario, world, check.createdBy))}`);
	if (check.topic) parts.push(`under ${world.topics[check.topic]?.name ?? check.topic}`);
	if (check.dept) parts.push(`in ${world.departments[check.dept]?.name ?? check.dept}`);
	if (check.source) parts.push(`via ${check.source}`);
	if (check.subject) parts.push(`whose subject ${describeText(check.subject)}`);
	return `a ticket ${parts.join(' ')}`;
}

/** All bindings: pre-existing tickets by their ref, then every bind check in order. */
export function resolveBindings(scenario: Scenario, world: World): Map<string, Binding> {
	const bindings = new Map<string, Binding>();
	for (const [name, ticketId] of seedTicketIds(world, scenario)) {
		const created = world.events.find(
			(e) => e.type === 'ticket.created' && e.ticketId === ticketId
		);
		bindings.set(name, { name, ticketId, at: created?.seq ?? 0, failure: '' });
	}
	for (const check of bindChecks(scenario))
		if (!bindings.has(check.name)) bindings.set(check.name, resolveBinding(scenario, world, check));
	return bindings;
}

export function makeContext(
	scenario: Scenario,
	world: World,
	journal: JournalEntry[]
): GradeContext {
	return {
		scenario,
		world,
		journal,
		journalAt: journalPlaces(world, journal),
		bindings: resolveBindings(scenario, world),
		person: (ref) => personOf(scenario, world, ref)
	};
}
