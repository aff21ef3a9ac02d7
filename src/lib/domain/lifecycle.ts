/**
 * Operations several commands share: due dates, status changes, overdue
 * marking and the mail each step sends. Each works on a Draft, so it takes
 * part in the command's all-or-nothing commit.
 */
import { canAccessDept } from './access';
import { refuse } from './errors';
import {
	composeMail,
	recipientOfAgent,
	recipientOfUser,
	ticketVars,
	type Recipient,
	type TemplateId,
	type TemplateVars
} from './mail';
import { addScheduleHours, scheduleInForce, scheduleSettings } from './schedule';
import { nextStatus } from './status-machine';
import { statusOf, type Agent, type Id, type SimTime, type StatusId, type Ticket } from './types';
import { settingsOf, type Draft } from './world';

/**
 * The due date plan `slaId` gives a ticket (Ticket::getSLADueDate): none
 * without a plan or with an inactive one; otherwise the grace hours from the
 * ticket's last reopening (else its creation), counted in its department's
 * schedule, else the plan's, else the system default (SLA::addGracePeriod),
 * in the world's time zone.
 */
export function slaDueDate(
	d: Draft,
	slaId: Id | null,
	ticket: Pick<Ticket, 'deptId' | 'createdAt' | 'reopenedAt'>
): SimTime | null {
	const sla = d.get('slas', slaId);
	if (!sla?.active) return null;
	const { timezone, defaultSchedule } = scheduleSettings(d.meta.settings);
	const dept = d.get('departments', ticket.deptId);
	const schedule = scheduleInForce(dept?.schedule, sla.schedule, defaultSchedule);
	const anchor = ticket.reopenedAt ?? ticket.createdAt;
	return addScheduleHours(anchor, sla.graceHours, schedule, timezone);
}

/** Store a ticket after a change: stamps the update time and keeps `dueAt` in step. */
export function saveTicket(d: Draft, ticket: Ticket, patch: Partial<Ticket>): Ticket {
	const next: Ticket = { ...ticket, ...patch, updatedAt: d.now };
	next.dueAt = next.manualDueAt ?? next.slaDueAt;
	return d.put('tickets', next);
}

/** Recompute the SLA due date from the ticket's anchor (created, or last reopened). */
export function withSlaDue(d: Draft, ticket: Ticket, slaId: Id | null): Partial<Ticket> {
	return { slaId, slaDueAt: slaDueDate(d, slaId, ticket) };
}

/**
 * Keep the overdue flag true to the due date: an open ticket past due is
 * marked (logged at `markedAt`, and alerted); one whose due date moved into
 * the future, or that has no due date any more, is cleared.
 */
export function refreshOverdue(d: Draft, ticket: Ticket, markedAt: SimTime = d.now): Ticket {
	const open = statusOf(ticket.status).state === 'open';
	// Past due, strictly: at the due minute itself the ticket is still in time (Ticket::checkOverdue uses `<`).
	const pastDue = open && ticket.dueAt !== null && ticket.dueAt < d.now;
	if (pastDue && !ticket.overdue) {
		const marked = saveTicket(d, ticket, { overdue: true });
		d.emit('ticket.overdue', ticket.id, { dueAt: ticket.dueAt as SimTime }, markedAt);
		const sla = d.get('slas', ticket.slaId);
		if (!sla?.disableOverdueAlerts)
			alertAgents(d, 'overdue.alert', marked, overdueRecipients(d, marked));
		return marked;
	}
	if (!pastDue && ticket.overdue) return saveTicket(d, ticket, { overdue: false });
	return ticket;
}

/**
 * Ticket::onOverdue: the assigned agent, or the members of the assigned team,
 * plus the department manager.
 */
function overdueRecipients(d: Draft, ticket: Ticket): Agent[] {
	const to = assigneeAgents(d, ticket.assigneeAgentId, ticket.assigneeTeamId);
	const manager = d.get('agents', d.get('departments', ticket.deptId)?.managerId);
	return manager?.active ? [...to, manager] : to;
}

export function sendMail(
	d: Draft,
	template: TemplateId,
	to: Recipient,
	ticket: Ticket,
	extra: TemplateVars = {}
): void {
	const n = (d.meta.counters['mail'] ?? 0) + 1;
	d.meta.counters['mail'] = n;
	d.mails.push({
		...composeMail(`m${n}`, d.now, template, to, ticket, { ...ticketVars(d, ticket), ...extra }),
		seq: d.meta.seq - 1
	});
}

/** Alert each agent once, never the agent who caused it. */
export function alertAgents(
	d: Draft,
	template: TemplateId,
	ticket: Ticket,
	agents: Agent[],
	extra: TemplateVars = {}
): void {
	const actorId = d.actor.role === 'agent' || d.actor.role === 'admin' ? d.actor.id : null;
	const seen = new Set<Id>();
	for (const agent of agents) {
		if (agent.id === actorId || seen.has(agent.id)) continue;
		seen.add(agent.id);
		sendMail(d, template, recipientOfAgent(agent), ticket, extra);
	}
}

/** Who a notice goes to (Post Reply's "Reply To"): everyone on the ticket, the owner only, or nobody. */
export type ReplyTo = 'all' | 'user' | 'none';

