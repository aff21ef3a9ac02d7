/**
 * The entities of the simulated help desk, shaped after osTicket's data model
 * (see shared/reference/osticket-model.md). Plain serialisable objects: the world
 * is persisted by src/lib/db and rebuilt from it, so nothing here holds a class.
 */

export type Id = string;
/** Simulated time, in milliseconds since the epoch (UTC). Never `Date.now()`. */
export type SimTime = number;

// ---------------------------------------------------------------- permissions

/** Permissions that live on roles, and so apply per department. */
export const ROLE_PERMISSIONS = [
	'ticket.create',
	'ticket.edit',
	'ticket.assign',
	'ticket.release',
	'ticket.transfer',
	'ticket.refer',
	'ticket.merge',
	'ticket.link',
	'ticket.reply',
	'ticket.markanswered',
	'ticket.close',
	'ticket.delete',
	'thread.edit',
	'task.create',
	'task.edit',
	'task.assign',
	'task.transfer',
	'task.reply',
	'task.close',
	'task.delete',
	'canned.manage'
] as const;
export type RolePermission = (typeof ROLE_PERMISSIONS)[number];

/** Permissions that are the agent's own, whatever the department. */
export const AGENT_PERMISSIONS = [
	'user.create',
	'user.edit',
	'user.delete',
	'user.manage',
	'user.dir',
	'org.create',
	'org.edit',
	'org.delete',
	'faq.manage',
	'emails.banlist',
	'search.all',
	'stats.agents',
	'visibility.agents',
	'visibility.departments'
] as const;
export type AgentPermission = (typeof AGENT_PERMISSIONS)[number];

/** What each permission lets an agent do, in words a trainee understands. */
export const PERMISSION_LABELS: Record<RolePermission | AgentPermission, string> = {
	'ticket.create': 'open tickets',
	'ticket.edit': 'edit tickets',
	'ticket.assign': 'assign tickets',
	'ticket.release': 'release ticket assignments',
	'ticket.transfer': 'transfer tickets',
	'ticket.refer': 'refer tickets',
	'ticket.merge': 'merge tickets',
	'ticket.link': 'link tickets',
	'ticket.reply': 'reply to tickets',
	'ticket.markanswered': 'mark tickets answered',
	'ticket.close': 'close tickets',
	'ticket.delete': 'delete tickets',
	'thread.edit': 'edit thread entries',
	'task.create': 'create tasks',
	'task.edit': 'edit tasks',
	'task.assign': 'assign tasks',
	'task.transfer': 'transfer tasks',
	'task.reply': 'reply to tasks',
	'task.close': 'close tasks',
	'task.delete': 'delete tasks',
	'canned.manage': 'manage canned responses',
	'user.create': 'create users',
	'user.edit': 'edit users',
	'user.delete': 'delete users',
	'user.manage': 'manage user accounts',
	'user.dir': 'browse the user directory',
	'org.create': 'create organisations',
	'org.edit': 'edit organisations',
	'org.delete': 'delete organisations',
	'faq.manage': 'manage the knowledge base',
	'emails.banlist': 'manage the e-mail ban list',
	'search.all': 'search all tickets',
	'stats.agents': 'see agent statistics',
	'visibility.agents': 'see all agents',
	'visibility.departments': 'see all departments'
};

// ---------------------------------------------------------------- fixed lists

export const PRIORITIES = [
	{ id: 'low', name: 'Low', urgency: 4 },
	{ id: 'normal', name: 'Normal', urgency: 3 },
	{ id: 'high', name: 'High', urgency: 2 },
	{ id: 'emergency', name: 'Emergency', urgency: 1 }
] as const;
export type PriorityId = (typeof PRIORITIES)[number]['id'];

/** Ticket statuses and their states, as osTicket ships them. */
export const STATUSES = [
	{ id: 'open', name: 'Open', state: 'open' },
	{ id: 'resolved', name: 'Resolved', state: 'closed' },
	{ id: 'closed', name: 'Closed', state: 'closed' },
	{ id: 'archived', name: 'Archived', state: 'archived' },
	{ id: 'deleted', name: 'Deleted', state: 'deleted' }
] as const;
export type StatusId = (typeof STATUSES)[number]['id'];
export type StatusState = (typeof STATUSES)[number]['state'];

export const SOURCES = ['Web', 'Email', 'Phone', 'API', 'Other'] as const;
export type TicketSource = (typeof SOURCES)[number];
/** The sources an agent may pick when opening a ticket for a user. */
export const AGENT_SOURCES = ['Phone', 'Email', 'Other'] as const;

// ---------------------------------------------------------------- people

export interface EndUser {
	id: Id;
	name: string;
	email: string;
	organization?: string | undefined;
}

export type Pronoun = 'he' | 'she' | 'they';

export interface DeptAccess {
	deptId: Id;
	roleId: Id;
}

