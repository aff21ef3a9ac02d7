/**
 * "Show solution" for one step: the commands of the scenario's reference
 * solution that make that step pass, found by replaying the solution headless
 * and grading after each command, then told the way a trainee does them: who
 * to play, which ticket (its number and Issue Summary), and osTicket's own
 * labels (Edit, Assign ▾, Post Reply, Ticket Status...). A move of the clock
 * is the buttons to press. No binding name, id or command type reaches the
 * trainee.
 */
import {
	agentName,
	COMMAND_FIELDS,
	isPriorityId,
	isStatusId,
	priorityOf,
	statusOf,
	type World
} from '../domain';
import { grade } from '../grading';
import { resolveBindings } from '../scenarios/bindings';
import { findMail, runScript } from '../scenarios/solution';
import type { ScriptCommand, Scenario } from '../scenarios/types';
import { durationMinutes } from '../scenarios/world';
import { clockPresses } from './lab-clock';

/** A ticket as the trainee finds it: by number where it is known, and by its Issue Summary. */
export interface TicketRef {
	number: string | null;
	subject: string;
}

/** One line of the reference solution, with what the replay knew when it ran. */
interface SolutionLine {
	line: ScriptCommand;
	/** The ticket it acts on, in the reference run (before the command). */
	ticket: TicketRef | null;
	/** Whether the ticket existed when the lab started (its number is then the trainee's too). */
	seeded: boolean;
	/** The e-mail it answers (mail.reply): its subject. */
	mailSubject: string | null;
	/** The reference run's world after the line, for names (an agent created by an earlier line). */
	world: World;
}

const plan = new WeakMap<Scenario, Record<string, SolutionLine[]>>();

/** The reference solution replayed once per scenario: for each step, the lines that complete it. */
function solutionPlan(scenario: Scenario): Record<string, SolutionLine[]> {
	const cached = plan.get(scenario);
	if (cached) return cached;
	const result: Record<string, SolutionLine[]> = {};
	let pending: SolutionLine[] = [];
	let desk = runScript(scenario, []).desk;
	const seeded = new Set(
		(scenario.world.tickets ?? []).map((t) => t.ref).filter((r): r is string => !!r)
	);
	for (const line of scenario.solution) {
		const before = desk.world;
		const binding = line.ticket ? resolveBindings(scenario, before).get(line.ticket) : undefined;
		const t = binding?.ticketId ? before.tickets[binding.ticketId] : undefined;
		const mailId = line.mail ? findMail(scenario, before, line.mail) : null;
		desk = runScript(scenario, [line], desk).desk;
		pending.push({
			line,
			ticket: t ? { number: t.number, subject: t.subject } : null,
			seeded: !!line.ticket && seeded.has(line.ticket),
			mailSubject: before.mails.find((m) => m.id === mailId)?.subject ?? null,
			world: desk.world
		});
		const graded = grade(scenario, desk.world, desk.journal);
		const newlyPassed = graded.steps.filter((s) => s.status === 'passed' && !(s.id in result));
		if (newlyPassed.length === 0) continue;
		for (const step of newlyPassed) result[step.id] = pending;
		pending = [];
	}
	plan.set(scenario, result);
	return result;
}

/**
 * For each step, the solution's actions that complete it, in words. `live` is
 * the trainee's help desk: a ticket they already opened is named by its number
 * there.
 */
