/**
 * The Admin Panel's commands: agents and their access, departments, teams,
 * roles, SLA plans, help topics, canned responses, users. Each validates
 * names and references so the world never holds a dangling id.
 */
import type { AgentInput, CommandOf } from './commands';
import { requireAdmin, type Acting } from './context';
import { refuse } from './errors';
import type { AdminEntity } from './events';
import { DEFAULT_AGENT_PERMISSIONS } from './roles';
import { scheduleProblem } from './schedule';
import {
	AGENT_PERMISSIONS,
	ROLE_PERMISSIONS,
	agentName,
	isPriorityId,
	type Agent,
	type CannedResponse,
	type Department,
	type EndUser,
	type HelpTopic,
	type Id,
	type Role,
	type Schedule,
	type SlaPlan,
	type Team
} from './types';
import type { Draft, Row, TableName } from './world';

// ---------------------------------------------------------------- helpers

function slug(text: string): string {
	return (
		text
			.toLowerCase()
			.normalize('NFKD')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'item'
	);
}

/** The id asked for, or one made from the name; never one already taken. */
function newId(d: Draft, table: TableName, wanted: Id | undefined, name: string): Id {
	if (wanted !== undefined) {
		if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(wanted))
			refuse('invalid', `"${wanted}" is not a usable id: use letters, digits, "-", "_" or ".".`, {
				field: 'id'
			});
		if (d.get(table, wanted))
			refuse('conflict', `The id "${wanted}" is already taken.`, { field: 'id' });
		return wanted;
	}
	const base = slug(name);
	let id = base;
	for (let n = 2; d.get(table, id); n++) id = `${base}-${n}`;
	return id;
}

function requireName(value: string | undefined, label: string, field = 'name'): string {
	const text = (value ?? '').trim();
	if (!text) refuse('invalid', `${label} is required.`, { field });
	return text;
}

function uniqueName<T extends TableName>(
	d: Draft,
	table: T,
	name: string,
	selfId: Id | null,
	label: string
): void {
	const clash = d
		.all(table)
		.find(
			(row) =>
				row.id !== selfId && 'name' in row && String(row.name).toLowerCase() === name.toLowerCase()
		);
	if (clash) refuse('conflict', `There is already a ${label} named "${name}".`, { field: 'name' });
}

function requireRef(
	d: Draft,
	table: TableName,
	id: Id | null | undefined,
	label: string,
	field: string
): void {
	if (id != null && !d.get(table, id))
		refuse('not_found', `There is no ${label} "${id}".`, { field });
}

function load<T extends TableName>(d: Draft, table: T, id: Id, label: string): Row<T> {
	const row = d.get(table, id);
	if (!row) refuse('not_found', `There is no ${label} "${id}".`);
	return row;
}

function diff(before: object, after: object): Record<string, { before: unknown; after: unknown }> {
	const changes: Record<string, { before: unknown; after: unknown }> = {};
	for (const key of Object.keys(after)) {
		// A field a stored row predates (undefined) is the same as none (null).
		const a = (before as Record<string, unknown>)[key] ?? null;
		const b = (after as Record<string, unknown>)[key] ?? null;
		if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = { before: a, after: b };
	}
	return changes;
}

function created(d: Draft, entity: AdminEntity, id: Id, name: string): void {
	d.emit('admin.created', null, { entity, id, name });
}

function updated(
	d: Draft,
	entity: AdminEntity,
	before: { id: Id },
	after: { id: Id },
	name: string
): void {
	const changes = diff(before, after);
	if (Object.keys(changes).length === 0)
		refuse('conflict', `Nothing changed: ${name} already has these settings.`);
	d.emit('admin.updated', null, { entity, id: after.id, name, changes });
}

// ---------------------------------------------------------------- agents

