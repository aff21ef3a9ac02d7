/**
 * The ticket commands: what end users and agents do to tickets. Each handler
 * checks osTicket's rules first (visibility, the role that applies in the
 * ticket's department, the lifecycle), then writes through the Draft.
 */
import {
	assignmentProblem,
	statusPermissionProblem,
	requirePermission,
	requireVisible
} from './access';
import type { CommandOf, TicketEdit } from './commands';
import { requireAgent, type Acting } from './context';
import { refuse } from './errors';
import {
	alertAgents,
	assigneeAgents,
	changeStatus,
	nextTicketNumber,
	noticeUsers,
	refreshOverdue,
	saveTicket,
	withSlaDue
} from './lifecycle';
import {
	AGENT_SOURCES,
	SOURCES,
	agentName,
	isPriorityId,
	isStatusId,
	stateOf,
	statusOf,
	type Agent,
	type EndUser,
	type Id,
	type Ticket
} from './types';
import type { Draft } from './world';

// ---------------------------------------------------------------- helpers

/** Rows in id order: nothing may depend on the order a table was stored or loaded in. */
function byId<T extends { id: Id }>(rows: T[]): T[] {
	return [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function requireText(value: string | undefined, field: string, label: string): string {
	if (value !== undefined && value !== null && typeof value !== 'string')
		refuse('invalid', `${label} must be text.`, { field });
	const text = (value ?? '').trim();
	if (!text) refuse('invalid', `${label} is required.`, { field });
	return text;
}

function loadTicket(d: Draft, id: Id): Ticket {
	const ticket = d.get('tickets', id);
	if (!ticket) refuse('not_found', `There is no ticket "${id}".`);
	if (ticket.status === 'deleted')
		refuse('not_found', `Ticket #${ticket.number} has been deleted.`);
	return ticket;
}

function isUsersTicket(user: EndUser, ticket: Ticket): boolean {
	return ticket.userId === user.id || ticket.collaborators.includes(user.id);
}

/** The ticket, if the acting user or agent may see it; refuses otherwise. */
function visibleTicket(d: Draft, acting: Acting, id: Id): Ticket {
	const ticket = loadTicket(d, id);
	if (acting.kind === 'user' && !isUsersTicket(acting.user, ticket))
		refuse(
			'hidden',
			`Access denied. Ticket #${ticket.number} belongs to someone else, and ${acting.user.name} is not copied on it.`
		);
	if (acting.kind === 'agent' || acting.kind === 'admin') requireVisible(d, acting.agent, ticket);
	return ticket;
}

/** Checks a permission for agents; the system (scenario set-up) is trusted. */
function permit(
	d: Draft,
	acting: Acting,
	ticket: Ticket,
	permission: Parameters<typeof requirePermission>[3]
): void {
	if (acting.kind === 'system') return;
	const agent = requireAgent(acting, `${permissionVerb(permission)}`);
	requirePermission(d, agent, ticket, permission);
}

function permissionVerb(permission: string): string {
	return permission.replace('ticket.', '') + ' tickets';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function findUserByEmail(d: Draft, email: string): EndUser | undefined {
	const wanted = email.trim().toLowerCase();
	return d.all('users').find((u) => u.email.toLowerCase() === wanted);
}

/** An existing user by e-mail, or a new one (needs a name, and for agents the user.create permission). */
function findOrCreateUser(
	d: Draft,
	acting: Acting,
	email: string,
	name: string | undefined
): EndUser {
	const address = email.trim();
	if (!EMAIL.test(address))
		refuse('invalid', `"${address}" is not a valid e-mail address.`, { field: 'email' });
	const existing = findUserByEmail(d, address);
	if (existing) return existing;
	const fullName = requireText(name, 'name', 'Full Name');
	if (
		(acting.kind === 'agent' || acting.kind === 'admin') &&
		!acting.agent.permissions.includes('user.create')
	)
		refuse(
			'forbidden',
			`There is no user with the e-mail ${address}, and ${agentName(acting.agent)} may not create users (user.create).`,
			{ permission: 'user.create' }
		);
	const user: EndUser = { id: d.nextId('u', 'users'), name: fullName, email: address };
	d.put('users', user);
	d.emit('user.created', null, { userId: user.id, name: user.name, email: user.email });
	return user;
}

function describeAssignee(d: Draft, agentId: Id | null, teamId: Id | null): string {
	const agent = d.get('agents', agentId);
	const team = d.get('teams', teamId);
	return (
		[agent ? agentName(agent) : null, team?.name ?? null].filter(Boolean).join(' / ') || 'nobody'
	);
}

/** Assign to an agent and/or a team, logging and alerting; shared by open, assign and claim. */
function assign(
	d: Draft,
	ticket: Ticket,
	agentId: Id | null,
	teamId: Id | null,
	claimed: boolean,
	comment = ''
): Ticket {
	const saved = saveTicket(d, ticket, { assigneeAgentId: agentId, assigneeTeamId: teamId });
	d.emit('ticket.assigned', ticket.id, {
		agentId,
		teamId,
		claimed,
		previousAgentId: ticket.assigneeAgentId,
		previousTeamId: ticket.assigneeTeamId,
		comment
	});
	const newAgent = agentId !== ticket.assigneeAgentId ? agentId : null;
	const newTeam = teamId !== ticket.assigneeTeamId ? teamId : null;
	const assigner = d.actor.role === 'system' ? 'the system' : describeActor(d);
	alertAgents(d, 'assigned.alert', saved, assigneeAgents(d, newAgent, newTeam), {
		assignee: describeAssignee(d, newAgent, newTeam),
		assigner,
		comments: comment
	});
	return saved;
}

function describeActor(d: Draft): string {
	const actor = d.actor;
	if (actor.role === 'agent' || actor.role === 'admin') {
		const agent = d.get('agents', actor.id);
		return agent ? agentName(agent) : actor.id;
	}
	if (actor.role === 'end-user') return d.get('users', actor.id)?.name ?? actor.id;
	return 'the system';
}

function validateAssignees(d: Draft, ticket: Ticket, agentId: Id | null, teamId: Id | null): void {
	if (agentId) {
		const agent = d.get('agents', agentId);
		if (!agent) refuse('not_found', `There is no agent "${agentId}".`, { field: 'agentId' });
		const problem = assignmentProblem(d, ticket, agent);
		if (problem) refuse('invalid', problem, { field: 'agentId' });
	}
	if (teamId && !d.get('teams', teamId))
		refuse('not_found', `There is no team "${teamId}".`, { field: 'teamId' });
}

// ---------------------------------------------------------------- open

export function openTicket(d: Draft, acting: Acting, c: CommandOf<'ticket.open'>): Ticket {
	const subject = requireText(c.subject, 'subject', 'Issue Summary');
	const details = requireText(c.details, 'details', 'Issue Details');
	const settings = d.meta.settings;
	const asAgent = acting.kind === 'agent' || acting.kind === 'admin';

	// Whose ticket it is.
	let user: EndUser;
	if (acting.kind === 'user') {
		const email = c.email?.trim();
		user =
			email && email.toLowerCase() !== acting.user.email.toLowerCase()
				? findOrCreateUser(d, acting, email, c.name)
				: acting.user;
	} else if (c.userId) {
		const found = d.get('users', c.userId);
		if (!found) refuse('not_found', `There is no user "${c.userId}".`, { field: 'userId' });
		user = found;
	} else {
		user = findOrCreateUser(d, acting, requireText(c.email, 'email', 'Email Address'), c.name);
	}

	// Help topic: end users choose among public, active topics.
	const publicTopics = d.all('topics').filter((t) => t.public && t.active);
	if (acting.kind === 'user' && !c.topicId && publicTopics.length > 0)
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

	// Source.
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

	if (asAgent) {
		const agent = acting.agent;
		const held = [{ deptId: agent.deptId, roleId: agent.roleId }, ...agent.access];
		if (!held.some((a) => d.get('roles', a.roleId)?.permissions.includes('ticket.create'))) {
			const list = held
				.map(
					(a) =>
						`${d.get('roles', a.roleId)?.name ?? a.roleId} in ${d.get('departments', a.deptId)?.name ?? a.deptId}`
				)
				.join(', ');
			refuse(
				'forbidden',
				`${agent.firstName}'s roles (${list}) do not allow opening tickets (ticket.create).`,
				{
					permission: 'ticket.create'
				}
			);
		}
	}

	const id = d.nextId('t', 'tickets');
	const base: Ticket = {
		id,
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
	d.emit('ticket.created', id, {
		number: ticket.number,
		subject,
		source,
		userId: user.id,
		topicId: ticket.topicId,
		deptId: dept.id,
		priority,
		slaId: ticket.slaId
	});
	d.emit('ticket.message', id, { body: details, via: asAgent ? 'agent' : 'web', userId: user.id });

	noticeUsers(d, asAgent ? 'ticket.notice' : 'ticket.autoresp', ticket, { message: details });
	const alerted: Agent[] = [];
	const manager = d.get('agents', dept.managerId);
	if (manager?.active) alerted.push(manager);
	if (settings.alertAdmins)
		alerted.push(...byId(d.all('agents')).filter((a) => a.isAdmin && a.active));
	alertAgents(d, 'ticket.alert', ticket, alerted, { message: details });

	// Assignment: chosen by the agent, else the help topic's auto-assignment.
	const agentId = asAgent || acting.kind === 'system' ? (c.assignAgentId ?? null) : null;
	const teamId = asAgent || acting.kind === 'system' ? (c.assignTeamId ?? null) : null;
	if (agentId || teamId) {
		if (asAgent) requirePermission(d, acting.agent, ticket, 'ticket.assign');
		validateAssignees(d, ticket, agentId, teamId);
		ticket = assign(d, ticket, agentId, teamId, false);
	} else if (topic && (topic.autoAssignAgentId || topic.autoAssignTeamId)) {
		ticket = assign(d, ticket, topic.autoAssignAgentId, topic.autoAssignTeamId, false);
	}

	if (asAgent && c.response?.trim())
		ticket = respond(d, acting.agent, ticket, c.response.trim(), null);
	if (asAgent && c.note?.trim())
		d.emit('ticket.note', id, {
			title: 'Internal Note',
			body: c.note.trim(),
			agentId: acting.agent.id
		});
	return refreshOverdue(d, ticket);
}

// ---------------------------------------------------------------- thread

export function viewTicket(d: Draft, acting: Acting, c: CommandOf<'ticket.view'>): Ticket {
	return visibleTicket(d, acting, c.ticketId);
}

/** Post Reply: the response, then the status chosen in the same action, then the user's copy. */
function respond(
	d: Draft,
	agent: Agent,
	ticket: Ticket,
	body: string,
	status: Ticket['status'] | null
): Ticket {
	d.emit('ticket.response', ticket.id, { body, agentId: agent.id, status });
	let saved = saveTicket(d, ticket, { answered: true, lastRespondentId: agent.id });
	if (status) saved = changeStatus(d, saved, status);
	// Written after the status change, so the e-mail states the new status.
	noticeUsers(d, 'ticket.reply', saved, { response: body });
	return saved;
}

/** An end user's message (portal or e-mail): reopens a closed ticket, alerts the assignee. */
function userMessage(
	d: Draft,
	user: EndUser,
	ticket: Ticket,
	body: string,
	via: 'web' | 'email'
): Ticket {
	const state = stateOf(ticket);
	if (state === 'archived')
		refuse('conflict', `Ticket #${ticket.number} is archived and can no longer be replied to.`);
	let current = ticket;
	if (state === 'closed') current = changeStatus(d, current, 'open');
	d.emit('ticket.message', ticket.id, { body, via, userId: user.id });
	current = saveTicket(d, current, { answered: false });
	const to = assigneeAgents(d, current.assigneeAgentId, current.assigneeTeamId);
	const last = d.get('agents', current.lastRespondentId);
	if (last) to.push(last);
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
	if (status) checkStatusPermission(d, agent, ticket, status);
	if (stateOf(ticket) === 'archived') refuse('conflict', `Ticket #${ticket.number} is archived.`);
	return respond(d, agent, ticket, body, status);
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

export function postNote(d: Draft, acting: Acting, c: CommandOf<'ticket.note'>): Ticket {
	const agent = acting.kind === 'system' ? null : requireAgent(acting, 'post internal notes');
	const body = requireText(c.body, 'body', 'The note');
	const ticket = visibleTicket(d, acting, c.ticketId);
	// Internal notes need no permission beyond seeing the ticket (osTicket).
	d.emit('ticket.note', ticket.id, {
		title: c.title?.trim() || 'Internal Note',
		body,
		agentId: agent?.id ?? null
	});
	return saveTicket(d, ticket, {});
}

// ---------------------------------------------------------------- assignment

function requireOpen(ticket: Ticket, action: string): void {
	if (stateOf(ticket) !== 'open')
		refuse(
			'conflict',
			`Ticket #${ticket.number} is ${statusOf(ticket.status).name}; reopen it before you ${action} it.`
		);
}

export function assignTicket(d: Draft, acting: Acting, c: CommandOf<'ticket.assign'>): Ticket {
	const ticket = visibleTicket(d, acting, c.ticketId);
	permit(d, acting, ticket, 'ticket.assign');
	requireOpen(ticket, 'assign');
	const agentId = c.agentId === undefined ? ticket.assigneeAgentId : c.agentId;
	const teamId = c.teamId === undefined ? ticket.assigneeTeamId : c.teamId;
	if (!c.agentId && !c.teamId)
		refuse('invalid', 'Choose an agent or a team to assign the ticket to.', { field: 'agentId' });
	if (agentId === ticket.assigneeAgentId && teamId === ticket.assigneeTeamId)
		refuse(
			'conflict',
			`Ticket #${ticket.number} is already assigned to ${describeAssignee(d, agentId, teamId)}.`
		);
	validateAssignees(d, ticket, c.agentId ?? null, c.teamId ?? null);
	return assign(d, ticket, agentId, teamId, false, c.comment?.trim() ?? '');
}

export function claimTicket(d: Draft, acting: Acting, c: CommandOf<'ticket.claim'>): Ticket {
	const agent = requireAgent(acting, 'claim tickets');
	const ticket = visibleTicket(d, acting, c.ticketId);
	requirePermission(d, agent, ticket, 'ticket.assign');
	requireOpen(ticket, 'claim');
	if (ticket.assigneeAgentId === agent.id)
		refuse('conflict', `Ticket #${ticket.number} is already assigned to ${agentName(agent)}.`);
	const current = d.get('agents', ticket.assigneeAgentId);
	if (current)
		refuse(
			'conflict',
			`Ticket #${ticket.number} is assigned to ${agentName(current)}; only an unassigned ticket can be claimed.`
		);
	const problem = assignmentProblem(d, ticket, agent);
	if (problem) refuse('invalid', problem);
	return assign(d, ticket, agent.id, ticket.assigneeTeamId, true);
}

export function releaseTicket(d: Draft, acting: Acting, c: CommandOf<'ticket.release'>): Ticket {
	const ticket = visibleTicket(d, acting, c.ticketId);
	permit(d, acting, ticket, 'ticket.release');
	if (!ticket.assigneeAgentId && !ticket.assigneeTeamId)
		refuse('conflict', `Ticket #${ticket.number} is not assigned to anyone.`);
	d.emit('ticket.released', ticket.id, {
		agentId: ticket.assigneeAgentId,
		teamId: ticket.assigneeTeamId
	});
	return saveTicket(d, ticket, { assigneeAgentId: null, assigneeTeamId: null });
}

export function transferTicket(d: Draft, acting: Acting, c: CommandOf<'ticket.transfer'>): Ticket {
	const ticket = visibleTicket(d, acting, c.ticketId);
	permit(d, acting, ticket, 'ticket.transfer');
	const dept = d.get('departments', c.deptId);
	if (!dept) refuse('not_found', `There is no department "${c.deptId}".`, { field: 'deptId' });
	if (dept.id === ticket.deptId)
		refuse('conflict', `Ticket #${ticket.number} is already in ${dept.name}.`);
	d.emit('ticket.transferred', ticket.id, {
		from: ticket.deptId,
		to: dept.id,
		comment: c.comment?.trim() ?? ''
	});
	return saveTicket(d, ticket, { deptId: dept.id });
}

export function referTicket(d: Draft, acting: Acting, c: CommandOf<'ticket.refer'>): Ticket {
	const ticket = visibleTicket(d, acting, c.ticketId);
	permit(d, acting, ticket, 'ticket.refer');
	const table = c.to.kind === 'agent' ? 'agents' : c.to.kind === 'team' ? 'teams' : 'departments';
	if (!d.get(table, c.to.id))
		refuse('not_found', `There is no ${c.to.kind} "${c.to.id}".`, { field: 'to' });
	if (ticket.referrals.some((r) => r.kind === c.to.kind && r.id === c.to.id))
		refuse('conflict', `Ticket #${ticket.number} is already referred there.`);
	d.emit('ticket.referred', ticket.id, { to: { ...c.to }, comment: c.comment?.trim() ?? '' });
	return saveTicket(d, ticket, { referrals: [...ticket.referrals, { ...c.to }] });
}

// ---------------------------------------------------------------- edit

export function editTicket(d: Draft, acting: Acting, c: CommandOf<'ticket.edit'>): Ticket {
	const ticket = visibleTicket(d, acting, c.ticketId);
	permit(d, acting, ticket, 'ticket.edit');
	const changes: TicketEdit = c.changes ?? {};
	let current = ticket;
	let changed = false;
	const log = (
		field: Parameters<typeof d.emit<'ticket.edited'>>[2]['field'],
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
		const topic = d.get('topics', changes.topicId);
		if (changes.topicId !== null && !topic)
			refuse('not_found', `There is no help topic "${changes.topicId}".`, { field: 'topicId' });
		// Changing the topic never moves the ticket: that is a Transfer (osTicket).
		if (log('topicId', current.topicId, changes.topicId))
			current = saveTicket(d, current, { topicId: changes.topicId });
	}
	if (changes.dueAt !== undefined) {
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
	return refreshOverdue(d, current);
}

// ---------------------------------------------------------------- status

function checkStatusPermission(d: Draft, agent: Agent, ticket: Ticket, to: Ticket['status']): void {
	if (!isStatusId(to)) refuse('invalid', `Unknown status "${String(to)}".`, { field: 'status' });
	requireVisible(d, agent, ticket);
	const missing = statusPermissionProblem(d, agent, ticket, to);
	if (missing) refuse('forbidden', missing.message, { permission: missing.permission });
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
	if (c.comment?.trim())
		d.emit('ticket.note', ticket.id, {
			title: `Status changed to ${statusOf(changed.status).name}`,
			body: c.comment.trim(),
			agentId: acting.kind === 'system' ? null : acting.agent.id
		});
	return changed;
}

export function addCollaborator(
	d: Draft,
	acting: Acting,
	c: CommandOf<'ticket.collaborator.add'>
): Ticket {
	const ticket = visibleTicket(d, acting, c.ticketId);
	permit(d, acting, ticket, 'ticket.edit');
	const user = d.get('users', c.userId);
	if (!user) refuse('not_found', `There is no user "${c.userId}".`, { field: 'userId' });
	if (user.id === ticket.userId || ticket.collaborators.includes(user.id))
		refuse('conflict', `${user.name} is already on ticket #${ticket.number}.`);
	d.emit('ticket.collab', ticket.id, { userId: user.id, action: 'added' });
	return saveTicket(d, ticket, { collaborators: [...ticket.collaborators, user.id] });
}