export function stepSolutions(scenario: Scenario, live?: World): Record<string, string[]> {
	const steps = solutionPlan(scenario);
	const bound = live ? resolveBindings(scenario, live) : null;
	const liveTicket = (name: string | undefined): TicketRef | null => {
		const id = name ? bound?.get(name)?.ticketId : undefined;
		const t = id ? live?.tickets[id] : undefined;
		return t ? { number: t.number, subject: t.subject } : null;
	};
	const liveMail = (l: SolutionLine): string | null => {
		const id = live && l.line.mail ? findMail(scenario, live, l.line.mail) : null;
		return (id ? live?.mails.find((m) => m.id === id)?.subject : undefined) ?? null;
	};
	const out: Record<string, string[]> = {};
	for (const [stepId, lines] of Object.entries(steps))
		out[stepId] = lines.map((l) =>
			describeLine(
				scenario,
				// The reference run's ticket number is not the trainee's: only their own mail names it.
				{ ...l, mailSubject: liveMail(l) ?? l.mailSubject?.replace(/\s*\[#\d+\]$/, '') ?? null },
				liveTicket(l.line.ticket) ?? (l.seeded ? l.ticket : null)
			)
		);
	return out;
}

// ---------------------------------------------------------------- wording

const quote = (text: unknown) => `“${String(text).replace(/\s+/g, ' ').trim()}”`;

function capital(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A ticket as the trainee finds it: "ticket #123456 (“Adobe upgrade is broken”)". */
export function ticketWords(known: TicketRef | null, reference: TicketRef | null): string {
	if (known?.number) return `ticket #${known.number} (${quote(known.subject)})`;
	if (reference) return `the ticket ${quote(reference.subject)}`;
	return 'the ticket';
}

/** Names for ids, from the reference run's world (which holds what earlier lines created). */
function names(world: World) {
	const agent = (id: unknown) => {
		const a = typeof id === 'string' ? world.agents[id] : undefined;
		return a ? agentName(a) : String(id);
	};
	const byId = <T extends { name: string }>(table: Record<string, T>, id: unknown) =>
		(typeof id === 'string' ? table[id]?.name : undefined) ?? String(id);
	return {
		agent,
		user: (id: unknown) => byId(world.users, id),
		dept: (id: unknown) => byId(world.departments, id),
		team: (id: unknown) => byId(world.teams, id),
		topic: (id: unknown) => byId(world.topics, id),
		sla: (id: unknown) => (id === null ? 'None' : byId(world.slas, id)),
		role: (id: unknown) => byId(world.roles, id),
		priority: (id: unknown) => (isPriorityId(id) ? priorityOf(id).name : String(id)),
		status: (id: unknown) => (isStatusId(id) ? statusOf(id).name : String(id))
	};
}

type Names = ReturnType<typeof names>;

/** "Label “value”" pairs, in the order given, for the fields a line sets. */
function fields(line: Record<string, unknown>, labels: [string, string, (v: unknown) => string][]) {
	return labels
		.filter(([key]) => line[key] !== undefined)
		.map(([key, label, show]) => `${label} ${show(line[key])}`);
}

function list(parts: string[]): string {
	return parts.length <= 1
		? (parts[0] ?? '')
		: `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function describeLine(scenario: Scenario, l: SolutionLine, known: TicketRef | null): string {
	const { line } = l;
	const parts: string[] = [];
	if (line.advance !== undefined) {
		const presses = clockPresses(durationMinutes(line.advance));
		if (presses) parts.push(presses);
	}
	if (line.do) {
		const persona = scenario.personas.find((p) => p.id === line.as);
		const n = names(l.world);
		const who =
			persona?.label ??
			(persona?.agent
				? n.agent(persona.agent)
				: persona?.user
					? n.user(persona.user)
					: 'the system');
		const ticket = ticketWords(known, l.ticket);
		const action = actionWords(line, l, n, ticket, persona?.role ?? 'agent');
		parts.push(
			line.expect === 'refused'
				? `as ${who}, try to ${action}: it is refused, which is what this step shows`
				: `as ${who}, ${action}`
		);
	}
	return capital(`${parts.join('; then ')}.`);
}

const q = (v: unknown) => quote(v);

function actionWords(
	line: ScriptCommand,
	l: SolutionLine,
	n: Names,
	ticket: string,
	role: 'end-user' | 'agent' | 'admin'
): string {
	const c = line as Record<string, unknown>;
	const status = (v: unknown) => `Ticket Status to ${n.status(v)}`;
	switch (line.do) {
		case 'ticket.open': {
			if (role === 'end-user')
				return `choose Open a New Ticket and fill in ${list(
					fields(c, [
						['topicId', 'Help Topic', (v) => q(n.topic(v))],
						['subject', 'Issue Summary', q],
						['details', 'Issue Details', q]
					])
				)}, then Create Ticket`;
			return `choose Open a New Ticket and fill in ${list(
				fields(c, [
					['userId', 'User', (v) => q(n.user(v))],
					['email', 'Email Address', q],
					['name', 'Full Name', q],
					['source', 'Ticket Source', q],
					['topicId', 'Help Topic', (v) => q(n.topic(v))],
					['deptId', 'Department', (v) => q(n.dept(v))],
					['priority', 'Priority', (v) => q(n.priority(v))],
					['slaId', 'SLA Plan', (v) => q(n.sla(v))],
					['assignAgentId', 'Assign To', (v) => q(n.agent(v))],
					['assignTeamId', 'Assign To', (v) => q(n.team(v))],
					['subject', 'Issue Summary', q],
					['details', 'Issue Details', q],
					['response', 'Response', q]
				])
			)}, then Open`;
		}
		case 'ticket.view':
			return line.expect === 'refused'
				? `open ${ticket} again by searching for its number`
				: `open ${ticket} from the queue`;
		case 'ticket.reply':
			if (role === 'end-user')
				return `choose Check Ticket Status, open ${ticket} and write in Reply: ${q(c['body'])}, then Post Reply`;
			return `open ${ticket}; in the Post Reply tab write the Response ${q(c['body'])}${
				c['status'] ? `, set ${status(c['status'])}` : ''
			}, then Post Reply`;
		case 'ticket.note':
			return `open ${ticket}; in the Post Internal Note tab write the Internal Note ${q(c['body'])}${
				c['status'] ? `, set ${status(c['status'])}` : ''
			}, then Post Note`;
		case 'mail.reply':
			return `open the Mailbox, open the e-mail ${l.mailSubject ? q(l.mailSubject) : 'from the help desk'} and write in Reply: ${q(c['body'])}, then Send Reply`;
		case 'ticket.edit': {
			const changes = (c['changes'] ?? {}) as Record<string, unknown>;
			const set = fields(changes, [
				['priority', 'Priority', (v) => `to ${n.priority(v)}`],
				['slaId', 'SLA Plan', (v) => `to ${n.sla(v)}`],
				['topicId', 'Help Topic', (v) => `to ${n.topic(v)}`],
				['source', 'Ticket Source', (v) => `to ${String(v)}`],
				['subject', 'Issue Summary', (v) => `to ${q(v)}`],
				['dueAt', 'Due Date', (v) => (v === null ? 'to none' : 'as asked')]
			]);
			return `open ${ticket}, choose Edit, set ${list(set)}, then Save`;
		}
		case 'ticket.assign': {
			// One command may assign an agent and a team: on screen, that is Assign ▾ twice.
			const to = [
				...(c['agentId'] ? [`Agent with the Assignee ${n.agent(c['agentId'])}`] : []),
				...(c['teamId'] ? [`Team with the Assignee ${n.team(c['teamId'])}`] : [])
			];
			const comment = c['comment'] ? ` and the Comments ${q(c['comment'])}` : '';
			return `open ${ticket} and choose ${to
				.map((t, i) => `Assign ▾ → ${t}${i === to.length - 1 ? comment : ''}, then Assign`)
				.join('; then ')}`;
		}
		case 'ticket.claim':
			return `open ${ticket} and choose Assign ▾ → Claim`;
		case 'ticket.release':
			return `open ${ticket} and choose More ▾ → Release (unassign) Ticket`;
		case 'ticket.transfer':
			return `open ${ticket}, choose Transfer, set the Department to ${n.dept(c['deptId'])}${
				c['comment'] ? ` with the Comments ${q(c['comment'])}` : ''
			}${c['refer'] ? ', tick Maintain referral access to current department' : ''}, then Transfer`;
		case 'ticket.refer': {
			const to = (c['to'] ?? {}) as { kind?: string; id?: unknown };
			const whom =
				to.kind === 'agent'
					? n.agent(to.id)
					: to.kind === 'team'
						? n.team(to.id)
						: `the ${n.dept(to.id)} department`;
			return `open ${ticket}, choose More ▾ → Manage Referrals and refer it to ${whom}`;
		}
		case 'ticket.status':
			return `open ${ticket} and choose Change Status ▾ → ${n.status(c['status'])}`;
		case 'ticket.markanswered':
			return `open ${ticket} and choose More ▾ → ${c['answered'] === false ? 'Mark as Unanswered' : 'Mark as Answered'}`;
		case 'ticket.owner':
			return `open ${ticket}, choose More ▾ → Change Owner and pick ${n.user(c['userId'])}`;
		case 'ticket.collaborator.add':
			return `open ${ticket}, choose More ▾ → Manage Collaborators and add ${n.user(c['userId'])}`;
		case 'ticket.collaborator.remove':
			return `open ${ticket}, choose More ▾ → Manage Collaborators and remove ${n.user(c['userId'])}`;
		case 'access.grant':
			return `in the Admin Panel open Agents → ${n.agent(c['agentId'])}, and in the Access tab set Extended access department ${n.dept(c['deptId'])} with the role ${n.role(c['roleId'])}, Add Access, then Save Changes`;
		case 'access.revoke':
			return `in the Admin Panel open Agents → ${n.agent(c['agentId'])}, and in the Access tab remove ${n.dept(c['deptId'])}, then Save Changes`;
		default: {
			// Admin changes the shipped labs do not use: the command's own description, in the Admin Panel.
			const known = line.do ? COMMAND_FIELDS[line.do as keyof typeof COMMAND_FIELDS] : undefined;
			const what = known?.description.replace(/^Admin: /, '').replace(/\.$/, '') ?? 'do this';
			return role === 'admin'
				? `in the Admin Panel, ${what.charAt(0).toLowerCase()}${what.slice(1)}`
				: what.charAt(0).toLowerCase() + what.slice(1);
		}
	}
}
