/**
 * Large help desks for the benchmark: a realistic organisation built through
 * the domain (buildWorld: departments, SLA plans, agents, teams, topics, users
 * all go through the admin commands), then N ticket rows consistent with the
 * domain types filled straight into world.tickets. Running N `ticket.open`
 * commands would take minutes at 100,000 tickets and measure the generator,
 * not the desk; the rows are what the engine itself would have stored.
 * Deterministic: the same N gives the same world.
 */
import {
	buildWorld,
	type AgentInput,
	type PriorityId,
	type StatusId,
	type Ticket,
	type TicketSource,
	type World
} from '$lib/domain';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const BENCH_START = Date.parse('2026-03-02T09:00:00Z');

/** The agent whose queues the benchmark reads: Support, with extended access to two more departments. */
export const BENCH_AGENT = 'john';
/** A subject word that about one ticket in ten carries ("the printer on floor 3", "the label printer"). */
export const BENCH_SEARCH = 'printer';

const DEPARTMENTS = ['support', 'sysadmins', 'accounting', 'billing', 'network', 'facilities'];
const PROBLEMS = [
	'cannot log in to',
	'is very slow on',
	'crashes when opening',
	'needs access to',
	'shows an error in',
	'stopped syncing with',
	'asks for a licence for',
	'lost settings in'
];
const THINGS = [
	'Outlook',
	'the VPN',
	'the payroll portal',
	'Excel',
	'the printer on floor 3',
	'Teams',
	'the CRM',
	'Acrobat',
	'the shared drive',
	'the mobile banking app',
	'SAP',
	'the wifi',
	'Zoom',
	'the badge reader',
	'Jira',
	'the HR system',
	'the label printer',
	'Chrome',
	'the laptop dock',
	'OneDrive'
];
const FIRST = ['Karen', 'Ken', 'Priya', 'Omar', 'Lena', 'Marco', 'Aiko', 'Sam', 'Ruth', 'Tomas'];
const LAST = ['Ledger', 'Okafor', 'Schmidt', 'Nguyen', 'Silva', 'Kowalski', 'Haddad', 'Berg'];
const SOURCES: TicketSource[] = ['Web', 'Email', 'Phone', 'Web', 'Email', 'API'];
const PRIORITY_IDS: PriorityId[] = ['low', 'normal', 'normal', 'normal', 'high', 'emergency'];