export interface Agent {
	id: Id;
	firstName: string;
	lastName: string;
	username: string;
	email: string;
	/** Primary department and the role the agent has there. */
	deptId: Id;
	roleId: Id;
	/** Extended access: other departments, each with its own role. */
	access: DeptAccess[];
	/** osTicket's "Limit ticket access to ONLY assigned tickets". */
	limitedAccess: boolean;
	isAdmin: boolean;
	permissions: AgentPermission[];
	active: boolean;
	/** Used only to word explanations ("hidden from him"). */
	pronoun: Pronoun;
}

export interface Role {
	id: Id;
	name: string;
	permissions: RolePermission[];
}

// ---------------------------------------------------------------- organisation

export type AssignmentRestriction = 'anyone' | 'members' | 'primary';

export interface Department {
	id: Id;
	name: string;
	parentId: Id | null;
	public: boolean;
	slaId: Id | null;
	managerId: Id | null;
	assignment: AssignmentRestriction;
	signature: string;
	/** When its tickets' SLA clocks run; beats the plan's schedule (Dept::getSchedule). null: the plan's. */
	schedule: Schedule | null;
}

export interface Team {
	id: Id;
	name: string;
	leadId: Id | null;
	members: Id[];
}

export type Schedule =
	| { kind: '24/7' }
	| {
			kind: 'business';
			/** Working days, 0 = Sunday … 6 = Saturday. */
			days: number[];
			/** Opening and closing time of a working day, "HH:MM", in the world's time zone. */
			open: string;
			close: string;
			/** Days with no working hours: ISO dates "YYYY-MM-DD", or "us" for the U.S. holidays of every year. */
			holidays?: string[];
	  };
export type BusinessSchedule = Extract<Schedule, { kind: 'business' }>;

export interface SlaPlan {
	id: Id;
	name: string;
	graceHours: number;
	/** null: the system default schedule (Settings.defaultSchedule). A department's schedule beats it. */
	schedule: Schedule | null;
	active: boolean;
	transient: boolean;
	disableOverdueAlerts: boolean;
}

export interface HelpTopic {
	id: Id;
	name: string;
	public: boolean;
	active: boolean;
	deptId: Id | null;
	priority: PriorityId | null;
	slaId: Id | null;
	autoAssignAgentId: Id | null;
	autoAssignTeamId: Id | null;
}

export interface CannedResponse {
	id: Id;
	title: string;
	body: string;
	/** Restricted to one department, or null for all. */
	deptId: Id | null;
}

// ---------------------------------------------------------------- tickets

export type Referral = { kind: 'agent' | 'team' | 'department'; id: Id };

export interface Ticket {
	id: Id;
	number: string;
	subject: string;
	details: string;
	source: TicketSource;
	userId: Id;
	collaborators: Id[];
	topicId: Id | null;
	deptId: Id;
	priority: PriorityId;
	slaId: Id | null;
	/** Due date the SLA plan gives; null without a plan. */
	slaDueAt: SimTime | null;
	/** Due date set by hand; wins over the SLA's. */
	manualDueAt: SimTime | null;
	/** The due date in force (manual, else SLA); kept for sorting and indexes. */
	dueAt: SimTime | null;
	overdue: boolean;
	answered: boolean;
	assigneeAgentId: Id | null;
	assigneeTeamId: Id | null;
	status: StatusId;
	referrals: Referral[];
	lastRespondentId: Id | null;
	createdAt: SimTime;
	updatedAt: SimTime;
	closedAt: SimTime | null;
	reopenedAt: SimTime | null;
}

// ---------------------------------------------------------------- helpers

// Lookups by id: queues call these for every one of up to 100,000 tickets.
const STATUS_BY_ID = Object.fromEntries(STATUSES.map((s) => [s.id, s])) as Record<
	StatusId,
	(typeof STATUSES)[number]
>;
const PRIORITY_BY_ID = Object.fromEntries(PRIORITIES.map((p) => [p.id, p])) as Record<
	PriorityId,
	(typeof PRIORITIES)[number]
>;

export function statusOf(id: StatusId) {
	const status = STATUS_BY_ID[id];
	if (!status) throw new Error(`unknown status ${id}`);
	return status;
}

export function stateOf(ticket: Pick<Ticket, 'status'>): StatusState {
	return statusOf(ticket.status).state;
}

export function priorityOf(id: PriorityId) {
	const priority = PRIORITY_BY_ID[id];
	if (!priority) throw new Error(`unknown priority ${id}`);
	return priority;
}

export function agentName(agent: Pick<Agent, 'firstName' | 'lastName'>): string {
	return `${agent.firstName} ${agent.lastName}`.trim();
}

export function isPriorityId(value: unknown): value is PriorityId {
	return typeof value === 'string' && Object.hasOwn(PRIORITY_BY_ID, value);
}

export function isStatusId(value: unknown): value is StatusId {
	return typeof value === 'string' && Object.hasOwn(STATUS_BY_ID, value);
}
