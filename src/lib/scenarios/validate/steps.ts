/**
 * Steps: their persona, skill, instructions and hints, and each check: the
 * ticket names it uses (bound by a world ticket or a bind check), the people,
 * values and commands it names, and the events it is ordered by.
 */
import { PRIORITIES, SOURCES, STATUSES } from '../../domain';
import { formatPath, type PathPart } from '../parse';
import type { Check, Step } from '../types';
import { COMMAND_TYPES } from '../../domain';
import type { CrossCheck, Table } from './cross-check';
import { checkAnchors, checkEventMatch } from './event-match';
import { checkMarkdown } from './markdown';
import { didYouMean, typeName } from './words';

/** Bind every ticket name (world tickets, then bind checks in document order), once each. */
export function collectBinds(cx: CrossCheck): void {
	const paths = new Map<string, PathPart[]>();
	const add = (name: string, path: PathPart[]) => {
		const first = paths.get(name);
		if (first)
			cx.report(
				path,
				`the ticket name "${name}" is already bound at ${formatPath(first)}; bind each ticket once`
			);
		else paths.set(name, path);
		cx.bindNames.add(name);
	};
	const visit = (check: Check, path: PathPart[]) => {
		if (check.kind === 'bind') add(check.name, [...path, 'name']);
		if (check.kind === 'any') check.checks.forEach((c, k) => visit(c, [...path, 'checks', k]));
	};
	(cx.scenario.world.tickets ?? []).forEach((t, i) => add(t.ref, ['world', 'tickets', i, 'ref']));
	cx.scenario.steps.forEach((step, i) =>
		step.checks.forEach((check, j) => visit(check, ['steps', i, 'checks', j]))
	);
}

export function checkStep(cx: CrossCheck, step: Step, path: PathPart[]): void {
	const s = cx.scenario;
	if (!s.personas.some((p) => p.id === step.persona))
		cx.person([...path, 'persona'], step.persona, 'any');
	if (!s.skills.includes(step.skill))
		cx.report(
			[...path, 'skill'],
			`skill "${step.skill}" is not among the lab's skills (${s.skills.join(', ')})`
		);
	checkMarkdown(cx, [...path, 'instructions'], step.instructions);
	const levels = ['nudge', 'guided', 'strong'];
	let previous = -1;
	(step.hints ?? []).forEach((hint, i) => {
		checkMarkdown(cx, [...path, 'hints', i, 'text'], hint.text);
		const level = levels.indexOf(hint.level);
		if (level <= previous)
			cx.report(
				[...path, 'hints', i, 'level'],
				'hints go from nudge to guided to strong, each level at most once'
			);
		previous = level;
	});
	const cost = (step.hints ?? []).reduce((sum, h) => sum + h.cost, 0);
	if (cost > step.points)
		cx.report(
			[...path, 'hints'],
			`the hints cost ${cost} points in all, more than the step's ${step.points}`
		);
	step.checks.forEach((check, i) => checkCheck(cx, check, [...path, 'checks', i]));
}

function checkCheck(cx: CrossCheck, check: Check, path: PathPart[]): void {
	const at = (field: string) => [...path, field];
	if ('ticket' in check && typeof check.ticket === 'string') cx.binding(at('ticket'), check.ticket);
	if ('text' in check) cx.text(at('text'), check.text);
	if (check.kind === 'happened' || check.kind === 'refused' || check.kind === 'succeeded')
		checkAnchors(cx, check, path);
	switch (check.kind) {
		case 'bind':
			if (!check.user && !check.createdBy && !check.subject && !check.message)
				cx.report(
					path,
					'a bind check needs at least one of: user, createdBy, subject, message (what identifies the ticket)'
				);
			if (check.user) cx.person(at('user'), check.user, 'user');
			if (check.createdBy) cx.person(at('createdBy'), check.createdBy, 'any', true);
			cx.text(at('subject'), check.subject);
			cx.text(at('message'), check.message);
			break;
		case 'due':
			if (check.equals === undefined && check.before === undefined && check.after === undefined)
				cx.report(path, 'a due check needs "equals", "before" or "after"');
			break;
		case 'ticket': {
			if (check.equals === undefined && check.in === undefined)
				cx.report(path, 'a ticket check needs "equals" (or "in": a list of accepted values)');
			const values = check.in ?? (check.equals === undefined ? [] : [check.equals]);
			values.forEach((v, i) =>
				fieldValue(cx, check.in ? [...at('in'), i] : at('equals'), check.field, v)
			);
			break;
		}
		case 'happened':
		case 'never':
			checkEventMatch(cx, check, path);
			break;
		case 'refused':
		case 'succeeded': {
			const types = Array.isArray(check.command) ? check.command : [check.command];
			types.forEach((t, i) => {
				if (!(COMMAND_TYPES as string[]).includes(t))
					cx.report(
						Array.isArray(check.command) ? [...at('command'), i] : at('command'),
						`unknown command type "${t}"${didYouMean(t, COMMAND_TYPES)}`
					);
			});
			if (check.by) cx.person(at('by'), check.by, 'any', true);
			break;
		}
		case 'queue':
		case 'visible':
			cx.person(at('agent'), check.agent, 'agent');
			break;
		case 'access':
			cx.person(at('agent'), check.agent, 'agent');
			cx.ref(at('dept'), 'departments', check.dept);
			cx.ref(at('role'), 'roles', check.role);
			break;
		case 'mail':
			cx.person(at('to'), check.to, 'any');
			break;
		case 'any':
			check.checks.forEach((c, i) => checkCheck(cx, c, [...at('checks'), i]));
			break;
	}
}

const FIELD_TABLES: Record<string, Table> = {
	sla: 'slas',
	dept: 'departments',
	topic: 'topics',
	agent: 'agents',
	team: 'teams',
	user: 'users'
};
/** Ticket fields that always have a value. */
const NEVER_NULL = [
	'priority',
	'status',
	'state',
	'source',
	'overdue',
	'answered',
	'subject',
	'dept',
	'user'
];

/** A value a ticket check expects of a ticket field. */
function fieldValue(cx: CrossCheck, path: PathPart[], field: string, value: unknown): void {
	if (value === null) {
		if (NEVER_NULL.includes(field))
			cx.report(path, `the ${field} always has a value; null is not possible here`);
		return;
	}
	if (field === 'overdue' || field === 'answered') {
		if (typeof value !== 'boolean') cx.report(path, `expected true or false for ${field}`);
		return;
	}
	if (typeof value !== 'string') {
		cx.report(path, `expected text for ${field}, got ${typeName(value)}`);
		return;
	}
	const table = FIELD_TABLES[field];
	if (table) cx.ref(path, table, value);
	else if (field === 'priority')
		cx.oneOf(
			path,
			value,
			PRIORITIES.map((p) => p.id),
			'priority'
		);
	else if (field === 'status')
		cx.oneOf(
			path,
			value,
			STATUSES.map((p) => p.id),
			'status'
		);
	else if (field === 'state')
		cx.oneOf(path, value, ['open', 'closed', 'archived', 'deleted'], 'state');
	else if (field === 'source') cx.oneOf(path, value, SOURCES, 'source');
}
