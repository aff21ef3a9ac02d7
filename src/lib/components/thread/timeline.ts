/**
 * Turns a ticket's events (already filtered for the viewer by the domain's
 * ticketTimeline) into what TicketThread shows: thread entries with a body, and
 * one-line history events worded like osTicket's, with names instead of ids.
 */
import type { DomainEvent, EditableField, Reader } from '$lib/domain';
import {
	actorLabel,
	agentLabel,
	assigneeLabel,
	deptLabel,
	priorityLabel,
	referralLabel,
	roleLabel,
	slaLabel,
	statusLabel,
	timeLabel,
	topicLabel,
	userLabel
} from './names';

export type TimelineItem =
	| {
			kind: 'entry';
			variant: 'message' | 'response' | 'note';
			seq: number;
			at: number;
			author: string;
			title: string;
			body: string;
	  }
	| {
			kind: 'event';
			type: DomainEvent['type'];
			seq: number;
			at: number;
			text: string;
			comment: string;
	  };

const FIELD_LABELS: Record<EditableField, string> = {
	priority: 'Priority',
	slaId: 'SLA Plan',
	topicId: 'Help Topic',
	manualDueAt: 'Due Date',
	source: 'Source',
	subject: 'Subject',
	userId: 'Owner',
	answered: 'Answered'
};

function fieldValue(r: Reader, field: EditableField, value: string | number | null): string {
	if (value === null || value === '') return 'none';
	switch (field) {
		case 'priority':
			return priorityLabel(String(value));
		case 'slaId':
			return slaLabel(r, String(value));
		case 'topicId':
			return topicLabel(r, String(value));
		case 'manualDueAt':
			return typeof value === 'number' ? timeLabel(r, value) : String(value);
		case 'userId':
			return userLabel(r, String(value));
		case 'answered':
			return value ? 'yes' : 'no';
		case 'source':
		case 'subject':
			return String(value);
	}
}

/** One event in words, or null for events a thread does not show. */
function describe(r: Reader, e: DomainEvent): { text: string; comment?: string } | null {
	const by = actorLabel(r, e.actor);
	switch (e.type) {
		case 'ticket.created':
			return {
				text:
					e.actor.role === 'end-user'
						? `Ticket created by ${by} (source: ${e.data.source})`
						: `Ticket created by ${by} for ${userLabel(r, e.data.userId)} (source: ${e.data.source})`
			};
		case 'ticket.assigned': {
			const to = assigneeLabel(r, e.data.agentId, e.data.teamId) ?? 'nobody';
			// The comment is on the thread as an internal note (Ticket::onAssign).
			return { text: e.data.claimed ? `Claimed by ${by}` : `Assigned to ${to} by ${by}` };
		}
		case 'ticket.released': {
			const was = assigneeLabel(r, e.data.agentId, e.data.teamId) ?? 'nobody';
			return { text: `Released by ${by} (was assigned to ${was})` };
		}
		case 'ticket.transferred':
			// The comment is on the thread as an internal note (Ticket::transfer).
			return {
				text: `Transferred from ${deptLabel(r, e.data.from)} to ${deptLabel(r, e.data.to)} by ${by}`
			};
		case 'ticket.referred':
			return {
				text: `Referred to ${referralLabel(r, e.data.to)} by ${by}`,
				comment: e.data.comment
			};
		case 'ticket.edited': {
			const field = FIELD_LABELS[e.data.field];
			return {
				text: `${field} changed from ${fieldValue(r, e.data.field, e.data.before)} to ${fieldValue(r, e.data.field, e.data.after)} by ${by}`
			};
		}
		case 'ticket.status':
			return {
				text: `Status changed from ${statusLabel(e.data.from)} to ${statusLabel(e.data.to)} by ${by}`
			};
		case 'ticket.closed':
			return { text: `Closed by ${by} with status ${statusLabel(e.data.status)}` };
		case 'ticket.reopened':
			return { text: `Reopened by ${by} (status ${statusLabel(e.data.status)})` };
		case 'ticket.overdue':
			return { text: `Flagged as overdue by the system (was due ${timeLabel(r, e.data.dueAt)})` };
		case 'ticket.collab':
			return {
				text: `${userLabel(r, e.data.userId)} ${e.data.action === 'added' ? 'added as a collaborator' : 'removed as a collaborator'} by ${by}`
			};
		// Not about one ticket, so never in a thread; worded for the attempt's timeline.
		case 'admin.created':
			return { text: `${by} added ${e.data.entity} ${e.data.name}` };
		case 'admin.updated':
			return {
				text: `${by} changed ${e.data.entity} ${e.data.name}: ${Object.keys(e.data.changes).join(', ')}`
			};
		case 'access.granted':
			return {
				text: `${by} gave ${agentLabel(r, e.data.agentId)} ${roleLabel(r, e.data.roleId)} access to ${deptLabel(r, e.data.deptId)}`
			};
		case 'access.revoked':
			return {
				text: `${by} removed ${agentLabel(r, e.data.agentId)}'s access to ${deptLabel(r, e.data.deptId)}`
			};
		case 'user.created':
			return { text: `User ${e.data.name} <${e.data.email}> created by ${by}` };
		case 'clock.advanced':
			return { text: `Time moved on to ${timeLabel(r, e.data.to)}` };
		default:
			return null;
	}
}

