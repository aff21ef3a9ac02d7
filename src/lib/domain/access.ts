/**
 * Who may see a ticket and which role applies to it: osTicket's visibility
 * rule and Staff::getRole, with explanations a trainee can read. Everything
 * that decides access lives here, so the panels and the engine agree.
 */
import { CREATE_ONLY_ROLE } from './roles';
import { refuse } from './errors';
import { reachableStatuses } from './status-machine';
import type { Reader } from './world';
import {
	PERMISSION_LABELS,
	stateOf,
	statusOf,
	type Agent,
	type Department,
	type Id,
	type Role,
	type RolePermission,
	type StatusId,
	type Ticket
} from './types';
import { agentName } from './types';

export type Visibility =
	| { visible: true; via: 'department' | 'assigned' | 'referred' }
	| { visible: false; reason: string };

export interface AppliedRole {
	role: Role;
	/** Why this role applies: the agent's role in the ticket's department, the primary role because the ticket is assigned to them, or none. */
	via: 'department' | 'assigned' | 'none';
}

const pronouns = {
	he: { obj: 'him', poss: 'his' },
	she: { obj: 'her', poss: 'her' },
	they: { obj: 'them', poss: 'their' }
} as const;

export function pronounsOf(agent: Agent) {
	return pronouns[agent.pronoun] ?? pronouns.they;
}

/** Teams the agent is a member of. */
export function teamsOf(r: Reader, agentId: Id): Id[] {
	return r
		.all('teams')
		.filter((team) => team.members.includes(agentId))
		.map((team) => team.id);
}

/** The department and its ancestors, nearest first (access to a parent covers sub-departments). */
export function deptLineage(r: Reader, deptId: Id): Department[] {
	const lineage: Department[] = [];
	let dept = r.get('departments', deptId);
	while (dept && !lineage.includes(dept)) {
		lineage.push(dept);
		dept = r.get('departments', dept.parentId);
	}
	return lineage;
}

/** The role an agent holds in a department itself (primary or extended), not inherited. */
function directRoleId(agent: Agent, dept: Department): Id | null {
	if (agent.deptId === dept.id) return agent.roleId;
	return agent.access.find((a) => a.deptId === dept.id)?.roleId ?? null;
}

/**
 * The agent's role id in exactly this department, or null. A sub-department
 * does not inherit its parent's role (Staff::getRoles keys roles by the
 * department itself), although access to a parent does show its tickets.
 */
export function roleIdInDept(r: Reader, agent: Agent, deptId: Id): Id | null {
	const dept = r.get('departments', deptId);
	return dept ? directRoleId(agent, dept) : null;
}

/** Whether the department (or a parent) is one of the agent's: primary, extended access, or managed. */
export function hasDeptAccess(r: Reader, agent: Agent, deptId: Id): boolean {
	return deptLineage(r, deptId).some(
		(dept) => directRoleId(agent, dept) !== null || dept.managerId === agent.id
	);
}

/** Ticket::isAssigned($staff): an open ticket assigned to the agent or one of their teams. */
export function isAssignedTo(r: Reader, agent: Agent, ticket: Ticket): boolean {
	if (stateOf(ticket) !== 'open') return false;
	if (ticket.assigneeAgentId === agent.id) return true;
	return ticket.assigneeTeamId !== null && teamsOf(r, agent.id).includes(ticket.assigneeTeamId);
}

/** Staff::canAccessDept: the department is one of the agent's, and their access is not limited. */
export function canAccessDept(r: Reader, agent: Agent, deptId: Id): boolean {
	return !agent.limitedAccess && hasDeptAccess(r, agent, deptId);
}

/** What the visibility rule needs to know about the agent, apart from the ticket. */
interface Seer {
	agent: Agent;
	deptAccess: (deptId: Id) => boolean;
	inTeam: (teamId: Id) => boolean;
}

/**
 * osTicket's visibility rule, once: department access (unless limited), an
 * open ticket assigned to the agent or their team, or a referral.
 */
function seenVia(seer: Seer, ticket: Ticket): 'department' | 'assigned' | 'referred' | null {
	const { agent, deptAccess, inTeam } = seer;
	if (!agent.limitedAccess && deptAccess(ticket.deptId)) return 'department';
	if (
		stateOf(ticket) === 'open' &&
		(ticket.assigneeAgentId === agent.id ||
			(ticket.assigneeTeamId !== null && inTeam(ticket.assigneeTeamId)))
	)
		return 'assigned';
	const referred = ticket.referrals.some(
		(ref) =>
			(ref.kind === 'agent' && ref.id === agent.id) ||
			(ref.kind === 'team' && inTeam(ref.id)) ||
			(ref.kind === 'department' && deptAccess(ref.id))
	);
	return referred ? 'referred' : null;
}

function seer(r: Reader, agent: Agent): Seer {
	return {
		agent,
		deptAccess: (deptId) => hasDeptAccess(r, agent, deptId),
		inTeam: (teamId) => teamsOf(r, agent.id).includes(teamId)
	};
}

