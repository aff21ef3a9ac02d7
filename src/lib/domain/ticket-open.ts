/**
 * Opening a ticket: by an end user in the portal, by an agent for a user (a
 * phone call, a walk-in), or by the system (a lab's pre-existing tickets).
 * Follows Ticket::create and Ticket::open (include/class.ticket.php).
 */
import { canOpenTickets, requirePermission } from './access';
import type { CommandOf } from './commands';
import type { Acting } from './context';
import { refuse } from './errors';
import {
	adminRecipient,
	alertAgents,
	nextTicketNumber,
	noticeUsers,
	refreshOverdue,
	saveTicket,
	withSlaDue
} from './lifecycle';
import { assignAtOpen } from './ticket-routing';
import { findOrCreateUser, byId, requireText, optionalText } from './ticket-support';
import { respond } from './ticket-thread';
import {
	AGENT_SOURCES,
	SOURCES,
	isPriorityId,
	type Agent,
	type EndUser,
	type Ticket
} from './types';
import { settingsOf, type Draft } from './world';

function whoseTicket(d: Draft, acting: Acting, c: CommandOf<'ticket.open'>): EndUser {
	if (acting.kind === 'user') {
		const email = c.email?.trim();
		return email && email.toLowerCase() !== acting.user.email.toLowerCase()
			? findOrCreateUser(d, acting, email, c.name)
			: acting.user;
	}
	if (c.userId) {
		const found = d.get('users', c.userId);
		if (!found) refuse('not_found', `There is no user "${c.userId}".`, { field: 'userId' });
		return found;
	}
	return findOrCreateUser(d, acting, requireText(c.email, 'email', 'Email Address'), c.name);
}

