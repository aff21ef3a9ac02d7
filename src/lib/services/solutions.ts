/**
 * "Show solution" for one step: the commands of the scenario's reference
 * solution that make that step pass, found by replaying the solution headless
 * and grading after each command, then described in words.
 */
import { grade } from '../grading';
import { runScript } from '../scenarios/solution';
import type { ScriptCommand, Scenario } from '../scenarios/types';

const PHRASES: Record<string, string> = {
	'ticket.open': 'open a ticket',
	'ticket.view': 'open the ticket',
	'ticket.reply': 'post a reply',
	'mail.reply': 'reply to the e-mail',
	'ticket.note': 'post an internal note',
	'ticket.assign': 'assign the ticket',
	'ticket.claim': 'claim the ticket',
	'ticket.release': 'release the assignment',
	'ticket.transfer': 'transfer the ticket',
	'ticket.refer': 'refer the ticket',
	'ticket.edit': 'edit the ticket',
	'ticket.status': 'change the ticket status',
	'access.grant': 'grant department access',
	'access.revoke': 'revoke department access',
	'agent.update': 'edit the agent'
};

const SKIP = new Set(['as', 'do', 'id', 'expect', 'advance', 'ticket', 'mail']);

const LABELS: Record<string, string> = {
	priority: 'Priority',
	slaId: 'SLA Plan',
	topicId: 'Help Topic',
	deptId: 'Department',
	agentId: 'agent',
	teamId: 'team',
	roleId: 'role',
	status: 'Ticket Status',
	dueAt: 'Due Date',
	body: 'text',
	subject: 'Issue Summary',
	details: 'Issue Details',
	source: 'Ticket Source',
	userId: 'user',
	comment: 'comment'
};

/** Names instead of ids, from the scenario's world, so the solution reads like the screen. */
function namer(scenario: Scenario) {
	const w = scenario.world;
	const find = (list: { id?: string; name?: string }[] | undefined, id: string) =>
		list?.find((x) => x.id === id)?.name;
	const agent = (id: string) => {
		const a = w.agents?.find((x) => x.id === id);
		return a ? `${a.firstName} ${a.lastName ?? ''}`.trim() : undefined;
	};
	const capital = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
	return (key: string, v: unknown): string => {
		if (typeof v !== 'string') return String(v);
		const name =
			key === 'slaId'
				? find(w.slas, v)
				: key === 'topicId'
					? find(w.topics, v)
					: key === 'deptId'
						? find(w.departments, v)
						: key === 'teamId'
							? find(w.teams, v)
							: key === 'roleId'
								? (find(w.roles, v) ?? v.split('-').map(capital).join(' ').replace('Only', 'only'))
								: key === 'agentId'
									? agent(v)
									: key === 'userId'
										? find(w.users, v)
										: key === 'priority' || key === 'status'
											? capital(v)
											: undefined;
		return name ?? `“${v}”`;
	};
}

function fieldsText(scenario: Scenario, fields: [string, unknown][]): string {
	const name = namer(scenario);
	return fields
		.flatMap(([k, v]) =>
			v && typeof v === 'object' && !Array.isArray(v)
				? Object.entries(v as Record<string, unknown>)
				: [[k, v] as [string, unknown]]
		)
		.map(([k, v]) => `${LABELS[k] ?? k}: ${name(k, v)}`)
		.join('; ');
}

export function describeScriptCommand(scenario: Scenario, line: ScriptCommand): string {
	const persona = scenario.personas.find((p) => p.id === line.as);
	const agent = persona?.agent
		? scenario.world.agents?.find((a) => a.id === persona.agent)
		: undefined;
	const user = persona?.user ? scenario.world.users?.find((u) => u.id === persona.user) : undefined;
	const who =
		persona?.label ??
		(agent ? `${agent.firstName} ${agent.lastName ?? ''}`.trim() : user?.name) ??
		line.as ??
		'the system';
	const parts: string[] = [];
	if (line.advance !== undefined) parts.push(`let ${line.advance} pass`);
	if (line.do) {
		const what = PHRASES[line.do] ?? line.do;
		const target = line.ticket ? ` (the “${line.ticket}” ticket)` : '';
		const fields = fieldsText(
			scenario,
			Object.entries(line).filter(([k]) => !SKIP.has(k))
		);
		const refused = line.expect === 'refused' ? ' (this is refused: that is the point)' : '';
		parts.push(
			`as ${who}, ${line.expect === 'refused' ? `try to ${what}` : what}${target}${fields ? ` — ${fields}` : ''}${refused}`
		);
	}
	const text = parts.join(', then ');
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** For each step, the solution commands that complete it (those after the previous step's). */
export function stepSolutions(scenario: Scenario): Record<string, string[]> {
	const result: Record<string, string[]> = {};
	let from = 0;
	for (let k = 1; k <= scenario.solution.length; k++) {
		const run = runScript(scenario, scenario.solution.slice(0, k));
		const graded = grade(scenario, run.desk.world, run.desk.journal);
		const newlyPassed = graded.steps.filter((s) => s.status === 'passed' && !(s.id in result));
		if (newlyPassed.length === 0) continue;
		const lines = scenario.solution
			.slice(from, k)
			.map((line) => describeScriptCommand(scenario, line));
		for (const step of newlyPassed) result[step.id] = lines;
		from = k;
	}
	return result;
}
