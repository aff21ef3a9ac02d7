/**
 * Who holds a ticket: assign, claim, release, transfer and refer, with
 * osTicket's side effects (include/class.ticket.php: Ticket::assign,
 * Ticket::onAssign, Ticket::unassign, Ticket::transfer, Ticket::refer).
 */
import { assignmentProblem, requirePermission } from './access';
import type { CommandOf } from './commands';
import { requireAgent, type Acting } from './context';
import { refuse } from './errors';
import { alertAgents, changeStatus, saveTicket, withSlaDue } from './lifecycle';
import { nameVars } from './mail';
import {
	actingAgentId,
	describeActor,
	describeAssignee,
	optionalText,
	permit,
	requireOpen,
	visibleTicket
} from './ticket-support';
import { agentName, stateOf, type Id, type Referral, type Ticket } from './types';
import type { Draft } from './world';

/** An internal note the system writes for an action (an assignment or transfer comment). */
export function actionNote(
	d: Draft,
	ticket: Ticket,
	title: string,
	body: string,
	origin: 'assignment' | 'transfer' | 'status' | 'answered' | 'new-ticket'
): void {
	if (!body) return;
	d.emit('ticket.note', ticket.id, { title, body, agentId: actingAgentId(d), origin });
}

function withoutReferral(ticket: Ticket, kind: Referral['kind'], id: Id | null): Referral[] {
	return ticket.referrals.filter((r) => !(r.kind === kind && r.id === id));
}

/**
 * Assign to an agent and/or a team, as Ticket::assign and onAssign do: the
 * assignee's referral is dropped (they hold it now), a comment is posted as an
 * internal note, and the agent is alerted (not on a claim; team alerts are
 * off in a fresh install). Shared by open, assign and claim.
 */
