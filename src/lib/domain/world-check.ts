/**
 * Whether a world read from outside (a backup file) holds together: every
 * row is where its id says, has the fields the engine reads, and names only
 * things that exist. A world that fails is refused with the row named, never
 * stored: tickets in a missing department would vanish from every queue.
 */
import { isPriorityId, isStatusId, type Ticket } from './types';
import type { TableName, World } from './world';
import { TABLE_NAMES } from './world';

const LABEL: Record<TableName, string> = {
	users: 'user',
	agents: 'agent',
	departments: 'department',
	teams: 'team',
	topics: 'help topic',
	slas: 'SLA plan',
	roles: 'role',
	canned: 'canned response',
	tickets: 'ticket'
};

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

function ticketName(t: Partial<Ticket>, key: string): string {
	return typeof t.number === 'string' ? `ticket #${t.number}` : `ticket “${key}”`;
}

/** What is wrong with the world, one sentence per problem (at most `limit`). */
export function worldProblems(world: World, limit = 5): string[] {
	const problems: string[] = [];
	const say = (text: string) => {
		if (problems.length < limit) problems.push(text);
	};
	for (const table of TABLE_NAMES) {
		const rows = world[table] as Record<string, unknown>;
		for (const [key, row] of Object.entries(rows)) {
			if (!isObject(row) || row['id'] !== key)
				say(`the ${LABEL[table]} stored as “${key}” is damaged (its id does not match).`);
		}
	}
	if (problems.length) return problems;
	const has = (table: TableName, id: unknown) =>
		typeof id === 'string' && Object.hasOwn(world[table], id);
	const optional = (table: TableName, id: unknown) =>
		id === null || id === undefined || has(table, id);
	for (const agent of Object.values(world.agents)) {
		if (!has('departments', agent.deptId))
			say(`agent ${agent.id}'s primary department “${String(agent.deptId)}” does not exist.`);
		if (!has('roles', agent.roleId))
			say(`agent ${agent.id}'s role “${String(agent.roleId)}” does not exist.`);
		if (!Array.isArray(agent.access)) say(`agent ${agent.id} has a damaged access list.`);
		else
			for (const a of agent.access)
				if (!has('departments', a?.deptId) || !has('roles', a?.roleId))
					say(`agent ${agent.id} has access to a department or role that does not exist.`);
	}
	for (const dept of Object.values(world.departments)) {
		if (!optional('departments', dept.parentId))
			say(`department ${dept.id}'s parent “${String(dept.parentId)}” does not exist.`);
		if (!optional('slas', dept.slaId))
			say(`department ${dept.id}'s SLA plan “${String(dept.slaId)}” does not exist.`);
		if (!optional('agents', dept.managerId))
			say(`department ${dept.id}'s manager “${String(dept.managerId)}” does not exist.`);
	}
	for (const team of Object.values(world.teams)) {
		if (!optional('agents', team.leadId)) say(`team ${team.id}'s lead does not exist.`);
		if (!Array.isArray(team.members) || team.members.some((m) => !has('agents', m)))
			say(`team ${team.id} has a member who does not exist.`);
	}
	for (const topic of Object.values(world.topics))
		for (const [field, table] of [
			['deptId', 'departments'],
			['slaId', 'slas'],
			['autoAssignAgentId', 'agents'],
			['autoAssignTeamId', 'teams']
		] as const)
			if (!optional(table, topic[field]))
				say(
					`help topic ${topic.id} names a ${LABEL[table]} “${String(topic[field])}” that does not exist.`
				);
	for (const [key, ticket] of Object.entries(world.tickets)) {
		const name = ticketName(ticket, key);
		if (!isStatusId(ticket.status))
			say(`${name} has an unknown status “${String(ticket.status)}”.`);
		if (!isPriorityId(ticket.priority))
			say(`${name} has an unknown priority “${String(ticket.priority)}”.`);
		if (!has('departments', ticket.deptId))
			say(`${name} is in a department “${String(ticket.deptId)}” that does not exist.`);
		if (!has('users', ticket.userId))
			say(`${name} belongs to a user “${String(ticket.userId)}” who does not exist.`);
		if (!optional('topics', ticket.topicId))
			say(`${name} has a help topic “${String(ticket.topicId)}” that does not exist.`);
		if (!optional('slas', ticket.slaId))
			say(`${name} has an SLA plan “${String(ticket.slaId)}” that does not exist.`);
		if (!optional('agents', ticket.assigneeAgentId))
			say(
				`${name} is assigned to an agent “${String(ticket.assigneeAgentId)}” who does not exist.`
			);
		if (!optional('teams', ticket.assigneeTeamId))
			say(`${name} is assigned to a team “${String(ticket.assigneeTeamId)}” that does not exist.`);
		if (!Array.isArray(ticket.collaborators) || !Array.isArray(ticket.referrals))
			say(`${name} has a damaged collaborator or referral list.`);
	}
	world.events.forEach((event, i) => {
		if (!isObject(event) || typeof event.seq !== 'number' || typeof event.type !== 'string')
			say(`entry ${i + 1} of the event log is damaged.`);
		else if (event.ticketId !== null && !has('tickets', event.ticketId))
			say(`event ${event.seq} is about a ticket “${String(event.ticketId)}” that does not exist.`);
	});
	return problems;
}
