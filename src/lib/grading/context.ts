/**
 * What a check looks at: the world, its events, the journal of attempts, on
 * one time line (an event's place is its sequence number; a journal entry that
 * produced no event sits just after the events before it), the people a
 * scenario names, the tickets it binds (grading principle 4), and which facts
 * the learner made: a step scores only once the learner has done something it
 * is about, so nothing is earned by a check that holds by default.
 */
import type { DomainEvent, JournalEntry, World } from '../domain';
import { personOf, resolveBindings, type Binding, type Person } from '../scenarios/bindings';
import type { Scenario, TicketField } from '../scenarios/types';

export interface GradeContext {
	scenario: Scenario;
	world: World;
	journal: JournalEntry[];
	/** Place of each journal entry on the time line, by entry number. */
	journalAt: Map<number, number>;
	bindings: Map<string, Binding>;
	person(ref: string): Person;
	/** Whether the learner's own commands (not the set-up, not the clock) produced this event. */
	byLearner(event: DomainEvent): boolean;
	/** Ticket fields the learner set or changed, by ticket id. */
	touchedFields(ticketId: string): Set<TicketField>;
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

/** Sequence numbers of the events the learner's commands produced. */
function learnerSeqs(journal: JournalEntry[]): Set<number> {
	const seqs = new Set<number>();
	for (const entry of journal) {
		if (entry.actor.role === 'system' || !entry.events) continue;
		for (let s = entry.events[0]; s <= entry.events[1]; s++) seqs.add(s);
	}
	return seqs;
}

const EDITED_FIELD: Record<string, TicketField> = {
	priority: 'priority',
	slaId: 'sla',
	topicId: 'topic',
	source: 'source',
	subject: 'subject',
	userId: 'user'
};

/** The ticket fields an event of the learner's sets. */
function fieldsOf(event: DomainEvent): TicketField[] {
	switch (event.type) {
		case 'ticket.edited':
			return event.data.field === 'manualDueAt'
				? []
				: [EDITED_FIELD[event.data.field]].filter((f): f is TicketField => !!f);
		case 'ticket.assigned':
		case 'ticket.released':
			return ['agent', 'team'];
		case 'ticket.transferred':
			// A transfer may also unassign, reopen and re-plan (Ticket::transfer).
			return ['dept', 'agent', 'sla', 'status', 'state'];
		case 'ticket.closed':
		case 'ticket.reopened':
			// Closing makes the closer the agent; reopening may assign or clear it (Ticket::setStatus).
			return ['status', 'state', 'agent'];
		case 'ticket.status':
			return ['status', 'state'];
		case 'ticket.response':
			return event.data.claimed ? ['answered', 'agent'] : ['answered'];
		case 'ticket.message':
			return ['answered'];
		default:
			return [];
	}
}

/** Fields an opening command chose explicitly (an end user's help topic, an agent's source...). */
const OPEN_FIELDS: [string, TicketField][] = [
	['topicId', 'topic'],
	['source', 'source'],
	['deptId', 'dept'],
	['priority', 'priority'],
	['slaId', 'sla'],
	['assignAgentId', 'agent'],
	['assignTeamId', 'team'],
	['subject', 'subject'],
	['userId', 'user'],
	['email', 'user']
];

function touchedByLearner(
	world: World,
	journal: JournalEntry[],
	learner: Set<number>
): Map<string, Set<TicketField>> {
	const touched = new Map<string, Set<TicketField>>();
	const add = (ticketId: string, fields: TicketField[]) => {
		let set = touched.get(ticketId);
		if (!set) touched.set(ticketId, (set = new Set()));
		for (const f of fields) set.add(f);
	};
	for (const event of world.events)
		if (event.ticketId && learner.has(event.seq)) add(event.ticketId, fieldsOf(event));
	for (const entry of journal) {
		if (entry.outcome !== 'ok' || entry.actor.role === 'system') continue;
		if (entry.command.type !== 'ticket.open' || !entry.subjectId) continue;
		const command = entry.command as unknown as Record<string, unknown>;
		add(
			entry.subjectId,
			OPEN_FIELDS.filter(([key]) => command[key] !== undefined && command[key] !== null).map(
				([, field]) => field
			)
		);
	}
	return touched;
}

export function makeContext(
	scenario: Scenario,
	world: World,
	journal: JournalEntry[]
): GradeContext {
	const learner = learnerSeqs(journal);
	let touched: Map<string, Set<TicketField>> | null = null;
	return {
		scenario,
		world,
		journal,
		journalAt: journalPlaces(world, journal),
		bindings: resolveBindings(scenario, world),
		person: (ref) => personOf(scenario, world, ref),
		byLearner: (event) => learner.has(event.seq),
		touchedFields: (ticketId) =>
			(touched ??= touchedByLearner(world, journal, learner)).get(ticketId) ?? new Set()
	};
}
