/**
 * Operations several commands share: due dates, status changes, overdue
 * marking and the mail each step sends. Each works on a Draft, so it takes
 * part in the command's all-or-nothing commit.
 */
import { canSee } from './access';
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
import { addScheduleHours } from './schedule';
import { nextStatus } from './status-machine';
import { statusOf, type Agent, type Id, type SimTime, type StatusId, type Ticket } from './types';
import type { Draft } from './world';

/** The SLA due date for a ticket whose clock started at `anchor`. */
export function slaDueDate(d: Draft, slaId: Id | null, anchor: SimTime): SimTime | null {
	const sla = d.get('slas', slaId);
	if (!sla) return null;
	return addScheduleHours(anchor, sla.graceHours, sla.schedule);
}

/** Store a ticket after a change: stamps the update time and keeps `dueAt` in step. */
export function saveTicket(d: Draft, ticket: Ticket, patch: Partial<Ticket>): Ticket {
	const next: Ticket = { ...ticket, ...patch, updatedAt: d.now };
	next.dueAt = next.manualDueAt ?? next.slaDueAt;
	return d.put('tickets', next);
}

/** Recompute the SLA due date from the ticket's anchor (created, or last reopened). */
export function withSlaDue(d: Draft, ticket: Ticket, slaId: Id | null): Partial<Ticket> {
	return { slaId, slaDueAt: slaDueDate(d, slaId, ticket.reopenedAt ?? ticket.createdAt) };
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

function overdueRecipients(d: Draft, ticket: Ticket): Agent[] {
	const ids = new Set<Id>();
	if (ticket.assigneeAgentId) ids.add(ticket.assigneeAgentId);
	const manager = d.get('departments', ticket.deptId)?.managerId;
	if (manager) ids.add(manager);
	return [...ids].map((id) => d.get('agents', id)).filter((a): a is Agent => !!a && a.active);
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

/** Notify the ticket's owner and collaborators. */
export function noticeUsers(
	d: Draft,
	template: TemplateId,
	ticket: Ticket,
	extra: TemplateVars = {}
): void {
	for (const id of [ticket.userId, ...ticket.collaborators]) {
		const user = d.get('users', id);
		if (user) sendMail(d, template, recipientOfUser(user), ticket, extra);
	}
}

/** The agents behind an assignment: the agent, or the team's lead and members. */
export function assigneeAgents(d: Draft, agentId: Id | null, teamId: Id | null): Agent[] {
	const ids: Id[] = [];
	if (agentId) ids.push(agentId);
	const team = d.get('teams', teamId);
	if (team) ids.push(...(team.leadId ? [team.leadId] : []), ...team.members);
	return ids.map((id) => d.get('agents', id)).filter((a): a is Agent => !!a && a.active);
}

/**
 * Move a ticket to another status through the lifecycle machine. Permissions
 * are the caller's business; this refuses only what the lifecycle forbids.
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
	if (fromState === 'open' && toState !== 'open') {
		// The closer and the assignee keep read access through a referral (osTicket 1.17+),
		// so a ticket they resolved does not vanish from them.
		const referrals = [...ticket.referrals];
		const keep = [
			d.actor.role === 'agent' || d.actor.role === 'admin' ? d.actor.id : null,
			ticket.assigneeAgentId
		];
		const closed: Ticket = { ...ticket, status: next };
		for (const id of keep) {
			const agent = d.get('agents', id);
			if (
				agent &&
				!canSee(d, agent, closed) &&
				!referrals.some((r) => r.kind === 'agent' && r.id === agent.id)
			)
				referrals.push({ kind: 'agent', id: agent.id });
		}
		const saved = saveTicket(d, ticket, {
			status: next,
			closedAt: d.now,
			overdue: false,
			referrals
		});
		d.emit('ticket.closed', ticket.id, { status: next });
		return saved;
	}
	if (fromState !== 'open' && toState === 'open') {
		const reopened = { ...ticket, reopenedAt: d.now };
		const saved = saveTicket(d, ticket, {
			status: next,
			closedAt: null,
			reopenedAt: d.now,
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