/** mulberry32: small, fast, deterministic. */
function rng(seed: number) {
	let s = seed >>> 0;
	return (bound: number) => {
		let t = (s = (s + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * bound);
	};
}

/** The organisation, through the domain's own admin commands. */
export function benchOrganisation(userCount = 2000): World {
	const agents: AgentInput[] = [
		{
			id: BENCH_AGENT,
			firstName: 'John',
			lastName: 'Smith',
			username: 'john',
			email: 'john@deskdrill.test',
			deptId: 'support',
			roleId: 'expanded-access',
			access: [
				{ deptId: 'network', roleId: 'expanded-access' },
				{ deptId: 'sysadmins', roleId: 'limited-access' }
			],
			teams: ['tier2']
		}
	];
	for (let i = 1; i < 24; i++) {
		const dept = DEPARTMENTS[i % DEPARTMENTS.length] as string;
		agents.push({
			id: `agent${i}`,
			firstName: FIRST[i % FIRST.length] as string,
			lastName: `${LAST[i % LAST.length] as string}${i}`,
			username: `agent${i}`,
			email: `agent${i}@deskdrill.test`,
			deptId: dept,
			roleId: i % 5 === 0 ? 'all-access' : 'expanded-access',
			teams: i % 3 === 0 ? ['tier2'] : i % 3 === 1 ? ['field'] : ['night']
		});
	}
	const users = [];
	for (let i = 0; i < userCount; i++) {
		const first = FIRST[i % FIRST.length] as string;
		const last = LAST[Math.floor(i / FIRST.length) % LAST.length] as string;
		users.push({
			id: `user${i}`,
			name: `${first} ${last} ${i}`,
			email: `${first}.${last}.${i}@example.test`.toLowerCase(),
			organization: i % 4 === 0 ? 'Accounting' : 'Operations'
		});
	}
	return buildWorld({
		start: BENCH_START,
		seed: 7,
		settings: { companyName: 'Deskdrill Bench Bank', defaultDeptId: 'support' },
		slas: [
			{ id: 'sev-a', name: 'SEV-A', graceHours: 1 },
			{ id: 'sev-b', name: 'SEV-B', graceHours: 4 },
			{
				id: 'sev-c',
				name: 'SEV-C',
				graceHours: 8,
				schedule: { kind: 'business', days: [1, 2, 3, 4, 5], open: '08:00', close: '17:00' }
			}
		],
		departments: DEPARTMENTS.map((id, i) => ({
			id,
			name: id[0]?.toUpperCase() + id.slice(1),
			slaId: i % 2 === 0 ? 'sev-c' : 'sev-b'
		})),
		agents,
		teams: [
			{ id: 'tier2', name: 'Tier 2' },
			{ id: 'field', name: 'Field Services' },
			{ id: 'night', name: 'Night Shift' }
		],
		topics: DEPARTMENTS.map((deptId) => ({
			id: `topic-${deptId}`,
			name: `${deptId} request`,
			deptId
		})),
		canned: [{ title: 'Acknowledge', body: 'Hi %{ticket.name.first}, we are on it.' }],
		users
	});
}

/**
 * `count` tickets as the engine would store them, spread over the last year:
 * about half open, a third closed or resolved; some assigned, some answered,
 * some overdue, a few referred.
 */
export function benchTickets(world: World, count: number, seed = 42): Record<string, Ticket> {
	const random = rng(seed);
	const userIds = Object.keys(world.users);
	const agentIds = Object.keys(world.agents);
	const teamIds = Object.keys(world.teams);
	const tickets: Record<string, Ticket> = {};
	for (let i = 0; i < count; i++) {
		const id = `t${i + 1}`;
		const deptId = DEPARTMENTS[random(DEPARTMENTS.length)] as string;
		const createdAt = BENCH_START - 365 * DAY + Math.floor((i / count) * 364 * DAY) + random(HOUR);
		const updatedAt = createdAt + random(5 * DAY);
		const roll = random(100);
		const status: StatusId = roll < 55 ? 'open' : roll < 75 ? 'resolved' : 'closed';
		const open = status === 'open';
		const slaId = deptId === 'sysadmins' ? 'sev-a' : random(2) === 0 ? 'sev-b' : 'sev-c';
		const slaDueAt = open ? createdAt + (slaId === 'sev-a' ? 1 : 8) * HOUR : null;
		const assigned = random(10);
		const ticket: Ticket = {
			id,
			// A bijection onto 100000..999999, so numbers are unique and look random.
			number: String(((i * 7919 + 12345) % 900000) + 100000),
			subject: `${THINGS[random(THINGS.length)] as string} ${PROBLEMS[random(PROBLEMS.length)] as string} ticket ${i}`,
			details: 'Reported by phone. Happens every morning since the last update.',
			source: SOURCES[random(SOURCES.length)] as TicketSource,
			userId: userIds[random(userIds.length)] as string,
			collaborators: [],
			topicId: `topic-${deptId}`,
			deptId,
			priority: PRIORITY_IDS[random(PRIORITY_IDS.length)] as PriorityId,
			slaId,
			slaDueAt,
			manualDueAt: null,
			dueAt: slaDueAt,
			overdue: open && slaDueAt !== null && slaDueAt < BENCH_START && random(20) === 0,
			answered: random(2) === 0,
			assigneeAgentId: assigned < 4 ? (agentIds[random(agentIds.length)] as string) : null,
			assigneeTeamId: assigned === 4 ? (teamIds[random(teamIds.length)] as string) : null,
			status,
			referrals: random(50) === 0 ? [{ kind: 'department', id: 'support' }] : [],
			lastRespondentId: null,
			createdAt,
			updatedAt,
			closedAt: open ? null : updatedAt,
			reopenedAt: null
		};
		tickets[id] = ticket;
	}
	return tickets;
}

/** The organisation with `count` tickets. */
export function benchWorld(count: number): World {
	const world = benchOrganisation();
	world.tickets = benchTickets(world, count);
	world.meta.counters['t'] = count;
	return world;
}
