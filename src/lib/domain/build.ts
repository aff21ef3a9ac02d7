/**
 * Build a world from a description (a scenario's "world" section, a test's
 * fixture): every entity goes through the same admin commands an administrator
 * uses, so a world that builds is a world the engine accepts. A problem is
 * reported with the path of the entry at fault.
 */
import type { AgentInput, Command } from './commands';
import { execute, commit } from './engine';
import type { Actor } from './events';
import { DEFAULT_ROLES } from './roles';
import { scheduleProblem, timeZoneProblem } from './schedule';
import type {
	CannedResponse,
	Department,
	HelpTopic,
	Id,
	Role,
	SimTime,
	SlaPlan,
	Team
} from './types';
import { emptyWorld, type Settings, type World } from './world';

export interface WorldSpec {
	start: SimTime;
	seed?: number;
	settings?: Partial<Settings>;
	/** osTicket's four default roles are included unless this is false. */
	defaultRoles?: boolean;
	roles?: (Partial<Role> & Pick<Role, 'name'>)[];
	slas?: (Partial<SlaPlan> & Pick<SlaPlan, 'name' | 'graceHours'>)[];
	departments?: (Partial<Department> & Pick<Department, 'name'>)[];
	agents?: AgentInput[];
	teams?: (Partial<Team> & Pick<Team, 'name'>)[];
	topics?: (Partial<HelpTopic> & Pick<HelpTopic, 'name'>)[];
	canned?: (Partial<CannedResponse> & Pick<CannedResponse, 'title' | 'body'>)[];
	users?: { id?: Id; name: string; email: string; organization?: string }[];
}

export class WorldBuildError extends Error {
	constructor(
		readonly path: string,
		message: string
	) {
		super(`${path}: ${message}`);
		this.name = 'WorldBuildError';
	}
}

const SYSTEM: Actor = { role: 'system' };

function apply(world: World, path: string, command: Command): void {
	const result = execute(world, SYSTEM, command);
	if (!result.ok) throw new WorldBuildError(path, result.error.message);
	commit(world, result);
}

/** Settings go into the world as they are (no command sets them): checked here. */
function checkSettings(settings: Partial<Settings>): void {
	if (settings.timezone !== undefined) {
		const problem = timeZoneProblem(settings.timezone);
		if (problem) throw new WorldBuildError('settings.timezone', `${capitalise(problem)}.`);
	}
	if (settings.defaultSchedule !== undefined) {
		const problem = scheduleProblem(settings.defaultSchedule);
		if (problem) throw new WorldBuildError('settings.defaultSchedule', `Schedule: ${problem}.`);
	}
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function buildWorld(spec: WorldSpec): World {
	checkSettings(spec.settings ?? {});
	const world = emptyWorld(spec.start, spec.settings, spec.seed);
	if (spec.defaultRoles !== false)
		for (const role of DEFAULT_ROLES) world.roles[role.id] = structuredClone(role);
	(spec.roles ?? []).forEach((role, i) =>
		apply(world, `roles[${i}]`, { type: 'role.create', role })
	);
	(spec.slas ?? []).forEach((sla, i) => apply(world, `slas[${i}]`, { type: 'sla.create', sla }));
	// Departments first without managers (managers are agents, who need departments).
	(spec.departments ?? []).forEach((department, i) =>
		apply(world, `departments[${i}]`, {
			type: 'department.create',
			department: { ...department, managerId: null, parentId: null }
		})
	);
	(spec.agents ?? []).forEach((agent, i) =>
		apply(world, `agents[${i}]`, { type: 'agent.create', agent: { ...agent, teams: [] } })
	);
	// Then parents and managers, now that every department and agent exists.
	(spec.departments ?? []).forEach((department, i) => {
		const id = Object.values(world.departments).find((d) => d.name === department.name)?.id as Id;
		if (department.parentId || department.managerId)
			apply(world, `departments[${i}]`, {
				type: 'department.update',
				deptId: id,
				changes: { parentId: department.parentId ?? null, managerId: department.managerId ?? null }
			});
	});
	(spec.teams ?? []).forEach((team, i) =>
		apply(world, `teams[${i}]`, { type: 'team.create', team })
	);
	(spec.agents ?? []).forEach((agent, i) => {
		if (!agent.teams?.length) return;
		const id =
			agent.id ?? Object.values(world.agents).find((a) => a.username === agent.username)?.id;
		for (const teamId of agent.teams) {
			const team = world.teams[teamId];
			if (!team) throw new WorldBuildError(`agents[${i}].teams`, `There is no team "${teamId}".`);
			if (id && !team.members.includes(id)) team.members.push(id);
		}
	});
	(spec.topics ?? []).forEach((topic, i) =>
		apply(world, `topics[${i}]`, { type: 'topic.create', topic })
	);
	(spec.canned ?? []).forEach((canned, i) =>
		apply(world, `canned[${i}]`, { type: 'canned.create', canned })
	);
	(spec.users ?? []).forEach((user, i) => {
		apply(world, `users[${i}]`, { type: 'user.create', ...user });
	});
	// The set-up is not part of the lab: the log starts empty.
	world.events = [];
	world.mails = [];
	return world;
}