function checkAgent(d: Draft, agent: Agent): void {
	requireName(agent.firstName, 'First Name', 'firstName');
	requireName(agent.username, 'Username', 'username');
	const email = requireName(agent.email, 'Email Address', 'email');
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
		refuse('invalid', `"${email}" is not a valid e-mail address.`, { field: 'email' });
	requireRef(d, 'departments', agent.deptId, 'department', 'deptId');
	if (!agent.deptId) refuse('invalid', 'Primary Department is required.', { field: 'deptId' });
	requireRef(d, 'roles', agent.roleId, 'role', 'roleId');
	if (!agent.roleId)
		refuse('invalid', 'The role in the primary department is required.', { field: 'roleId' });
	const clash = d
		.all('agents')
		.find((a) => a.id !== agent.id && a.username.toLowerCase() === agent.username.toLowerCase());
	if (clash)
		refuse('conflict', `The username "${agent.username}" belongs to ${agentName(clash)}.`, {
			field: 'username'
		});
	const seen = new Set<Id>();
	for (const access of agent.access) {
		requireRef(d, 'departments', access.deptId, 'department', 'access');
		requireRef(d, 'roles', access.roleId, 'role', 'access');
		if (access.deptId === agent.deptId)
			refuse(
				'invalid',
				`${d.get('departments', access.deptId)?.name} is the primary department; it cannot also be extended access.`,
				{
					field: 'access'
				}
			);
		if (seen.has(access.deptId))
			refuse('invalid', 'A department appears twice in extended access.', { field: 'access' });
		seen.add(access.deptId);
	}
	for (const p of agent.permissions)
		if (!(AGENT_PERMISSIONS as readonly string[]).includes(p))
			refuse('invalid', `Unknown agent permission "${p}".`, { field: 'permissions' });
}

/** Put the agent in exactly these teams. */
function setTeams(d: Draft, agentId: Id, teamIds: Id[]): void {
	for (const id of teamIds) requireRef(d, 'teams', id, 'team', 'teams');
	for (const team of d.all('teams')) {
		const member = team.members.includes(agentId);
		const wanted = teamIds.includes(team.id);
		if (member !== wanted)
			d.put('teams', {
				...team,
				members: wanted ? [...team.members, agentId] : team.members.filter((m) => m !== agentId)
			});
	}
}

function agentFrom(input: AgentInput, id: Id): Agent {
	return {
		id,
		firstName: (input.firstName ?? '').trim(),
		lastName: (input.lastName ?? '').trim(),
		username: (input.username ?? '').trim(),
		email: (input.email ?? '').trim(),
		deptId: input.deptId,
		roleId: input.roleId,
		access: (input.access ?? []).map((a) => ({ ...a })),
		limitedAccess: input.limitedAccess ?? false,
		isAdmin: input.isAdmin ?? false,
		permissions: [...(input.permissions ?? DEFAULT_AGENT_PERMISSIONS)],
		active: input.active ?? true,
		pronoun: input.pronoun ?? 'they'
	};
}

export function createAgent(d: Draft, acting: Acting, c: CommandOf<'agent.create'>): Agent {
	requireAdmin(acting, 'Adding an agent');
	const id = newId(d, 'agents', c.agent.id, c.agent.username || c.agent.firstName || 'agent');
	const agent = agentFrom(c.agent, id);
	checkAgent(d, agent);
	d.put('agents', agent);
	if (c.agent.teams) setTeams(d, id, c.agent.teams);
	created(d, 'agent', id, agentName(agent));
	return agent;
}

export function updateAgent(d: Draft, acting: Acting, c: CommandOf<'agent.update'>): Agent {
	const admin = requireAdmin(acting, 'Editing an agent');
	const before = load(d, 'agents', c.agentId, 'agent');
	// osTicket keeps an administrator from locking themselves out.
	if (admin?.id === before.id && c.changes.isAdmin === false)
		refuse(
			'forbidden',
			'You cannot remove your own administrator rights: another administrator must do it.',
			{
				field: 'isAdmin'
			}
		);
	if (admin?.id === before.id && c.changes.active === false)
		refuse('forbidden', 'You cannot lock your own account while signed in with it.', {
			field: 'active'
		});
	const { teams, id: _ignored, ...fields } = c.changes;
	void _ignored;
	const after: Agent = { ...before, ...fields, id: before.id };
	checkAgent(d, after);
	const teamsBefore = d
		.all('teams')
		.filter((t) => t.members.includes(before.id))
		.map((t) => t.id);
	const teamsChanged =
		teams !== undefined &&
		JSON.stringify([...teams].sort()) !== JSON.stringify([...teamsBefore].sort());
	if (teamsChanged) setTeams(d, before.id, teams);
	if (JSON.stringify(before) === JSON.stringify(after) && !teamsChanged)
		refuse('conflict', `Nothing changed: ${agentName(before)} already has these settings.`);
	d.put('agents', after);
	const changes = diff(before, after);
	if (teamsChanged) changes['teams'] = { before: teamsBefore, after: teams };
	d.emit('admin.updated', null, { entity: 'agent', id: after.id, name: agentName(after), changes });
	emitAccessChanges(d, before, after);
	return after;
}

