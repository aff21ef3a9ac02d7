/**
 * The thread: opening a ticket to look at it, Post Reply, an end user's
 * message (portal or e-mail), Post Internal Note, Mark as Answered
 * (include/class.ticket.php: Ticket::postReply, Ticket::postMessage,
 * Ticket::postNote, Ticket::markAnswered).
 */
import { requirePermission, statusPermissionProblem, requireVisible } from './access';
import type { CommandOf } from './commands';
import { requireAgent, type Acting } from './context';
import { refuse } from './errors';
import {
	alertAgents,
	assigneeAgents,
	changeStatus,
	noticeUsers,
	refreshOverdue,
	saveTicket,
	type ReplyTo
} from './lifecycle';
import { actionNote } from './ticket-routing';
import { isUsersTicket, loadTicket, requireText, visibleTicket } from './ticket-support';
import {
	isStatusId,
	stateOf,
	statusOf,
	type Agent,
	type EndUser,
	type StatusId,
	type Ticket
} from './types';
import { settingsOf, type Draft } from './world';

export function viewTicket(d: Draft, acting: Acting, c: CommandOf<'ticket.view'>): Ticket {
	return visibleTicket(d, acting, c.ticketId);
}

/**
 * The status chosen on Post Reply or Post Internal Note: only open- and
 * closed-state statuses are offered there (never Archived or Deleted), and
 * the agent's role must allow it.
 */
export function checkFormStatus(d: Draft, agent: Agent, ticket: Ticket, to: StatusId): void {
	if (!isStatusId(to)) refuse('invalid', `Unknown status "${String(to)}".`, { field: 'status' });
	const state = statusOf(to).state;
	if (state !== 'open' && state !== 'closed')
		refuse(
			'invalid',
			`${statusOf(to).name} is not offered with a reply or a note; it is set from the ticket's status menu.`,
			{ field: 'status' }
		);
	checkStatusPermission(d, agent, ticket, to);
}

export function checkStatusPermission(d: Draft, agent: Agent, ticket: Ticket, to: StatusId): void {
	if (!isStatusId(to)) refuse('invalid', `Unknown status "${String(to)}".`, { field: 'status' });
	requireVisible(d, agent, ticket);
	const missing = statusPermissionProblem(d, agent, ticket, to);
	if (missing) refuse('forbidden', missing.message, { permission: missing.permission });
}

/**
 * Ticket::postReply: the response, then the status chosen in the same action
 * (closing makes the closer the ticket's agent), then, with auto_claim_tickets
 * on, an open ticket no agent holds is assigned to the replying agent (the
 * thread shows no event for it; the response records that it claimed), then
 * the user's copy, unless "Do Not Email Reply".
 */
export function respond(
	d: Draft,
	agent: Agent,
	ticket: Ticket,
	body: string,
	status: StatusId | null,
	replyTo: ReplyTo = 'all',
	mail = true
): Ticket {
	const response = d.emit('ticket.response', ticket.id, {
		body,
		agentId: agent.id,
		status,
		claimed: false,
		dueAt: ticket.dueAt
	});
	let saved = saveTicket(d, ticket, { answered: true, lastRespondentId: agent.id });
	if (status) saved = changeStatus(d, saved, status);
	if (settingsOf(d).autoClaimTickets && stateOf(saved) === 'open' && !saved.assigneeAgentId) {
		saved = saveTicket(d, saved, { assigneeAgentId: agent.id });
		if (response.type === 'ticket.response') response.data.claimed = true;
	}
	// Written after the status change, so the e-mail states the new status.
	if (mail) noticeUsers(d, 'ticket.reply', saved, { response: body }, replyTo);
	return saved;
}

/**
 * Ticket::postMessage and onMessage: the end user's message reopens a closed
 * ticket and makes it unanswered; the last respondent and the assigned agent
 * (or, without one, the assigned team's members) are alerted.
 */
export function userMessage(
	d: Draft,
	user: EndUser,
	ticket: Ticket,
	body: string,
	via: 'web' | 'email'
): Ticket {
	const state = stateOf(ticket);
	if (state === 'archived')
		refuse('conflict', `Ticket #${ticket.number} is archived and can no longer be replied to.`);
	d.emit('ticket.message', ticket.id, { body, via, userId: user.id });
	let current = saveTicket(d, ticket, { answered: false });
	if (state === 'closed') current = changeStatus(d, current, 'open');
	const to = [...assigneeAgents(d, current.assigneeAgentId, current.assigneeTeamId)];
	const last = d.get('agents', current.lastRespondentId);
	if (last?.active) to.unshift(last);
	alertAgents(d, 'message.alert', current, to, { message: body });
	return refreshOverdue(d, current);
}