/** Notify the ticket's owner and, unless told otherwise, its collaborators. */
export function noticeUsers(
	d: Draft,
	template: TemplateId,
	ticket: Ticket,
	extra: TemplateVars = {},
	replyTo: ReplyTo = 'all'
): void {
	if (replyTo === 'none') return;
	const ids = replyTo === 'user' ? [ticket.userId] : [ticket.userId, ...ticket.collaborators];
	for (const id of ids) {
		const user = d.get('users', id);
		if (user) sendMail(d, template, recipientOfUser(user), ticket, extra);
	}
}

/**
 * The agents an assignment stands for, for alerts: the assigned agent, or,
 * when no agent is assigned, the members of the assigned team
 * (Ticket::postMessage, Ticket::onOverdue: team members only without an agent).
 */
export function assigneeAgents(d: Draft, agentId: Id | null, teamId: Id | null): Agent[] {
	const agent = d.get('agents', agentId);
	if (agent) return agent.active ? [agent] : [];
	const team = d.get('teams', teamId);
	return (team?.members ?? [])
		.map((id) => d.get('agents', id))
		.filter((a): a is Agent => !!a && a.active);
}

/** The agent whose e-mail is the administrator's address (the first administrator's by default). */
export function adminRecipient(d: Draft): Agent | undefined {
	const settings = settingsOf(d);
	if (!settings.alertAdmins) return undefined;
	const agents = d
		.all('agents')
		.filter((a) => a.active)
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const address = settings.adminEmail?.toLowerCase();
	return address
		? agents.find((a) => a.email.toLowerCase() === address)
		: agents.find((a) => a.isAdmin);
}

/** Refer the ticket to an agent unless they are already on its referrals. */
export function referToAgent(ticket: Ticket, agentId: Id | null): Ticket['referrals'] {
	if (!agentId || ticket.referrals.some((r) => r.kind === 'agent' && r.id === agentId))
		return ticket.referrals;
	return [...ticket.referrals, { kind: 'agent', id: agentId }];
}

/**
 * Move a ticket to another status through the lifecycle machine, as
 * Ticket::setStatus does. Permissions are the caller's business; this refuses
 * only what the lifecycle forbids.
 * - Closing makes the closing agent the ticket's agent, whoever was assigned;
 *   the previous assignee (or the closer) keeps read access through a
 *   referral (auto_refer_closed); overdue is cleared, and so is a due date
 *   already past.
 * - Reopening assigns the agent who closed it (or the last respondent) if
 *   they are active and still have access to the department, and otherwise
 *   clears the agent; the ticket is unanswered again and its SLA clock starts
 *   over from now.
 */
export function changeStatus(d: Draft, ticket: Ticket, to: StatusId): Ticket {
	if (ticket.status === to) refuse('conflict', `The ticket is already ${statusOf(to).name}.`);
	const next = nextStatus(ticket.status, to);
	if (next === null)
		refuse(
			'conflict',
			`A ticket that is ${statusOf(ticket.status).name} cannot be set to ${statusOf(to).name}.`
		);
	const fromState = statusOf(ticket.status).state;
	const toState = statusOf(next).state;
	const closer = d.actor.role === 'agent' || d.actor.role === 'admin' ? d.actor.id : null;
	if (fromState === 'open' && toState !== 'open') {
		const refer = ticket.assigneeAgentId ?? closer;
		const past = (at: SimTime | null) => (at !== null && at <= d.now ? null : at);
		const saved = saveTicket(d, ticket, {
			status: next,
			closedAt: d.now,
			overdue: false,
			assigneeAgentId: closer ?? ticket.assigneeAgentId,
			manualDueAt: past(ticket.manualDueAt),
			slaDueAt: past(ticket.slaDueAt),
			referrals: settingsOf(d).autoReferClosed ? referToAgent(ticket, refer) : ticket.referrals
		});
		d.emit('ticket.closed', ticket.id, { status: next, dueAt: ticket.dueAt });
		return saved;
	}
	if (fromState !== 'open' && toState === 'open') {
		const staff = d.get('agents', ticket.assigneeAgentId ?? ticket.lastRespondentId);
		const keeps =
			settingsOf(d).reopenAutoAssign && !!staff?.active && canAccessDept(d, staff, ticket.deptId);
		const reopened = { ...ticket, reopenedAt: d.now };
		const saved = saveTicket(d, ticket, {
			status: next,
			closedAt: null,
			reopenedAt: d.now,
			answered: false,
			assigneeAgentId: keeps && staff ? staff.id : null,
			...withSlaDue(d, reopened, ticket.slaId)
		});
		d.emit('ticket.reopened', ticket.id, { status: next });
		return saved;
	}
	const saved = saveTicket(d, ticket, { status: next });
	d.emit('ticket.status', ticket.id, { from: ticket.status, to: next });
	return saved;
}

/** A fresh, unused six-digit ticket number, drawn from the world's seeded generator. */
export function nextTicketNumber(d: Draft): string {
	const taken = new Set(d.all('tickets').map((t) => t.number));
	for (;;) {
		const candidate = String(100000 + d.random(900000));
		if (!taken.has(candidate)) return candidate;
	}
}