/**
 * Extended access given or taken away through the agent's form is the same
 * fact as through Grant: whichever screen the administrator used, the log
 * says which department and role changed hands.
 */
function emitAccessChanges(d: Draft, before: Agent, after: Agent): void {
	const was = new Map(before.access.map((a) => [a.deptId, a.roleId]));
	const now = new Map(after.access.map((a) => [a.deptId, a.roleId]));
	for (const [deptId, roleId] of now)
		if (was.get(deptId) !== roleId)
			d.emit('access.granted', null, { agentId: after.id, deptId, roleId });
	for (const [deptId, roleId] of was)
		if (!now.has(deptId)) d.emit('access.revoked', null, { agentId: after.id, deptId, roleId });
}

export function grantAccess(d: Draft, acting: Acting, c: CommandOf<'access.grant'>): Agent {
	requireAdmin(acting, 'Granting department access');
	const agent = load(d, 'agents', c.agentId, 'agent');
	const dept = load(d, 'departments', c.deptId, 'department');
	const role = load(d, 'roles', c.roleId, 'role');
	if (agent.deptId === dept.id)
		refuse(
			'invalid',
			`${dept.name} is ${agentName(agent)}'s primary department; change the primary role instead of adding extended access.`,
			{ field: 'deptId' }
		);
	const existing = agent.access.find((a) => a.deptId === dept.id);
	if (existing?.roleId === role.id)
		refuse('conflict', `${agentName(agent)} already has ${role.name} access to ${dept.name}.`);
	const access = existing
		? agent.access.map((a) => (a.deptId === dept.id ? { deptId: dept.id, roleId: role.id } : a))
		: [...agent.access, { deptId: dept.id, roleId: role.id }];
	const after = d.put('agents', { ...agent, access });
	d.emit('access.granted', null, { agentId: agent.id, deptId: dept.id, roleId: role.id });
	return after;
}

export function revokeAccess(d: Draft, acting: Acting, c: CommandOf<'access.revoke'>): Agent {
	requireAdmin(acting, 'Revoking department access');
	const agent = load(d, 'agents', c.agentId, 'agent');
	const existing = agent.access.find((a) => a.deptId === c.deptId);
	if (!existing) refuse('conflict', `${agentName(agent)} has no extended access to "${c.deptId}".`);
	const after = d.put('agents', {
		...agent,
		access: agent.access.filter((a) => a.deptId !== c.deptId)
	});
	d.emit('access.revoked', null, {
		agentId: agent.id,
		deptId: existing.deptId,
		roleId: existing.roleId
	});
	return after;
}

/** The named, admin-edited tables and what a trainee calls each. */
type Named = 'departments' | 'teams' | 'roles' | 'slas' | 'topics';
const KINDS: Record<
	Named,
	{ entity: AdminEntity; label: string; article: string; nameLabel: string }
> = {
	departments: { entity: 'department', label: 'department', article: 'a', nameLabel: 'Name' },
	teams: { entity: 'team', label: 'team', article: 'a', nameLabel: 'Name' },
	roles: { entity: 'role', label: 'role', article: 'a', nameLabel: 'Name' },
	slas: { entity: 'sla', label: 'SLA plan', article: 'an', nameLabel: 'Name' },
	topics: { entity: 'topic', label: 'help topic', article: 'a', nameLabel: 'Topic' }
};

/** Add one of them, the same way for all: `fill` gives the new row its defaults. */
function createNamed<T extends Named>(
	d: Draft,
	acting: Acting,
	table: T,
	input: { id?: Id | undefined; name?: string | undefined },
	fill: (id: Id, name: string) => Row<T>,
	check: (d: Draft, row: Row<T>) => void
): Row<T> {
	const kind = KINDS[table];
	requireAdmin(acting, `Adding ${kind.article} ${kind.label}`);
	const name = requireName(input.name, kind.nameLabel);
	const row = fill(newId(d, table, input.id, name), name);
	check(d, row);
	d.put(table, row);
	created(d, kind.entity, row.id, name);
	return row;
}

/**
 * Edit one of them, the same way for all: only an administrator; the row must
 * exist; the name stays required; `tidy` normalises the result and `check`
 * validates it against the world; a change that changes nothing is refused.
 */
