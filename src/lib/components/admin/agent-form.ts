/**
 * View model of the agent form: the editable copy of an agent, and the
 * commands that save it. Access rows go through access.grant / access.revoke
 * (so the journal records "granted View only access to SysAdmins" as such);
 * the rest through agent.update. The domain validates everything.
 */
import {
	DEFAULT_AGENT_PERMISSIONS,
	teamsOf,
	type Agent,
	type AgentPermission,
	type Command,
	type DeptAccess,
	type Id,
	type Reader
} from '$lib/domain';

export interface AgentDraft {
	firstName: string;
	lastName: string;
	username: string;
	email: string;
	deptId: Id;
	roleId: Id;
	access: DeptAccess[];
	teams: Id[];
	limitedAccess: boolean;
	isAdmin: boolean;
	permissions: AgentPermission[];
}

export function draftOf(r: Reader, agent: Agent | undefined): AgentDraft {
	if (!agent)
		return {
			firstName: '',
			lastName: '',
			username: '',
			email: '',
			deptId: '',
			roleId: '',
			access: [],
			teams: [],
			limitedAccess: false,
			isAdmin: false,
			permissions: [...DEFAULT_AGENT_PERMISSIONS]
		};
	return {
		firstName: agent.firstName,
		lastName: agent.lastName,
		username: agent.username,
		email: agent.email,
		deptId: agent.deptId,
		roleId: agent.roleId,
		access: agent.access.map((a) => ({ ...a })),
		teams: teamsOf(r, agent.id),
		limitedAccess: agent.limitedAccess,
		isAdmin: agent.isAdmin,
		permissions: [...agent.permissions]
	};
}

/** A step of saving, with the words that say what it did. */
export interface SaveStep {
	command: Command;
	done: string;
}

const sorted = (ids: readonly string[]) => JSON.stringify([...ids].sort());

/** The commands that turn `agent` into `draft`, in an order that lets each one succeed. */
export function saveSteps(r: Reader, agent: Agent, draft: AgentDraft): SaveStep[] {
	const dept = (id: Id) => r.get('departments', id)?.name ?? id;
	const role = (id: Id) => r.get('roles', id)?.name ?? id;
	const steps: SaveStep[] = [];

	// 1. Extended access removed first, so a department can become the primary one.
	for (const old of agent.access)
		if (!draft.access.some((a) => a.deptId === old.deptId))
			steps.push({
				command: { type: 'access.revoke', agentId: agent.id, deptId: old.deptId },
				done: `removed access to ${dept(old.deptId)}`
			});

	// 2. Account, primary department, flags, teams, permissions.
	const before = draftOf(r, agent);
	const changes: Partial<AgentDraft> = {};
	for (const key of Object.keys(draft) as (keyof AgentDraft)[]) {
		if (key === 'access') continue;
		const a = before[key];
		const b = draft[key];
		const same = Array.isArray(a) && Array.isArray(b) ? sorted(a) === sorted(b) : a === b;
		if (!same) Object.assign(changes, { [key]: b });
	}
	const accessChanged =
		sorted(before.access.map((a) => `${a.deptId}:${a.roleId}`)) !==
		sorted(draft.access.map((a) => `${a.deptId}:${a.roleId}`));
	if (Object.keys(changes).length > 0 || !accessChanged)
		// With nothing changed at all, the domain says so in its own words.
		steps.push({
			command: { type: 'agent.update', agentId: agent.id, changes },
			done: 'updated the account settings'
		});

	// 3. Extended access added or given another role.
	for (const row of draft.access) {
		const old = agent.access.find((a) => a.deptId === row.deptId);
		if (old?.roleId === row.roleId) continue;
		steps.push({
			command: { type: 'access.grant', agentId: agent.id, deptId: row.deptId, roleId: row.roleId },
			done: `granted ${role(row.roleId)} access to ${dept(row.deptId)}`
		});
	}
	return steps;
}

/** osTicket's agent form fields, by the domain's field keys, with the tab each is on. */
export const AGENT_FIELDS: Record<
	string,
	{ label: string; tab: 'account' | 'access' | 'permissions' }
> = {
	firstName: { label: 'First Name', tab: 'account' },
	lastName: { label: 'Last Name', tab: 'account' },
	username: { label: 'Username', tab: 'account' },
	email: { label: 'Email', tab: 'account' },
	deptId: { label: 'Primary Department', tab: 'access' },
	roleId: { label: 'Role', tab: 'access' },
	access: { label: 'Extended Access', tab: 'access' },
	teams: { label: 'Teams', tab: 'access' },
	permissions: { label: 'Permissions', tab: 'permissions' }
};
