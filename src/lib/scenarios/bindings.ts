/**
 * The people and tickets a lab talks about (grading principle 4). A persona
 * id, or a world agent or user id, names a person; a binding names THE ticket
 * a step is about, found once by what identifies it: who it is for, who
 * opened it, and what it was opened about. Mutable properties (help topic,
 * department, source, priority) are never part of that identity, so a ticket
 * opened under the wrong topic and corrected later is still the same ticket.
 */
import { agentName, type Actor, type DomainEvent, type World } from '../domain';
import { seedTicketIds } from './world';
import { describeText, matchesText } from './text-match';
import type { BindSpec, Check, CheckOf, Scenario } from './types';

export type Person =
	| { kind: 'user'; id: string }
	| { kind: 'agent'; id: string }
	| { kind: 'system' }
	| { kind: 'unknown'; ref: string };

export interface Binding {
	name: string;
	ticketId: string | null;
	/** Place on the time line (event sequence number) of the ticket's creation. */
	at: number | null;
	/** Why nothing was bound (shown by checks that need the ticket). */
	failure: string;
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

/** Tickets opened during the lab (the pre-existing ones have names of their own), oldest first. */
function openedDuringLab(world: World, seedIds: Set<string>): DomainEvent[] {
	return world.events
		.filter((e) => e.type === 'ticket.created' && e.ticketId && !seedIds.has(e.ticketId))
		.sort((a, b) => a.seq - b.seq);
}

function firstMessage(world: World, ticketId: string): string {
	const message = world.events.find((e) => e.type === 'ticket.message' && e.ticketId === ticketId);
	return message?.type === 'ticket.message' ? message.data.body : '';
}

/** Find THE ticket a spec names: the earliest opened during the lab that matches, or why none does. */
export function resolveBinding(
	scenario: Pick<Scenario, 'personas' | 'world'>,
	world: World,
	spec: BindSpec,
	failure = ''
): Binding {
	const person = (ref: string) => personOf(scenario, world, ref);
	const wanted = spec.user ? person(spec.user) : null;
	const opener = spec.createdBy ? person(spec.createdBy) : null;
	const seeds = new Set(seedTicketIds(world, scenario).values());
	for (const event of openedDuringLab(world, seeds)) {
		if (event.type !== 'ticket.created' || !event.ticketId) continue;
		if (wanted && !(wanted.kind === 'user' && event.data.userId === wanted.id)) continue;
		if (opener && !actorIs(event.actor, opener)) continue;
		if (spec.subject && !matchesText(event.data.subject, spec.subject)) continue;
		if (spec.message && !matchesText(firstMessage(world, event.ticketId), spec.message)) continue;
		return { name: spec.name, ticketId: event.ticketId, at: event.seq, failure: '' };
	}
	return { name: spec.name, ticketId: null, at: null, failure };
}

export function describeBinding(
	world: World,
	scenario: Pick<Scenario, 'personas'>,
	spec: BindSpec
): string {
	const parts: string[] = [];
	const name = (ref: string) => personName(world, personOf(scenario, world, ref));
	if (spec.user) parts.push(`for ${name(spec.user)}`);
	if (spec.createdBy) parts.push(`opened by ${name(spec.createdBy)}`);
	if (spec.subject) parts.push(`whose subject ${describeText(spec.subject)}`);
	if (spec.message) parts.push(`whose details ${describeText(spec.message)}`);
	return `a ticket ${parts.join(' ')}`.trim();
}

/**
 * All bindings: pre-existing tickets by their ref, then every bind check in
 * order, then any extra specs (an attempt's own names for its test tickets).
 */
export function resolveBindings(
	scenario: Pick<Scenario, 'personas' | 'world' | 'steps'>,
	world: World,
	extra: BindSpec[] = []
): Map<string, Binding> {
	const bindings = new Map<string, Binding>();
	for (const [name, ticketId] of seedTicketIds(world, scenario)) {
		const created = world.events.find(
			(e) => e.type === 'ticket.created' && e.ticketId === ticketId
		);
		bindings.set(name, { name, ticketId, at: created?.seq ?? 0, failure: '' });
	}
	for (const check of bindChecks(scenario))
		if (!bindings.has(check.name))
			bindings.set(check.name, resolveBinding(scenario, world, check, check.fail));
	for (const spec of extra)
		if (!bindings.has(spec.name))
			bindings.set(
				spec.name,
				resolveBinding(
					scenario,
					world,
					spec,
					`No ticket matches ${describeBinding(world, scenario, spec)}.`
				)
			);
	return bindings;
}