export function visibility(r: Reader, agent: Agent, ticket: Ticket): Visibility {
	const via = seenVia(seer(r, agent), ticket);
	return via ? { visible: true, via } : { visible: false, reason: explainHidden(r, agent, ticket) };
}

export function canSee(r: Reader, agent: Agent, ticket: Ticket): boolean {
	return seenVia(seer(r, agent), ticket) !== null;
}

/**
 * Whether a ticket is listed in the agent's queues (Staff::getTicketsVisibility):
 * an open ticket assigned or referred to them or one of their teams, or,
 * unless their access is limited, a ticket in (or referred to) one of their
 * departments. Unlike the ticket view's access check, a closed ticket referred
 * to the agent is not listed, though it can still be opened.
 */
export function listedTo(r: Reader, agent: Agent): (ticket: Ticket) => boolean {
	const teams = new Set(teamsOf(r, agent.id));
	const reach = new Map<Id, boolean>();
	const inMyDept = (deptId: Id) => {
		let ok = reach.get(deptId);
		if (ok === undefined) reach.set(deptId, (ok = hasDeptAccess(r, agent, deptId)));
		return ok;
	};
	// Plain loops, no closure per ticket: a queue of 100,000 tickets asks this of each.
	const limited = agent.limitedAccess;
	return (ticket) => {
		if (!limited) {
			if (inMyDept(ticket.deptId)) return true;
			for (const ref of ticket.referrals)
				if (ref.kind === 'department' && inMyDept(ref.id)) return true;
		}
		if (stateOf(ticket) !== 'open') return false;
		if (ticket.assigneeAgentId === agent.id) return true;
		if (ticket.assigneeTeamId !== null && teams.has(ticket.assigneeTeamId)) return true;
		for (const ref of ticket.referrals)
			if (
				(ref.kind === 'agent' && ref.id === agent.id) ||
				(ref.kind === 'team' && teams.has(ref.id))
			)
				return true;
		return false;
	};
}

function explainHidden(r: Reader, agent: Agent, ticket: Ticket): string {
	const name = agent.firstName;
	const { obj, poss } = pronounsOf(agent);
	const dept = r.get('departments', ticket.deptId)?.name ?? ticket.deptId;
	if (agent.limitedAccess)
		return `${name} has limited access: only tickets assigned to ${obj} or ${poss} teams, or referred to ${obj}. This ticket is neither, so it is hidden from ${obj}.`;
	const assigned = isAssignedTo(r, agent, ticket);
	if (assigned)
		return `${name} has no access to the ${dept} department, and the ticket is no longer open, so ${poss} assignment no longer shows it; it is hidden from ${obj}.`;
	return `${name} has no access to the ${dept} department, so this ticket is hidden from ${obj}. It is not assigned or referred to ${obj} either.`;
}

/** The role that applies to this agent for this ticket (Staff::getRole). */
export function appliedRole(r: Reader, agent: Agent, ticket: Ticket): AppliedRole {
	const roleId = roleIdInDept(r, agent, ticket.deptId);
	const role = r.get('roles', roleId);
	if (role) return { role, via: 'department' };
	if (isAssignedTo(r, agent, ticket)) {
		const primary = r.get('roles', agent.roleId);
		if (primary) return { role: primary, via: 'assigned' };
	}
	return { role: CREATE_ONLY_ROLE, via: 'none' };
}

/** Why the agent lacks `permission` on this ticket, or null when they have it. */
export function explainMissing(
	r: Reader,
	agent: Agent,
	ticket: Ticket,
	permission: RolePermission
): string | null {
	const applied = appliedRole(r, agent, ticket);
	if (applied.role.permissions.includes(permission)) return null;
	const name = agent.firstName;
	const { obj, poss } = pronounsOf(agent);
	const dept = r.get('departments', ticket.deptId)?.name ?? ticket.deptId;
	const action = PERMISSION_LABELS[permission];
	switch (applied.via) {
		case 'department':
			return `${name}'s role in ${dept} is ${applied.role.name}, which does not allow ${obj} to ${action} (${permission}).`;
		case 'assigned':
			return `${name} sees this ticket because it is assigned to ${obj}; ${poss} primary role, ${applied.role.name}, does not allow ${obj} to ${action} (${permission}).`;
		case 'none':
			return `${name} has no role in ${dept}: the ticket is visible to ${obj} only through a referral, which does not allow ${obj} to ${action} (${permission}).`;
	}
}

/** Refuses unless the agent can see the ticket. */
export function requireVisible(r: Reader, agent: Agent, ticket: Ticket): void {
	const seen = visibility(r, agent, ticket);
	if (!seen.visible) refuse('hidden', `Access denied. ${seen.reason}`);
}

/** Refuses unless the agent can see the ticket and their applied role holds `permission`. */
export function requirePermission(
	r: Reader,
	agent: Agent,
	ticket: Ticket,
	permission: RolePermission
): void {
	requireVisible(r, agent, ticket);
	const missing = explainMissing(r, agent, ticket, permission);
	if (missing) refuse('forbidden', missing, { permission });
}