export function replyToTicket(d: Draft, acting: Acting, c: CommandOf<'ticket.reply'>): Ticket {
	const body = requireText(c.body, 'body', 'The reply');
	const ticket = visibleTicket(d, acting, c.ticketId);
	if (acting.kind === 'user') {
		if (c.status)
			refuse('forbidden', "End users cannot change a ticket's status; only agents can.");
		return userMessage(d, acting.user, ticket, body, 'web');
	}
	const agent = requireAgent(acting, 'post replies');
	requirePermission(d, agent, ticket, 'ticket.reply');
	const status = c.status && c.status !== ticket.status ? c.status : null;
	if (status) checkFormStatus(d, agent, ticket, status);
	if (stateOf(ticket) === 'archived') refuse('conflict', `Ticket #${ticket.number} is archived.`);
	const replyTo = c.replyTo ?? 'all';
	if (!['all', 'user', 'none'].includes(replyTo))
		refuse('invalid', `Reply To is "all", "user" or "none", not "${String(replyTo)}".`, {
			field: 'replyTo'
		});
	return respond(d, agent, ticket, body, status, replyTo);
}

export function replyByMail(d: Draft, acting: Acting, c: CommandOf<'mail.reply'>): Ticket {
	if (acting.kind !== 'user')
		refuse(
			'forbidden',
			'Only end users reply to ticket e-mail; agents post replies in the ticket.'
		);
	const body = requireText(c.body, 'body', 'The reply');
	const mail = d.world.mails.find((m) => m.id === c.mailId);
	if (!mail) refuse('not_found', `There is no e-mail "${c.mailId}".`);
	if (mail.to.kind !== 'user' || mail.to.id !== acting.user.id)
		refuse('forbidden', `That e-mail was not sent to ${acting.user.name}.`);
	const ticket = loadTicket(d, mail.ticketId);
	if (!isUsersTicket(acting.user, ticket))
		refuse('forbidden', `${acting.user.name} is no longer on ticket #${ticket.number}.`);
	return userMessage(d, acting.user, ticket, body, 'email');
}

/** Post Internal Note: needs no permission beyond seeing the ticket; its Ticket Status is checked as on Post Reply. */
export function postNote(d: Draft, acting: Acting, c: CommandOf<'ticket.note'>): Ticket {
	const agent = acting.kind === 'system' ? null : requireAgent(acting, 'post internal notes');
	const body = requireText(c.body, 'body', 'The note');
	const ticket = visibleTicket(d, acting, c.ticketId);
	const status = c.status && c.status !== ticket.status ? c.status : null;
	if (status && agent) checkFormStatus(d, agent, ticket, status);
	d.emit('ticket.note', ticket.id, {
		title: c.title?.trim() || 'Internal Note',
		body,
		agentId: agent?.id ?? null,
		origin: 'note'
	});
	const saved = saveTicket(d, ticket, {});
	return status ? changeStatus(d, saved, status) : saved;
}

/**
 * Mark as Answered / Unanswered (ajax.tickets.php markAs): the answered flag
 * by hand, for an agent whose role allows it or the department's manager.
 */
export function markAnswered(
	d: Draft,
	acting: Acting,
	c: CommandOf<'ticket.markanswered'>
): Ticket {
	const ticket = visibleTicket(d, acting, c.ticketId);
	if (acting.kind !== 'system') {
		const agent = requireAgent(acting, 'mark tickets answered');
		const manager = d.get('departments', ticket.deptId)?.managerId === agent.id;
		if (!manager) requirePermission(d, agent, ticket, 'ticket.markanswered');
	}
	if (stateOf(ticket) !== 'open')
		refuse(
			'conflict',
			`Ticket #${ticket.number} is closed; only an open ticket is marked answered or not.`
		);
	const answered = c.answered !== false;
	if (ticket.answered === answered)
		refuse(
			'conflict',
			`Ticket #${ticket.number} is already marked as ${answered ? 'answered' : 'unanswered'}.`
		);
	d.emit('ticket.edited', ticket.id, {
		field: 'answered',
		before: ticket.answered ? 1 : 0,
		after: answered ? 1 : 0
	});
	const saved = saveTicket(d, ticket, { answered });
	actionNote(
		d,
		saved,
		`Ticket Marked ${answered ? 'Answered' : 'Unanswered'}`,
		c.comment?.trim() ?? '',
		'answered'
	);
	return saved;
}
