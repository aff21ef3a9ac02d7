/**
 * Words for checks: how a field's value reads to a trainee (names, not ids),
 * the text an event carries, and what a check looks at, said without the value
 * it expects, so "What the checks look for" never hands out the answer that
 * the strong hint charges for.
 */
import {
	agentName,
	priorityOf,
	statusOf,
	type DomainEvent,
	type EventType,
	type World
} from '../domain';
import { personName, personOf } from '../scenarios/bindings';
import type { Check, EventMatch, Scenario, TicketField } from '../scenarios/types';

export const FIELD_LABELS: Record<TicketField, string> = {
	priority: 'priority',
	sla: 'SLA plan',
	dept: 'department',
	topic: 'help topic',
	status: 'status',
	state: 'state',
	agent: 'assigned agent',
	team: 'assigned team',
	source: 'source',
	overdue: 'overdue flag',
	answered: 'answered flag',
	subject: 'subject',
	user: 'user'
};

/** How a field's value reads to a trainee: names, not ids. */
export function displayValue(world: World, field: TicketField, value: unknown): string {
	if (value === null || value === undefined || value === '') return 'none';
	const id = String(value);
	switch (field) {
		case 'priority':
			try {
				return priorityOf(id as never).name;
			} catch {
				return id;
			}
		case 'sla':
			return world.slas[id]?.name ?? id;
		case 'dept':
			return world.departments[id]?.name ?? id;
		case 'topic':
			return world.topics[id]?.name ?? id;
		case 'status':
			try {
				return statusOf(id as never).name;
			} catch {
				return id;
			}
		case 'agent': {
			const agent = world.agents[id];
			return agent ? agentName(agent) : id;
		}
		case 'team':
			return world.teams[id]?.name ?? id;
		case 'user':
			return world.users[id]?.name ?? id;
		case 'overdue':
		case 'answered':
			return value ? 'yes' : 'no';
		default:
			return id;
	}
}

/** The text an event carries, for text matching and for a human to read in the report. */
export function eventText(event: DomainEvent): string {
	switch (event.type) {
		case 'ticket.message':
		case 'ticket.response':
			return event.data.body;
		case 'ticket.note':
			return `${event.data.title}\n${event.data.body}`;
		case 'ticket.assigned':
		case 'ticket.transferred':
		case 'ticket.referred':
			return event.data.comment;
		case 'ticket.created':
			return event.data.subject;
		case 'ticket.edited':
			return String(event.data.after ?? '');
		default:
			return '';
	}
}

const EVENT_WORDS: Partial<Record<EventType, string>> = {
	'ticket.created': 'a ticket opened',
	'ticket.message': 'a message from the user',
	'ticket.response': 'a reply',
	'ticket.note': 'an internal note',
	'ticket.assigned': 'an assignment',
	'ticket.released': 'a release of the assignment',
	'ticket.transferred': 'a transfer',
	'ticket.referred': 'a referral',
	'ticket.edited': 'an edit',
	'ticket.status': 'a status change',
	'ticket.closed': 'the ticket closed or resolved',
	'ticket.reopened': 'the ticket reopened',
	'ticket.overdue': 'the ticket marked overdue',
	'ticket.collab': 'a collaborator change',
	'access.granted': 'department access granted',
	'access.revoked': 'department access revoked'
};

export function eventWords(type: EventType): string {
	return EVENT_WORDS[type] ?? type.replace(/^ticket\./, '');
}

function who(world: World, scenario: Pick<Scenario, 'personas'>, ref: string | undefined): string {
	return ref ? ` by ${personName(world, personOf(scenario, world, ref))}` : '';
}

function eventLook(world: World, scenario: Scenario, match: EventMatch): string {
	const wording = match.text ? ', worded as the step asks' : '';
	return `${eventWords(match.event)}${who(world, scenario, match.by)}${wording}`;
}

function ordered(
	world: World,
	scenario: Scenario,
	check: { after?: EventMatch; before?: EventMatch }
) {
	const parts: string[] = [];
	if (check.after) parts.push(` after ${eventLook(world, scenario, check.after)}`);
	if (check.before) parts.push(` before ${eventLook(world, scenario, check.before)}`);
	return parts.join('');
}

/** What a check looks at, without the value it wants. */
export function looksFor(world: World, scenario: Scenario, check: Check): string {
	const person = (ref: string) => personName(world, personOf(scenario, world, ref));
	switch (check.kind) {
		case 'bind':
			return `a ticket${check.user ? ` for ${person(check.user)}` : ''}${check.createdBy ? ` opened by ${person(check.createdBy)}` : ''}, about what the step describes`;
		case 'ticket':
			return `the ticket's ${FIELD_LABELS[check.field]}`;
		case 'due':
			return "the ticket's due date";
		case 'happened':
			return `${eventLook(world, scenario, check)}${ordered(world, scenario, check)}`;
		case 'never':
			return `that there is no ${eventLook(world, scenario, check).replace(/^(a|an|the) /, '')}`;
		case 'refused':
		case 'succeeded': {
			const commands = (Array.isArray(check.command) ? check.command : [check.command]).length;
			const action = commands > 1 ? 'a change to the ticket' : 'the action the step describes';
			return `${check.by ? `${person(check.by)}'s ` : ''}attempt at ${action}, and whether the help desk ${check.kind === 'refused' ? 'refuses' : 'accepts'} it${ordered(world, scenario, check)}`;
		}
		case 'queue':
			return `whether the ticket is in ${person(check.agent)}'s ${check.queue} queue`;
		case 'visible':
			return `whether ${person(check.agent)} can see the ticket`;
		case 'access': {
			const dept = world.departments[check.dept]?.name ?? check.dept;
			return `${person(check.agent)}'s role in ${dept}`;
		}
		case 'mail':
			return `an e-mail to ${person(check.to)}`;
		case 'any':
			return check.checks.map((c) => looksFor(world, scenario, c)).join(', or ');
	}
}
