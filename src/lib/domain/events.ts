/**
 * What happened in the help desk: one append-only log of events. Thread entries
 * (messages, responses, internal notes) are events too, so a ticket's thread and
 * its history read from one ordered list, and the grader reads the same list.
 */
import type {
	AgentPermission,
	Id,
	PriorityId,
	Referral,
	RolePermission,
	SimTime,
	StatusId,
	TicketSource
} from './types';

export type ActorRole = 'end-user' | 'agent' | 'admin' | 'system';

/** Who carried out a command: a persona in a role. */
export type Actor =
	| { role: 'end-user'; id: Id }
	| { role: 'agent'; id: Id }
	| { role: 'admin'; id: Id }
	| { role: 'system' };

export type EditableField =
	'priority' | 'slaId' | 'topicId' | 'manualDueAt' | 'source' | 'subject' | 'userId' | 'answered';

/** What posted an internal note: an agent's own note, or the comment of an action. */
export type NoteOrigin = 'note' | 'assignment' | 'transfer' | 'status' | 'answered' | 'new-ticket';

/** Event payloads, by type. */
export interface EventPayloads {
	'ticket.created': {
		number: string;
		subject: string;
		source: TicketSource;
		userId: Id;
		topicId: Id | null;
		deptId: Id;
		priority: PriorityId;
		slaId: Id | null;
	};
	'ticket.message': { body: string; via: 'web' | 'email' | 'agent'; userId: Id };
	'ticket.response': {
		body: string;
		agentId: Id;
		status: StatusId | null;
		/** The reply assigned the ticket to its author (auto_claim_tickets); no event of its own. */
		claimed?: boolean;
		/** The due date in force when it was posted (closing may clear it afterwards). */
		dueAt?: SimTime | null;
	};
	'ticket.note': { title: string; body: string; agentId: Id | null; origin?: NoteOrigin };
	'ticket.assigned': {
		agentId: Id | null;
		teamId: Id | null;
		claimed: boolean;
		previousAgentId: Id | null;
		previousTeamId: Id | null;
		comment: string;
	};
	'ticket.released': { agentId: Id | null; teamId: Id | null };
	'ticket.transferred': { from: Id; to: Id; comment: string };
	'ticket.referred': { to: Referral; comment: string };
	'ticket.edited': {
		field: EditableField;
		before: string | number | null;
		after: string | number | null;
	};
	'ticket.status': { from: StatusId; to: StatusId };
	/** `dueAt`: the due date in force when it closed (closing clears one already past). */
	'ticket.closed': { status: StatusId; dueAt?: SimTime | null };
	'ticket.reopened': { status: StatusId };
	'ticket.overdue': { dueAt: SimTime };
	'ticket.collab': { userId: Id; action: 'added' | 'removed' };
	'admin.created': { entity: AdminEntity; id: Id; name: string };
	'admin.updated': {
		entity: AdminEntity;
		id: Id;
		name: string;
		changes: Record<string, { before: unknown; after: unknown }>;
	};
	'access.granted': { agentId: Id; deptId: Id; roleId: Id };
	'access.revoked': { agentId: Id; deptId: Id; roleId: Id };
	'user.created': { userId: Id; name: string; email: string };
	'clock.advanced': { from: SimTime; to: SimTime };
}

export type AdminEntity =
	'agent' | 'department' | 'team' | 'role' | 'sla' | 'topic' | 'canned' | 'user' | 'settings';

export type EventType = keyof EventPayloads;

export type DomainEvent = {
	[K in EventType]: {
		seq: number;
		at: SimTime;
		type: K;
		actor: Actor;
		ticketId: Id | null;
		data: EventPayloads[K];
	};
}[EventType];

export type EventOf<K extends EventType> = Extract<DomainEvent, { type: K }>;

/** Thread entries are the events that carry a body. */
export type ThreadEntry =
	EventOf<'ticket.message'> | EventOf<'ticket.response'> | EventOf<'ticket.note'>;

/** Events an end user may see about their ticket (osTicket hides the rest). */
export const USER_VISIBLE_EVENTS: readonly EventType[] = [
	'ticket.created',
	'ticket.message',
	'ticket.response',
	'ticket.closed',
	'ticket.reopened',
	'ticket.collab'
];

export type { RolePermission, AgentPermission };
