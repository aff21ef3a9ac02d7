/**
 * Changing a ticket's properties: Edit (priority, SLA plan, help topic, due
 * date, source, subject), the status menu, Change Owner and Manage
 * Collaborators (include/class.ticket.php: Ticket::update, Ticket::setStatus,
 * Ticket::changeOwner, Ticket::addCollaborator).
 */
import type { CommandOf, TicketEdit } from './commands';
import type { Acting } from './context';
import { refuse } from './errors';
import type { EditableField } from './events';
import { changeStatus, refreshOverdue, saveTicket, withSlaDue } from './lifecycle';
import { actionNote } from './ticket-routing';
import { checkStatusPermission } from './ticket-thread';
import { permit, requireText, visibleTicket } from './ticket-support';
import { SOURCES, isPriorityId, stateOf, type Id, type Ticket } from './types';
import { settingsOf, type Draft } from './world';

/**
 * Ticket::selectSLAId without a choice: the department's plan, then the help
 * topic's, then the system default.
 */
function reselectSla(d: Draft, ticket: Ticket): Id | null {
	return (
		d.get('departments', ticket.deptId)?.slaId ??
		d.get('topics', ticket.topicId)?.slaId ??
		settingsOf(d).defaultSlaId ??
		null
	);
}

/**
 * Edit, as Ticket::update: every field is checked before anything is saved;
 * a due date must be in the future and cannot be set on a closed ticket; the
 * help topic is required; and when the plan was not changed in this edit but
 * is transient (or missing), it is picked again (department, topic, default).
 */
export function editTicket(d: Draft, acting: Acting, c: CommandOf<'ticket.edit'>): Ticket {
	const ticket = visibleTicket(d, acting, c.ticketId);
	permit(d, acting, ticket, 'ticket.edit');
	const changes: TicketEdit = c.changes ?? {};
	let current = ticket;
	let changed = false;
	const log = (
		field: EditableField,
		before: string | number | null,
		after: string | number | null
	) => {
		if (before === after) return false;
		d.emit('ticket.edited', ticket.id, { field, before, after });
		changed = true;
		return true;
	};

	if (changes.priority !== undefined) {
		if (!isPriorityId(changes.priority))
			refuse('invalid', `Unknown priority "${String(changes.priority)}".`, { field: 'priority' });
		if (log('priority', current.priority, changes.priority))
			current = saveTicket(d, current, { priority: changes.priority });
	}
	if (changes.slaId !== undefined) {
		const sla = d.get('slas', changes.slaId);
		if (changes.slaId !== null && !sla)
			refuse('not_found', `There is no SLA plan "${changes.slaId}".`, { field: 'slaId' });
		if (sla && !sla.active)
			refuse('invalid', `The SLA plan ${sla.name} is disabled.`, { field: 'slaId' });
		if (log('slaId', current.slaId, changes.slaId))
			current = saveTicket(d, current, withSlaDue(d, current, changes.slaId));
	}
	if (changes.topicId !== undefined) {
		if (changes.topicId === null)
			refuse('invalid', 'Help Topic is required.', { field: 'topicId' });
		const topic = d.get('topics', changes.topicId);
		if (!topic)
			refuse('not_found', `There is no help topic "${changes.topicId}".`, { field: 'topicId' });
		if (!topic.active)
			refuse('invalid', `The help topic ${topic.name} is disabled.`, { field: 'topicId' });
		// Changing the topic never moves the ticket: that is a Transfer (osTicket).
		if (log('topicId', current.topicId, changes.topicId))
			current = saveTicket(d, current, { topicId: changes.topicId });
	}
	if (changes.dueAt !== undefined) {
		if (changes.dueAt !== null && stateOf(current) !== 'open')
			refuse('invalid', 'A due date cannot be set on a closed ticket.', { field: 'dueAt' });
		if (changes.dueAt !== null && (!Number.isFinite(changes.dueAt) || changes.dueAt <= d.now))
			refuse('invalid', 'A due date set by hand must be in the future.', { field: 'dueAt' });
		if (log('manualDueAt', current.manualDueAt, changes.dueAt))
			current = saveTicket(d, current, { manualDueAt: changes.dueAt });
	}
	if (changes.source !== undefined) {
		if (!SOURCES.includes(changes.source))
			refuse('invalid', `Unknown ticket source "${String(changes.source)}".`, { field: 'source' });
		if (log('source', current.source, changes.source))
			current = saveTicket(d, current, { source: changes.source });
	}
	if (changes.subject !== undefined) {
		const subject = requireText(changes.subject, 'subject', 'Issue Summary');
		if (log('subject', current.subject, subject)) current = saveTicket(d, current, { subject });
	}
	if (!changed) refuse('conflict', 'Nothing changed: the ticket already has these values.');
	if (changes.slaId === undefined) {
		const sla = d.get('slas', current.slaId);
		const picked = !sla || sla.transient ? reselectSla(d, current) : current.slaId;
		if (picked !== current.slaId && log('slaId', current.slaId, picked))
			current = saveTicket(d, current, withSlaDue(d, current, picked));
	}
	return refreshOverdue(d, current);
}