/** Any event as one line of words, names instead of ids (the report's timeline). */
export function describeEvent(r: Reader, e: DomainEvent): string {
	switch (e.type) {
		case 'ticket.message':
			return `Message from ${e.data.via === 'agent' ? userLabel(r, e.data.userId) : actorLabel(r, e.actor)}${e.data.via === 'email' ? ' by e-mail' : ''}`;
		case 'ticket.response':
			// osTicket's auto-claim leaves no event in the thread; the report says it happened.
			return `Response by ${agentLabel(r, e.data.agentId)}${e.data.claimed ? ', which assigned the ticket to them (claim on response)' : ''}`;
		case 'ticket.note':
			return `${e.data.title || 'Internal Note'} by ${e.data.agentId ? agentLabel(r, e.data.agentId) : 'the system'}`;
		default:
			return describe(r, e)?.text ?? e.type;
	}
}

export function timelineItems(r: Reader, events: readonly DomainEvent[]): TimelineItem[] {
	const items: TimelineItem[] = [];
	for (const e of events) {
		if (e.type === 'ticket.message') {
			items.push({
				kind: 'entry',
				variant: 'message',
				seq: e.seq,
				at: e.at,
				author: e.data.via === 'agent' ? `${userLabel(r, e.data.userId)}` : actorLabel(r, e.actor),
				title: e.data.via === 'agent' ? `Message (taken by ${actorLabel(r, e.actor)})` : 'Message',
				body: e.data.body
			});
		} else if (e.type === 'ticket.response') {
			items.push({
				kind: 'entry',
				variant: 'response',
				seq: e.seq,
				at: e.at,
				author: actorLabel(r, { role: 'agent', id: e.data.agentId }),
				title: 'Response',
				body: e.data.body
			});
		} else if (e.type === 'ticket.note') {
			items.push({
				kind: 'entry',
				variant: 'note',
				seq: e.seq,
				at: e.at,
				author: e.data.agentId
					? actorLabel(r, { role: 'agent', id: e.data.agentId })
					: 'the system',
				title: e.data.title || 'Internal Note',
				body: e.data.body
			});
		} else {
			const described = describe(r, e);
			if (described)
				items.push({
					kind: 'event',
					type: e.type,
					seq: e.seq,
					at: e.at,
					text: described.text,
					comment: described.comment ?? ''
				});
		}
	}
	// Time order; the log order breaks ties (an overdue flag is dated when it fell due).
	return items.sort((a, b) => a.at - b.at || a.seq - b.seq);
}
