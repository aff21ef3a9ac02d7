/**
 * The reference solution and the attempts: who runs each command, the ticket
 * names and mails it refers to, clock moves, the command's own fields
 * (command-fields.ts), and each attempt's verdict, own ticket names and edits
 * of the solution, whose command ids must exist.
 */
import type { PathPart } from '../parse';
import type { Attempt, Scenario, ScriptCommand } from '../types';
import { durationMinutes } from '../world';
import { checkCommandFields, createdIds, SCRIPT_FIELDS, type Created } from './command-fields';
import { COMMAND_TYPES } from '../../domain';
import type { CrossCheck } from './cross-check';
import { didYouMean } from './words';

export function checkScripts(cx: CrossCheck): void {
	const s = cx.scenario;
	const created = createdIds(allCommands(s));
	s.solution.forEach((c, i) => checkCommand(cx, c, ['solution', i], created));
	const solutionIds = new Set(s.solution.map((c) => c.id).filter(Boolean));
	const solutionId = (path: PathPart[], id: string | undefined, key = false) => {
		if (id !== undefined && !solutionIds.has(id))
			cx.report(path, `the solution has no command with id "${id}"`, key);
	};
	const max = s.steps.reduce((sum, step) => sum + step.points, 0);
	for (const [i, attempt] of s.attempts.entries()) {
		const path: PathPart[] = ['attempts', i];
		attempt.fails?.forEach((id, j) => stepId(cx, [...path, 'fails', j], id));
		if (attempt.scores !== undefined && attempt.scores > max)
			cx.report([...path, 'scores'], `the lab's steps are worth ${max} points in all`);
		const local = new Set<string>();
		attempt.bind?.forEach((spec, j) => {
			if (cx.bindNames.has(spec.name) || local.has(spec.name))
				cx.report(
					[...path, 'bind', j, 'name'],
					`the ticket name "${spec.name}" is already bound; give the attempt's own ticket a name of its own`
				);
			local.add(spec.name);
			if (spec.user) cx.person([...path, 'bind', j, 'user'], spec.user, 'user');
			if (spec.createdBy) cx.person([...path, 'bind', j, 'createdBy'], spec.createdBy, 'any', true);
		});
		const edits = attempt.without || attempt.replace || attempt.append || attempt.insert;
		if (attempt.commands && edits)
			cx.report(
				path,
				'an attempt has either "commands", or edits of the solution ("without", "replace", "insert", "append"), not both'
			);
		if (!attempt.commands && !edits)
			cx.report(
				path,
				'an attempt needs "commands", or edits of the solution ("without", "replace", "insert", "append")'
			);
		const command = (c: ScriptCommand, at: PathPart[]) => checkCommand(cx, c, at, created, local);
		attempt.commands?.forEach((c, j) => command(c, [...path, 'commands', j]));
		attempt.append?.forEach((c, j) => command(c, [...path, 'append', j]));
		attempt.without?.forEach((id, j) => solutionId([...path, 'without', j], id));
		for (const [id, c] of Object.entries(attempt.replace ?? {})) {
			solutionId([...path, 'replace', id], id, true);
			command(c, [...path, 'replace', id]);
		}
		attempt.insert?.forEach((at, j) => {
			const where: PathPart[] = [...path, 'insert', j];
			if ((at.before === undefined) === (at.after === undefined))
				cx.report(where, 'an insertion names exactly one of "before" and "after"');
			solutionId([...where, 'before'], at.before);
			solutionId([...where, 'after'], at.after);
			at.commands.forEach((c, k) => command(c, [...where, 'commands', k]));
		});
	}
}

/** Every command line of the lab: the solution's and the attempts'. */
function allCommands(s: Scenario): ScriptCommand[] {
	const ofAttempt = (a: Attempt) => [
		...(a.commands ?? []),
		...(a.append ?? []),
		...Object.values(a.replace ?? {}),
		...(a.insert ?? []).flatMap((at) => at.commands)
	];
	return [...s.solution, ...s.attempts.flatMap(ofAttempt)];
}

function stepId(cx: CrossCheck, path: PathPart[], id: string): void {
	if (cx.scenario.steps.some((s) => s.id === id)) return;
	const known = cx.scenario.steps.map((s) => s.id);
	cx.report(
		path,
		`there is no step "${id}"${didYouMean(id, known)}; step ids: ${known.join(', ')}`
	);
}

/** One script line: its own fields (do, as, advance, ticket, mail), then the command's. */
function checkCommand(
	cx: CrossCheck,
	c: ScriptCommand,
	path: PathPart[],
	created: Created,
	local: ReadonlySet<string> = new Set()
): void {
	const at = (field: string) => [...path, field];
	if (!c.do && c.advance === undefined)
		cx.report(path, 'a command needs "do" (a command type) or "advance" (a clock move)');
	if (c.advance !== undefined && !(durationMinutes(c.advance) > 0))
		cx.report(
			at('advance'),
			`"${String(c.advance)}" is not a duration: use minutes (90) or text such as 90m, 2h, 1d4h`
		);
	if (c.do !== undefined) {
		if (!(COMMAND_TYPES as string[]).includes(c.do))
			cx.report(at('do'), `unknown command type "${c.do}"${didYouMean(c.do, COMMAND_TYPES)}`);
		if (!c.as) cx.report(path, `missing required field "as": the persona who runs ${c.do}`);
		else if (!cx.scenario.personas.some((p) => p.id === c.as)) {
			const known = cx.scenario.personas.map((p) => p.id);
			cx.report(at('as'), `there is no persona "${c.as}"; personas: ${known.join(', ')}`);
		}
	}
	if (c.ticket !== undefined) cx.binding(at('ticket'), c.ticket, local);
	if (c.mail) {
		cx.person([...at('mail'), 'to'], c.mail.to, 'any');
		if (c.mail.ticket) cx.binding([...at('mail'), 'ticket'], c.mail.ticket, local);
	}
	if (c.do !== undefined && (COMMAND_TYPES as string[]).includes(c.do))
		checkCommandFields(cx, c, path, created);
	else if (c.do === undefined && c.advance !== undefined)
		for (const key of Object.keys(c).filter((k) => !SCRIPT_FIELDS.includes(k)))
			cx.report(
				at(key),
				`"${key}" does nothing on a line without "do": a line with only "advance" moves the clock; add the command type, or remove "${key}"`,
				true
			);
}