/**
 * The permission a status change needs, and why the agent lacks it (null when allowed):
 * deleting needs ticket.delete; reopening needs ticket.close or ticket.create; closing needs ticket.close.
 */
export function statusPermissionProblem(
	r: Reader,
	agent: Agent,
	ticket: Ticket,
	to: StatusId
): { permission: RolePermission; message: string } | null {
	const role = appliedRole(r, agent, ticket).role;
	const reopening = to === 'open' && stateOf(ticket) !== 'open';
	if (to === 'deleted') {
		const message = explainMissing(r, agent, ticket, 'ticket.delete');
		return message ? { permission: 'ticket.delete', message } : null;
	}
	if (reopening && role.permissions.includes('ticket.create')) return null;
	const message = explainMissing(r, agent, ticket, 'ticket.close');
	return message ? { permission: 'ticket.close', message } : null;
}

/** The statuses this agent may set on the ticket now (the Ticket Status select), current first. */
export function statusChoices(r: Reader, agent: Agent, ticket: Ticket): StatusId[] {
	if (!canSee(r, agent, ticket)) return [];
	return reachableStatuses(ticket.status).filter(
		(to) => statusPermissionProblem(r, agent, ticket, to) === null
	);
}

/** Why the department's assignment restriction refuses this agent, or null when they may be assigned. */
export function assignmentProblem(r: Reader, ticket: Ticket, agent: Agent): string | null {
	if (!agent.active) return `${agentName(agent)} is not active.`;
	const dept = r.get('departments', ticket.deptId);
	if (!dept) return null;
	if (dept.assignment === 'primary' && agent.deptId !== dept.id)
		return `${dept.name} accepts assignments only to its primary members, and ${agentName(agent)}'s primary department is another.`;
	if (dept.assignment === 'members' && !roleIdInDept(r, agent, dept.id))
		return `${dept.name} accepts assignments only to its members, and ${agentName(agent)} is not one.`;
	return null;
}

/** Agents the ticket may be assigned to (the Assignee select). */
export function assignableAgents(r: Reader, ticket: Ticket): Agent[] {
	return r
		.all('agents')
		.filter((a) => assignmentProblem(r, ticket, a) === null)
		.sort((a, b) => agentName(a).localeCompare(agentName(b)));
}

/** Whether any of the agent's roles lets them open tickets (Open a New Ticket). */
export function canOpenTickets(r: Reader, agent: Agent): boolean {
	return [agent.roleId, ...agent.access.map((a) => a.roleId)].some((id) =>
		r.get('roles', id)?.permissions.includes('ticket.create')
	);
}

/** Everything an agent may do on a ticket, for panels that hide what is not allowed. */
export function ticketAbilities(r: Reader, agent: Agent, ticket: Ticket) {
	const seen = visibility(r, agent, ticket);
	const applied = appliedRole(r, agent, ticket);
	const has = (p: RolePermission) => seen.visible && applied.role.permissions.includes(p);
	return {
		visibility: seen,
		role: applied,
		edit: has('ticket.edit'),
		assign: has('ticket.assign'),
		release: has('ticket.release'),
		transfer: has('ticket.transfer'),
		/** A referral needs ticket.assign (ajax.tickets.php refer). */
		refer: has('ticket.assign'),
		/** Mark as Answered / Unanswered, on an open ticket: the permission, or managing the department. */
		markAnswered:
			stateOf(ticket) === 'open' &&
			(has('ticket.markanswered') ||
				(seen.visible && r.get('departments', ticket.deptId)?.managerId === agent.id)),
		/** Change Owner needs ticket.edit; Manage Collaborators ticket.reply (ticket-view.inc.php). */
		owner: has('ticket.edit'),
		collaborators: has('ticket.reply'),
		reply: has('ticket.reply'),
		close: has('ticket.close'),
		reopen: has('ticket.close') || has('ticket.create'),
		/**
		 * What to offer now, permission and the ticket's state together (the
		 * flags above say only whether the role allows it, for explanations):
		 * assigning needs an open ticket, claiming an open ticket no agent
		 * holds, releasing a ticket someone holds.
		 */
		offer: {
			assign: has('ticket.assign') && stateOf(ticket) === 'open',
			claim: has('ticket.assign') && stateOf(ticket) === 'open' && !ticket.assigneeAgentId,
			release:
				has('ticket.release') && (ticket.assigneeAgentId !== null || ticket.assigneeTeamId !== null)
		},
		statuses: statusChoices(r, agent, ticket),
		/** The Ticket Status select of Post Reply and Post Internal Note: open and closed statuses only. */
		formStatuses: statusChoices(r, agent, ticket).filter((s) => {
			const state = statusOf(s).state;
			return state === 'open' || state === 'closed';
		}),
		delete: has('ticket.delete'),
		note: seen.visible,
		explain: (p: RolePermission) =>
			seen.visible ? explainMissing(r, agent, ticket, p) : seen.reason
	};
}