export function assign(
	d: Draft,
	ticket: Ticket,
	agentId: Id | null,
	teamId: Id | null,
	claimed: boolean,
	comment = ''
): Ticket {
	let referrals = ticket.referrals;
	if (agentId) referrals = withoutReferral({ ...ticket, referrals }, 'agent', agentId);
	if (teamId) referrals = withoutReferral({ ...ticket, referrals }, 'team', teamId);
	const saved = saveTicket(d, ticket, {
		assigneeAgentId: agentId,
		assigneeTeamId: teamId,
		referrals
	});
	d.emit('ticket.assigned', ticket.id, {
		agentId,
		teamId,
		claimed,
		previousAgentId: ticket.assigneeAgentId,
		previousTeamId: ticket.assigneeTeamId,
		comment
	});
	const named = describeAssignee(d, agentId, teamId);
	actionNote(
		d,
		saved,
		claimed ? `Ticket claimed by ${describeActor(d)}` : `Ticket Assigned to ${named}`,
		comment,
		'assignment'
	);
	const newAgent = agentId !== ticket.assigneeAgentId ? d.get('agents', agentId) : undefined;
	if (newAgent && !claimed)
		alertAgents(d, 'assigned.alert', saved, [newAgent], {
			assignee: { name: nameVars(agentName(newAgent)) },
			assigner: { name: nameVars(describeActor(d)) },
			comments: comment
		});
	return saved;
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

/** Assignment chosen when a ticket is opened (by an agent, or the help topic's auto-assignment). */
export function assignAtOpen(
	d: Draft,
	ticket: Ticket,
	agentId: Id | null,
	teamId: Id | null,
	comment = ''
): Ticket {
	validateAssignees(d, ticket, agentId, teamId);
	return assign(d, ticket, agentId, teamId, false, comment);
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
	const self = !!c.agentId && c.agentId === actingAgentId(d);
	return assign(d, ticket, agentId, teamId, self, optionalText(c.comment));
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

/** Ticket::unassign: only an open ticket can be released. */
export function releaseTicket(d: Draft, acting: Acting, c: CommandOf<'ticket.release'>): Ticket {
	const ticket = visibleTicket(d, acting, c.ticketId);
	permit(d, acting, ticket, 'ticket.release');
	if (!ticket.assigneeAgentId && !ticket.assigneeTeamId)
		refuse('conflict', `Ticket #${ticket.number} is not assigned to anyone.`);
	requireOpen(ticket, 'release');
	d.emit('ticket.released', ticket.id, {
		agentId: ticket.assigneeAgentId,
		teamId: ticket.assigneeTeamId
	});
	return saveTicket(d, ticket, { assigneeAgentId: null, assigneeTeamId: null });
}

/**
 * Ticket::transfer: the department changes; an agent the new department does
 * not accept (members only) is unassigned; a closed ticket is reopened; a
 * transient plan, or no plan, gives way to the new department's SLA; any
 * referral to that department is dropped; the comment is posted as an
 * internal note; "Maintain referral access" refers the old department.
 */
export function transferTicket(d: Draft, acting: Acting, c: CommandOf<'ticket.transfer'>): Ticket {
	const ticket = visibleTicket(d, acting, c.ticketId);
	permit(d, acting, ticket, 'ticket.transfer');
	const dept = d.get('departments', c.deptId);
	if (!dept) refuse('not_found', `There is no department "${c.deptId}".`, { field: 'deptId' });
	const from = d.get('departments', ticket.deptId);
	if (dept.id === ticket.deptId)
		refuse('conflict', `Ticket #${ticket.number} is already in ${dept.name}.`);
	let moved = saveTicket(d, ticket, { deptId: dept.id });
	const agent = d.get('agents', moved.assigneeAgentId);
	if (agent && dept.assignment !== 'anyone' && assignmentProblem(d, moved, agent))
		moved = saveTicket(d, moved, { assigneeAgentId: null });
	if (stateOf(moved) !== 'open') moved = changeStatus(d, moved, 'open');
	const sla = d.get('slas', moved.slaId);
	if ((!sla || sla.transient) && dept.slaId && dept.slaId !== moved.slaId)
		moved = saveTicket(d, moved, withSlaDue(d, moved, dept.slaId));
	d.emit('ticket.transferred', ticket.id, {
		from: ticket.deptId,
		to: dept.id,
		comment: optionalText(c.comment)
	});
	let referrals = withoutReferral(moved, 'department', dept.id);
	if (c.refer && from && !referrals.some((r) => r.kind === 'department' && r.id === from.id))
		referrals = [...referrals, { kind: 'department', id: from.id }];
	moved = saveTicket(d, moved, { referrals });
	actionNote(
		d,
		moved,
		`Ticket transferred from ${from?.name ?? ticket.deptId} to ${dept.name}`,
		optionalText(c.comment),
		'transfer'
	);
	return moved;
}

/** Ticket::refer: needs ticket.assign; not to the department the ticket is in, nor to whom it is assigned. */
export function referTicket(d: Draft, acting: Acting, c: CommandOf<'ticket.refer'>): Ticket {
	const ticket = visibleTicket(d, acting, c.ticketId);
	permit(d, acting, ticket, 'ticket.assign');
	const table = c.to.kind === 'agent' ? 'agents' : c.to.kind === 'team' ? 'teams' : 'departments';
	if (!d.get(table, c.to.id))
		refuse('not_found', `There is no ${c.to.kind} "${c.to.id}".`, { field: 'to' });
	if (c.to.kind === 'department' && c.to.id === ticket.deptId)
		refuse('conflict', `Ticket #${ticket.number} is already in that department.`, { field: 'to' });
	if (
		(c.to.kind === 'agent' && c.to.id === ticket.assigneeAgentId) ||
		(c.to.kind === 'team' && c.to.id === ticket.assigneeTeamId)
	)
		refuse('conflict', `Ticket #${ticket.number} is assigned to them already.`, { field: 'to' });
	if (ticket.referrals.some((r) => r.kind === c.to.kind && r.id === c.to.id))
		refuse('conflict', `Ticket #${ticket.number} is already referred there.`);
	d.emit('ticket.referred', ticket.id, { to: { ...c.to }, comment: optionalText(c.comment) });
	return saveTicket(d, ticket, { referrals: [...ticket.referrals, { ...c.to }] });
}