function updateNamed<T extends Named>(
	d: Draft,
	acting: Acting,
	table: T,
	id: Id,
	changes: Partial<Row<T>>,
	check: (d: Draft, row: Row<T>) => void,
	tidy: (row: Row<T>) => Row<T> = (row) => row
): Row<T> {
	const kind = KINDS[table];
	requireAdmin(acting, `Editing ${kind.article} ${kind.label}`);
	const before = load(d, table, id, kind.label);
	const after = tidy({
		...before,
		...changes,
		id: before.id,
		name: requireName(
			(changes as { name?: string }).name ?? (before as { name: string }).name,
			kind.nameLabel
		)
	} as Row<T>);
	check(d, after);
	updated(d, kind.entity, before, after, (after as { name: string }).name);
	return d.put(table, after);
}

/** A department's or a plan's schedule: null (the fallback) or a sound one. */
function checkSchedule(schedule: Schedule | null | undefined): void {
	const problem = schedule ? scheduleProblem(schedule) : null;
	if (problem) refuse('invalid', `Schedule: ${problem}.`, { field: 'schedule' });
}

// ---------------------------------------------------------------- departments, teams, roles

function checkDepartment(d: Draft, dept: Department): void {
	uniqueName(d, 'departments', dept.name, dept.id, 'department');
	requireRef(d, 'slas', dept.slaId, 'SLA plan', 'slaId');
	requireRef(d, 'agents', dept.managerId, 'agent', 'managerId');
	requireRef(d, 'departments', dept.parentId, 'department', 'parentId');
	if (!['anyone', 'members', 'primary'].includes(dept.assignment))
		refuse('invalid', `Unknown assignment restriction "${dept.assignment}".`, {
			field: 'assignment'
		});
	checkSchedule(dept.schedule);
	// A department may not sit below itself.
	let parent = d.get('departments', dept.parentId);
	while (parent) {
		if (parent.id === dept.id)
			refuse('invalid', `${dept.name} cannot be its own sub-department.`, { field: 'parentId' });
		parent = d.get('departments', parent.parentId);
	}
}

export function createDepartment(
	d: Draft,
	acting: Acting,
	c: CommandOf<'department.create'>
): Department {
	return createNamed(
		d,
		acting,
		'departments',
		c.department,
		(id, name) => ({
			id,
			name,
			parentId: c.department.parentId ?? null,
			public: c.department.public ?? true,
			slaId: c.department.slaId ?? null,
			managerId: c.department.managerId ?? null,
			assignment: c.department.assignment ?? 'anyone',
			signature: c.department.signature ?? '',
			schedule: c.department.schedule ?? null
		}),
		checkDepartment
	);
}

export function updateDepartment(
	d: Draft,
	acting: Acting,
	c: CommandOf<'department.update'>
): Department {
	return updateNamed(d, acting, 'departments', c.deptId, c.changes, checkDepartment);
}

function checkTeam(d: Draft, team: Team): void {
	uniqueName(d, 'teams', team.name, team.id, 'team');
	requireRef(d, 'agents', team.leadId, 'agent', 'leadId');
	for (const m of team.members) requireRef(d, 'agents', m, 'agent', 'members');
}

export function createTeam(d: Draft, acting: Acting, c: CommandOf<'team.create'>): Team {
	return createNamed(
		d,
		acting,
		'teams',
		c.team,
		(id, name) => ({
			id,
			name,
			leadId: c.team.leadId ?? null,
			members: [...new Set(c.team.members ?? [])]
		}),
		checkTeam
	);
}

export function updateTeam(d: Draft, acting: Acting, c: CommandOf<'team.update'>): Team {
	return updateNamed(d, acting, 'teams', c.teamId, c.changes, checkTeam, (t) => ({
		...t,
		members: [...new Set(t.members)]
	}));
}

function checkRole(d: Draft, role: Role): void {
	uniqueName(d, 'roles', role.name, role.id, 'role');
	for (const p of role.permissions)
		if (!(ROLE_PERMISSIONS as readonly string[]).includes(p))
			refuse('invalid', `Unknown role permission "${p}".`, { field: 'permissions' });
}

export function createRole(d: Draft, acting: Acting, c: CommandOf<'role.create'>): Role {
	return createNamed(
		d,
		acting,
		'roles',
		c.role,
		(id, name) => ({
			id,
			name,
			permissions: [...new Set(c.role.permissions ?? [])]
		}),
		checkRole
	);
}

export function updateRole(d: Draft, acting: Acting, c: CommandOf<'role.update'>): Role {
	return updateNamed(d, acting, 'roles', c.roleId, c.changes, checkRole, (r) => ({
		...r,
		permissions: [...new Set(r.permissions)]
	}));
}

// ---------------------------------------------------------------- SLA plans, help topics, canned responses

