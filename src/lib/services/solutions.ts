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

function value(v: unknown): string {
	if (typeof v === 'string') return `“${v}”`;
	if (v && typeof v === 'object')
		return Object.entries(v)
			.map(([k, x]) => `${k} ${value(x)}`)
			.join(', ');
	return String(v);
}

export function describeScriptCommand(scenario: Scenario, line: ScriptCommand): string {
	const persona = scenario.personas.find((p) => p.id === line.as);
	const who = persona?.label ?? persona?.id ?? line.as ?? 'the system';
	const parts: string[] = [];
	if (line.advance !== undefined) parts.push(`let ${line.advance} pass`);
	if (line.do) {
		const what = PHRASES[line.do] ?? line.do;
		const target = line.ticket ? ` on ticket “${line.ticket}”` : '';
		const fields = Object.entries(line)
			.filter(([k]) => !SKIP.has(k))
			.map(([k, v]) => `${k}: ${value(v)}`);
		parts.push(`as ${who}, ${what}${target}${fields.length ? ` (${fields.join('; ')})` : ''}`);
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
