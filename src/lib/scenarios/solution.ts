/**
 * Running a reference solution or an attempt headless: each line becomes a
 * domain command run through the journal (HelpDesk), with its references
 * resolved against the world as it is at that moment: `ticket: outage` is the
 * ticket the binding "outage" finds now, `mail: {to: karen, ticket: outage}`
 * is the latest mail sent to Karen about it.
 */
import { HelpDesk, type Actor, type Command, type World } from '../domain';
import { resolveBindings } from './bindings';
import type { Attempt, BindSpec, MailRef, Persona, Scenario, ScriptCommand } from './types';
import { durationMinutes, scenarioWorld } from './world';

export interface ScriptProblem {
	/** Index of the command in the script. */
	index: number;
	message: string;
}

export interface ScriptRun {
	desk: HelpDesk;
	problems: ScriptProblem[];
}

const RESERVED = new Set(['id', 'as', 'do', 'ticket', 'mail', 'advance', 'expect']);

export function actorOf(persona: Persona): Actor {
	if (persona.role === 'end-user') return { role: 'end-user', id: persona.user ?? persona.id };
	return { role: persona.role, id: persona.agent ?? persona.id };
}

/**
 * The commands of an attempt: its own list, or the reference solution edited
 * (without some commands, some replaced, some inserted before or after a named
 * one, some appended). Insertions refer to the solution's own command ids.
 */
export function attemptCommands(scenario: Scenario, attempt: Attempt): ScriptCommand[] {
	if (attempt.commands) return attempt.commands;
	const without = new Set(attempt.without ?? []);
	const replaced = attempt.replace ?? {};
	const insertions = attempt.insert ?? [];
	const lines: ScriptCommand[] = [];
	for (const c of scenario.solution) {
		for (const at of insertions) if (c.id && at.before === c.id) lines.push(...at.commands);
		if (!(c.id && without.has(c.id)))
			lines.push((c.id && replaced[c.id] ? replaced[c.id] : c) as ScriptCommand);
		for (const at of insertions) if (c.id && at.after === c.id) lines.push(...at.commands);
	}
	return [...lines, ...(attempt.append ?? [])];
}

/** The id of the latest mail matching a reference, or null. */
export function findMail(
	scenario: Scenario,
	world: World,
	ref: MailRef,
	bind: BindSpec[] = []
): string | null {
	const persona = scenario.personas.find((p) => p.id === ref.to);
	const to = persona ? actorOf(persona) : null;
	const recipientId = to && 'id' in to ? to.id : ref.to;
	const ticketId = ref.ticket
		? resolveBindings(scenario, world, bind).get(ref.ticket)?.ticketId
		: null;
	if (ref.ticket && !ticketId) return null;
	for (let i = world.mails.length - 1; i >= 0; i--) {
		const mail = world.mails[i];
		if (!mail || mail.to.id !== recipientId) continue;
		if (ticketId && mail.ticketId !== ticketId) continue;
		if (ref.template && mail.template !== ref.template) continue;
		return mail.id;
	}
	return null;
}

/**
 * Run a script on a fresh help desk (or `desk`). `bind` adds names of the
 * script's own (an attempt's test ticket). Every command is checked against
 * what the author expects (`expect`, accepted by default): a surprise is a
 * problem, so a typo that makes a command a no-op never passes silently.
 */
export function runScript(
	scenario: Scenario,
	commands: ScriptCommand[],
	desk: HelpDesk = new HelpDesk(scenarioWorld(scenario)),
	bind: BindSpec[] = []
): ScriptRun {
	const problems: ScriptProblem[] = [];
	commands.forEach((line, index) => {
		const label = `${line.as ?? 'system'} ${line.do ?? 'clock.advance'}`;
		if (line.advance !== undefined) {
			const minutes = durationMinutes(line.advance);
			const r = desk.run({ role: 'system' }, { type: 'clock.advance', minutes });
			if (!r.ok) problems.push({ index, message: `advance ${line.advance}: ${r.error.message}` });
		}
		if (!line.do) return;
		const persona = scenario.personas.find((p) => p.id === line.as);
		if (!persona) {
			problems.push({ index, message: `${label}: there is no persona "${line.as}"` });
			return;
		}
		const fields: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(line))
			if (!RESERVED.has(key)) fields[key] = structuredClone(value);
		if (line.ticket !== undefined) {
			const ticketId = resolveBindings(scenario, desk.world, bind).get(line.ticket)?.ticketId;
			if (!ticketId) {
				problems.push({
					index,
					message: `${label}: no ticket is bound to “${line.ticket}” at this point`
				});
				return;
			}
			fields['ticketId'] = ticketId;
		}
		if (line.mail !== undefined) {
			const mailId = findMail(scenario, desk.world, line.mail, bind);
			if (!mailId) {
				problems.push({
					index,
					message: `${label}: no mail matches ${JSON.stringify(line.mail)} at this point`
				});
				return;
			}
			fields['mailId'] = mailId;
		}
		const command = { ...fields, type: line.do } as Command;
		let outcome: 'ok' | 'refused';
		try {
			const r = desk.run(actorOf(persona), command);
			outcome = r.ok ? 'ok' : 'refused';
			const expected = line.expect ?? 'ok';
			if (outcome !== expected)
				problems.push({
					index,
					message: r.ok
						? `${label} was accepted, but the script expects it to be refused`
						: `${label} was refused: ${r.error.message}`
				});
		} catch (error) {
			problems.push({
				index,
				message: `${label} crashed the engine: ${error instanceof Error ? error.message : String(error)}`
			});
		}
	});
	return { desk, problems };
}