export function openTicket(d: Draft, acting: Acting, c: CommandOf<'ticket.open'>): Ticket {
	const subject = requireText(c.subject, 'subject', 'Issue Summary');
	const details = requireText(c.details, 'details', 'Issue Details');
	const settings = settingsOf(d);
	const asAgent = acting.kind === 'agent' || acting.kind === 'admin';
	const user = whoseTicket(d, acting, c);

	// Help topic: required from the portal and from an agent (Ticket::create's topicId field).
	const topics = d.all('topics').filter((t) => t.active && (asAgent || t.public));
	if (acting.kind !== 'system' && !c.topicId && topics.length > 0)
		refuse('invalid', 'Help Topic is required: choose the topic that fits the issue.', {
			field: 'topicId'
		});
	const topic = d.get('topics', c.topicId);
	if (c.topicId && !topic)
		refuse('not_found', `There is no help topic "${c.topicId}".`, { field: 'topicId' });
	if (topic && !topic.active)
		refuse('invalid', `The help topic ${topic.name} is disabled.`, { field: 'topicId' });
	if (topic && acting.kind === 'user' && !topic.public)
		refuse('invalid', `The help topic ${topic.name} is not offered to end users.`, {
			field: 'topicId'
		});

	// Source: the portal is Web; an agent picks Phone (the default), Email or Other.
	const source = acting.kind === 'user' ? 'Web' : (c.source ?? (asAgent ? 'Phone' : 'Web'));
	if (!SOURCES.includes(source))
		refuse('invalid', `Unknown ticket source "${source}".`, { field: 'source' });
	if (asAgent && !(AGENT_SOURCES as readonly string[]).includes(source))
		refuse(
			'invalid',
			`An agent opening a ticket picks Phone, Email or Other as its source, not ${source}.`,
			{ field: 'source' }
		);

	// Department, priority, SLA: explicit choice, then the topic, then the department, then the defaults.
	if (c.deptId && acting.kind === 'user')
		refuse('invalid', 'End users cannot choose a department.', { field: 'deptId' });
	const deptId =
		c.deptId ?? topic?.deptId ?? settings.defaultDeptId ?? byId(d.all('departments'))[0]?.id;
	const dept = d.get('departments', deptId);
	if (!dept)
		refuse('invalid', 'There is no department to receive the ticket.', { field: 'deptId' });
	const priority =
		(acting.kind !== 'user' ? c.priority : undefined) ??
		topic?.priority ??
		settings.defaultPriority;
	if (!isPriorityId(priority))
		refuse('invalid', `Unknown priority "${String(priority)}".`, { field: 'priority' });
	const slaId =
		acting.kind !== 'user' && c.slaId !== undefined
			? c.slaId
			: (topic?.slaId ?? dept.slaId ?? settings.defaultSlaId);
	if (slaId && !d.get('slas', slaId))
		refuse('not_found', `There is no SLA plan "${slaId}".`, { field: 'slaId' });

	if (asAgent && !canOpenTickets(d, acting.agent)) {
		const agent = acting.agent;
		const held = [{ deptId: agent.deptId, roleId: agent.roleId }, ...agent.access]
			.map(
				(a) =>
					`${d.get('roles', a.roleId)?.name ?? a.roleId} in ${d.get('departments', a.deptId)?.name ?? a.deptId}`
			)
			.join(', ');
		refuse(
			'forbidden',
			`${agent.firstName}'s roles (${held}) do not allow opening tickets (ticket.create).`,
			{ permission: 'ticket.create' }
		);
	}

	const base: Ticket = {
		id: d.nextId('t', 'tickets'),
		number: nextTicketNumber(d),
		subject,
		details,
		source,
		userId: user.id,
		collaborators: [],
		topicId: topic?.id ?? null,
		deptId: dept.id,
		priority,
		slaId: slaId ?? null,
		slaDueAt: null,
		manualDueAt: null,
		dueAt: null,
		overdue: false,
		answered: false,
		assigneeAgentId: null,
		assigneeTeamId: null,
		status: 'open',
		referrals: [],
		lastRespondentId: null,
		createdAt: d.now,
		updatedAt: d.now,
		closedAt: null,
		reopenedAt: null
	};
	let ticket = saveTicket(d, base, withSlaDue(d, base, base.slaId));
	d.emit('ticket.created', ticket.id, {
		number: ticket.number,
		subject,
		source,
		userId: user.id,
		topicId: ticket.topicId,
		deptId: dept.id,
		priority,
		slaId: ticket.slaId
	});
	d.emit('ticket.message', ticket.id, {
		body: details,
		via: asAgent ? 'agent' : 'web',
		userId: user.id
	});

	// Assignment: chosen by the agent (its note is the assignment comment), else the
	// help topic's: an agent, or else a team (the agent wins).
	const note = asAgent ? optionalText(c.note) : '';
	const agentId = asAgent || acting.kind === 'system' ? (c.assignAgentId ?? null) : null;
	const teamId = asAgent || acting.kind === 'system' ? (c.assignTeamId ?? null) : null;
	if (agentId || teamId) {
		if (asAgent) requirePermission(d, acting.agent, ticket, 'ticket.assign');
		ticket = assignAtOpen(d, ticket, agentId, agentId ? null : teamId, note);
		if (agentId && teamId) ticket = assignAtOpen(d, ticket, agentId, teamId);
	} else if (topic?.autoAssignAgentId) {
		ticket = assignAtOpen(d, ticket, topic.autoAssignAgentId, null);
	} else if (topic?.autoAssignTeamId) {
		ticket = assignAtOpen(d, ticket, null, topic.autoAssignTeamId);
	}

	// New-ticket alert (Ticket::onNewTicket): the department manager and the admin address.
	const alerted: Agent[] = [];
	const manager = d.get('agents', dept.managerId);
	if (manager?.active) alerted.push(manager);
	const admin = adminRecipient(d);
	if (admin) alerted.push(admin);
	alertAgents(d, 'ticket.alert', ticket, alerted, { message: details });

	// An agent's response goes through Post Reply (and so may claim the ticket), but is
	// e-mailed once, inside the new-ticket notice (Ticket::open).
	const response = asAgent ? optionalText(c.response) : '';
	if (asAgent && response) ticket = respond(d, acting.agent, ticket, response, null, 'all', false);
	if (asAgent && note && !agentId && !teamId)
		d.emit('ticket.note', ticket.id, {
			title: 'New Ticket',
			body: note,
			agentId: acting.agent.id,
			origin: 'new-ticket'
		});

	if (asAgent) noticeUsers(d, 'ticket.notice', ticket, { message: details, response });
	else if (acting.kind === 'user' && settings.autoRespondNewTicket)
		noticeUsers(d, 'ticket.autoresp', ticket, { message: details });
	return refreshOverdue(d, ticket);
}
