/**
 * Read models of the Agent Panel's Users tab and the agent's own profile:
 * osTicket's User Directory (include/staff/users.inc.php: search by name,
 * e-mail or organization, sorted by a column, a page at a time), a user's
 * tickets as the agent may see them (templates/tickets.tmpl.php: owned or
 * copied on, filtered by the agent's ticket visibility), and the access an
 * agent has (primary department and role, extended access, teams), which
 * osTicket keeps on the agent's Access and Teams tabs.
 */
import { listedTo, teamsOf } from './access';
import { compareTickets } from './queries';
import type { Agent, Department, EndUser, Id, Role, SimTime, Team, Ticket } from './types';
import { readWorld, type World } from './world';

export type UserSortColumn = 'name' | 'email' | 'tickets' | 'created';

export interface DirectoryRow {
	user: EndUser;
	/** Every ticket the user owns (osTicket's ticket_count), whoever may see them. */
	tickets: number;
	/** When the user was added during the lab; null for a user the help desk started with. */
	createdAt: SimTime | null;
}

export interface DirectoryPage {
	rows: DirectoryRow[];
	total: number;
	page: number;
	pages: number;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Each user's ticket count and, for users added during the lab, when (one pass over each). */
function userFacts(world: World) {
	const counts = new Map<Id, number>();
	for (const t of Object.values(world.tickets))
		if (t.status !== 'deleted') counts.set(t.userId, (counts.get(t.userId) ?? 0) + 1);
	const created = new Map<Id, SimTime>();
	for (const e of world.events)
		if (e.type === 'user.created' && !created.has(e.data.userId)) created.set(e.data.userId, e.at);
	return { counts, created };
}

/** One user's line of the directory, for their page. */
export function directoryEntry(world: World, userId: Id): DirectoryRow | null {
	const user = world.users[userId];
	if (!user) return null;
	const { counts, created } = userFacts(world);
	return { user, tickets: counts.get(userId) ?? 0, createdAt: created.get(userId) ?? null };
}

/** The User Directory: one page of users matching the search, in the order asked for (Name, A to Z, at first). */
export function userDirectory(
	world: World,
	options: {
		search?: string;
		sort?: UserSortColumn;
		dir?: 'asc' | 'desc';
		page?: number;
		pageSize?: number;
	} = {}
): DirectoryPage {
	const r = readWorld(world);
	const needle = (options.search ?? '').trim().toLowerCase();
	const { counts, created } = userFacts(world);

	const rows: DirectoryRow[] = r
		.all('users')
		.filter(
			(u) =>
				!needle ||
				u.name.toLowerCase().includes(needle) ||
				u.email.toLowerCase().includes(needle) ||
				(u.organization ?? '').toLowerCase().includes(needle)
		)
		.map((user) => ({
			user,
			tickets: counts.get(user.id) ?? 0,
			createdAt: created.get(user.id) ?? null
		}));

	const sort = options.sort ?? 'name';
	const sign = options.dir === 'desc' ? -1 : 1;
	const byName = (a: DirectoryRow, b: DirectoryRow) =>
		collator.compare(a.user.name, b.user.name) || collator.compare(a.user.email, b.user.email);
	rows.sort((a, b) => {
		let c = 0;
		if (sort === 'email') c = collator.compare(a.user.email, b.user.email);
		else if (sort === 'tickets') c = a.tickets - b.tickets;
		// The users the help desk started with were there before anyone added one.
		else if (sort === 'created') c = (a.createdAt ?? -Infinity) - (b.createdAt ?? -Infinity);
		return sign * c || sign * byName(a, b);
	});

	const size = Math.max(1, Math.floor(options.pageSize ?? 25));
	const pages = Math.max(1, Math.ceil(rows.length / size));
	const page = Math.min(pages, Math.max(1, Math.floor(options.page ?? 1)));
	return { rows: rows.slice((page - 1) * size, page * size), total: rows.length, page, pages };
}

/**
 * A user's tickets on their page in the Agent Panel: the ones they own or are
 * copied on, among those listed to the agent, newest first (osTicket orders
 * them by creation).
 */
export function userTicketsFor(world: World, agentId: Id, userId: Id): Ticket[] {
	const r = readWorld(world);
	const agent = r.get('agents', agentId);
	if (!agent) return [];
	const listed = listedTo(r, agent);
	return r
		.all('tickets')
		.filter(
			(t) =>
				t.status !== 'deleted' &&
				(t.userId === userId || t.collaborators.includes(userId)) &&
				listed(t)
		)
		.sort(compareTickets('created'));
}

export interface AgentProfile {
	agent: Agent;
	primary: { department: Department | undefined; role: Role | undefined };
	/** Extended Access: other departments, each with the role the agent has there. */
	extended: { department: Department | undefined; role: Role | undefined; deptId: Id }[];
	teams: Team[];
	/** Departments the agent manages (a manager may do more there than their role says). */
	manages: Department[];
}

/** What an agent's own profile shows of their access, read-only. */
export function agentProfile(world: World, agentId: Id): AgentProfile | null {
	const r = readWorld(world);
	const agent = r.get('agents', agentId);
	if (!agent) return null;
	return {
		agent,
		primary: { department: r.get('departments', agent.deptId), role: r.get('roles', agent.roleId) },
		extended: agent.access.map((a) => ({
			deptId: a.deptId,
			department: r.get('departments', a.deptId),
			role: r.get('roles', a.roleId)
		})),
		teams: teamsOf(r, agent.id)
			.map((id) => r.get('teams', id))
			.filter((t): t is Team => t !== undefined),
		manages: r.all('departments').filter((d) => d.managerId === agent.id)
	};
}