function checkSla(d: Draft, sla: SlaPlan): void {
	uniqueName(d, 'slas', sla.name, sla.id, 'SLA plan');
	if (!Number.isFinite(sla.graceHours) || sla.graceHours <= 0)
		refuse('invalid', 'Grace Period must be a number of hours above zero.', {
			field: 'graceHours'
		});
	checkSchedule(sla.schedule);
}

export function createSla(d: Draft, acting: Acting, c: CommandOf<'sla.create'>): SlaPlan {
	return createNamed(
		d,
		acting,
		'slas',
		c.sla,
		(id, name) => ({
			id,
			name,
			graceHours: c.sla.graceHours,
			// No schedule: the system default (SLA::addGracePeriod), not 24/7.
			schedule: c.sla.schedule ?? null,
			active: c.sla.active ?? true,
			transient: c.sla.transient ?? false,
			disableOverdueAlerts: c.sla.disableOverdueAlerts ?? false
		}),
		checkSla
	);
}

export function updateSla(d: Draft, acting: Acting, c: CommandOf<'sla.update'>): SlaPlan {
	return updateNamed(d, acting, 'slas', c.slaId, c.changes, checkSla);
}

function checkTopic(d: Draft, topic: HelpTopic): void {
	uniqueName(d, 'topics', topic.name, topic.id, 'help topic');
	requireRef(d, 'departments', topic.deptId, 'department', 'deptId');
	requireRef(d, 'slas', topic.slaId, 'SLA plan', 'slaId');
	requireRef(d, 'agents', topic.autoAssignAgentId, 'agent', 'autoAssignAgentId');
	requireRef(d, 'teams', topic.autoAssignTeamId, 'team', 'autoAssignTeamId');
	if (topic.priority !== null && !isPriorityId(topic.priority))
		refuse('invalid', `Unknown priority "${String(topic.priority)}".`, { field: 'priority' });
}

export function createTopic(d: Draft, acting: Acting, c: CommandOf<'topic.create'>): HelpTopic {
	return createNamed(
		d,
		acting,
		'topics',
		c.topic,
		(id, name) => ({
			id,
			name,
			public: c.topic.public ?? true,
			active: c.topic.active ?? true,
			deptId: c.topic.deptId ?? null,
			priority: c.topic.priority ?? null,
			slaId: c.topic.slaId ?? null,
			autoAssignAgentId: c.topic.autoAssignAgentId ?? null,
			autoAssignTeamId: c.topic.autoAssignTeamId ?? null
		}),
		checkTopic
	);
}

export function updateTopic(d: Draft, acting: Acting, c: CommandOf<'topic.update'>): HelpTopic {
	return updateNamed(d, acting, 'topics', c.topicId, c.changes, checkTopic);
}

export function createCanned(
	d: Draft,
	acting: Acting,
	c: CommandOf<'canned.create'>
): CannedResponse {
	requireAdmin(acting, 'Adding a canned response');
	const title = requireName(c.canned.title, 'Title', 'title');
	const body = requireName(c.canned.body, 'Canned Response', 'body');
	requireRef(d, 'departments', c.canned.deptId, 'department', 'deptId');
	const canned: CannedResponse = {
		id: newId(d, 'canned', c.canned.id, title),
		title,
		body,
		deptId: c.canned.deptId ?? null
	};
	d.put('canned', canned);
	created(d, 'canned', canned.id, title);
	return canned;
}

export function createUser(d: Draft, acting: Acting, c: CommandOf<'user.create'>): EndUser {
	if (acting.kind === 'user') refuse('forbidden', 'End users cannot add other users.');
	if (acting.kind === 'agent' && !acting.agent.permissions.includes('user.create'))
		refuse('forbidden', `${agentName(acting.agent)} may not create users (user.create).`, {
			permission: 'user.create'
		});
	const name = requireName(c.name, 'Name');
	const email = requireName(c.email, 'Email Address', 'email');
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
		refuse('invalid', `"${email}" is not a valid e-mail address.`, { field: 'email' });
	if (d.all('users').some((u) => u.email.toLowerCase() === email.toLowerCase()))
		refuse('conflict', `A user with the e-mail ${email} already exists.`, { field: 'email' });
	const id = c.id !== undefined ? newId(d, 'users', c.id, name) : d.nextId('u', 'users');
	const user: EndUser = { id, name, email, organization: c.organization?.trim() || undefined };
	d.put('users', user);
	d.emit('user.created', null, { userId: user.id, name, email });
	return user;
}