export function setStatus(d: Draft, acting: Acting, c: CommandOf<'ticket.status'>): Ticket {
	if (acting.kind === 'user')
		refuse(
			'forbidden',
			'End users cannot close or reopen tickets in osTicket; an agent does (a reply from the user reopens it).'
		);
	const ticket = visibleTicket(d, acting, c.ticketId);
	if (acting.kind !== 'system') checkStatusPermission(d, acting.agent, ticket, c.status);
	const changed = changeStatus(d, ticket, c.status);
	actionNote(d, changed, 'Status Changed', c.comment?.trim() ?? '', 'status');
	return changed;
}

/** Change Owner (Ticket::changeOwner): needs ticket.edit; the new owner stops being a collaborator. */
export function changeOwner(d: Draft, acting: Acting, c: CommandOf<'ticket.owner'>): Ticket {
	const ticket = visibleTicket(d, acting, c.ticketId);
	permit(d, acting, ticket, 'ticket.edit');
	const user = d.get('users', c.userId);
	if (!user) refuse('not_found', `There is no user "${c.userId}".`, { field: 'userId' });
	if (user.id === ticket.userId)
		refuse('conflict', `${user.name} already owns ticket #${ticket.number}.`);
	d.emit('ticket.edited', ticket.id, { field: 'userId', before: ticket.userId, after: user.id });
	return saveTicket(d, ticket, {
		userId: user.id,
		collaborators: ticket.collaborators.filter((id) => id !== user.id)
	});
}

export function addCollaborator(
	d: Draft,
	acting: Acting,
	c: CommandOf<'ticket.collaborator.add'>
): Ticket {
	const ticket = visibleTicket(d, acting, c.ticketId);
	// The staff ticket view offers Manage Collaborators to roles that may reply.
	permit(d, acting, ticket, 'ticket.reply');
	const user = d.get('users', c.userId);
	if (!user) refuse('not_found', `There is no user "${c.userId}".`, { field: 'userId' });
	if (user.id === ticket.userId || ticket.collaborators.includes(user.id))
		refuse('conflict', `${user.name} is already on ticket #${ticket.number}.`);
	d.emit('ticket.collab', ticket.id, { userId: user.id, action: 'added' });
	return saveTicket(d, ticket, { collaborators: [...ticket.collaborators, user.id] });
}

export function removeCollaborator(
	d: Draft,
	acting: Acting,
	c: CommandOf<'ticket.collaborator.remove'>
): Ticket {
	const ticket = visibleTicket(d, acting, c.ticketId);
	permit(d, acting, ticket, 'ticket.reply');
	const user = d.get('users', c.userId);
	if (!user || !ticket.collaborators.includes(user.id))
		refuse(
			'conflict',
			`${user?.name ?? c.userId} is not a collaborator on ticket #${ticket.number}.`,
			{
				field: 'userId'
			}
		);
	d.emit('ticket.collab', ticket.id, { userId: user.id, action: 'removed' });
	return saveTicket(d, ticket, {
		collaborators: ticket.collaborators.filter((id) => id !== user.id)
	});
}
