/**
 * Validating a parsed scenario: first against the JSON Schema (shape and
 * types), then against itself (every step, check and command names a persona,
 * ticket, help topic, department, SLA plan, agent or user that exists), then
 * by building its world, whose refusals are mapped back to the entry at fault.
 * Every problem names the field path and what was expected.
 */
import AjvImport, { type ErrorObject, type ValidateFunction } from 'ajv';
import {
	PRIORITIES,
	SOURCES,
	STATUSES,
	type CommandType,
	type EventType,
	type World
} from '../domain';
import { formatPath, type ParsedFile, type PathPart } from './parse';
import { SCENARIO_SCHEMA } from './schema';
import type { Check, Problem, Scenario, ScriptCommand, Step, TextMatch } from './types';
import { durationMinutes, scenarioWorld, ScenarioWorldError, describe } from './world';

// ---------------------------------------------------------------- schema

type AjvClass = typeof AjvImport;
// ajv is CommonJS: under some bundlers the class is the default export's `default`.
const Ajv: AjvClass =
	(AjvImport as unknown as { default?: AjvClass }).default ?? (AjvImport as AjvClass);

let compiled: ValidateFunction | null = null;
function schemaValidator(): ValidateFunction {
	compiled ??= new Ajv({
		allErrors: true,
		discriminator: true,
		verbose: true,
		strict: true,
		strictRequired: false,
		allowUnionTypes: true
	}).compile(SCENARIO_SCHEMA);
	return compiled;
}

function pointerToPath(pointer: string): PathPart[] {
	if (!pointer) return [];
	return pointer
		.split('/')
		.slice(1)
		.map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
		.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function typeName(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a mapping';
	if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
	if (typeof value === 'number')
		return Number.isInteger(value) ? `the number ${value}` : `the number ${value}`;
	return `${typeof value} ${String(value)}`;
}

const TYPE_WORDS: Record<string, string> = {
	string: 'text',
	number: 'a number',
	integer: 'a whole number',
	boolean: 'true or false',
	object: 'a mapping (key: value)',
	array: 'a list',
	null: 'null'
};

function closest(word: string, options: string[]): string | null {
	let best: string | null = null;
	let bestScore = Infinity;
	for (const option of options) {
		const d = editDistance(word.toLowerCase(), option.toLowerCase());
		if (d < bestScore) {
			bestScore = d;
			best = option;
		}
	}
	return best !== null && bestScore <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

function editDistance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let prev = row[0] as number;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const tmp = row[j] as number;
			row[j] = Math.min(
				(row[j] as number) + 1,
				(row[j - 1] as number) + 1,
				prev + (a[i - 1] === b[j - 1] ? 0 : 1)
			);
			prev = tmp;
		}
	}
	return row[b.length] as number;
}

/** One ajv error as a problem a person can act on, or null for noise. */
function schemaProblem(parsed: ParsedFile, error: ErrorObject): Problem | null {
	const path = pointerToPath(error.instancePath);
	const params = error.params as Record<string, unknown>;
	const parent = error.parentSchema as
		{ description?: string; properties?: Record<string, unknown> } | undefined;
	let field = path;
	let key = false;
	let message: string;
	switch (error.keyword) {
		case 'required':
			field = [...path, String(params['missingProperty'])];
			message = `missing required field "${String(params['missingProperty'])}"`;
			break;
		case 'additionalProperties': {
			const extra = String(params['additionalProperty']);
			field = [...path, extra];
			key = true;
			const known = Object.keys(parent?.properties ?? {});
			const guess = closest(extra, known);
			message = `unknown field "${extra}"${guess ? ` (did you mean "${guess}"?)` : ''}; expected one of: ${known.join(', ')}`;
			break;
		}
		case 'type': {
			const wanted = String(params['type'])
				.split(',')
				.map((t) => TYPE_WORDS[t] ?? t)
				.join(' or ');
			message = `expected ${wanted}, got ${typeName(error.data)}`;
			break;
		}
		case 'enum':
			message = `expected one of: ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}; got ${typeName(error.data)}`;
			break;
		case 'const':
			message = `expected ${JSON.stringify(params['allowedValue'])}, got ${typeName(error.data)}`;
			break;
		case 'discriminator': {
			const kinds = (
				(
					SCENARIO_SCHEMA['$defs'] as Record<
						string,
						{ oneOf: { properties: { kind: { const: string } } }[] }
					>
				)['check']?.oneOf ?? []
			).map((c) => c.properties.kind.const);
			const tag = (error.data as Record<string, unknown> | null)?.['kind'];
			field = [...path, 'kind'];
			message =
				tag === undefined
					? `a check needs a "kind": one of ${kinds.join(', ')}`
					: `unknown check kind ${JSON.stringify(tag)}${closest(String(tag), kinds) ? ` (did you mean "${closest(String(tag), kinds)}"?)` : ''}; expected one of: ${kinds.join(', ')}`;
			break;
		}
		case 'pattern':
			message = `${typeName(error.data)} is not ${parent?.description ?? `in the expected format (${String(params['pattern'])})`}`;
			break;
		case 'minItems':
			message = `expected at least ${String(params['limit'])} item(s)`;
			break;
		case 'minLength':
			message = 'must not be empty';
			break;
		case 'uniqueItems':
			message = `has a duplicate item (items ${String(params['j'])} and ${String(params['i'])} are the same)`;
			break;
		case 'minimum':
		case 'maximum':
		case 'exclusiveMinimum':
			message = `expected a number ${String(params['comparison'])} ${String(params['limit'])}, got ${typeName(error.data)}`;
			break;
		case 'if':
		case 'oneOf':
		case 'anyOf':
		case 'allOf':
			return null;
		default:
			message = error.message ?? error.keyword;
	}
	const pos = parsed.locate(field, key);
	return { file: parsed.file, ...pos, path: formatPath(field), message };
}

export function schemaProblems(parsed: ParsedFile): Problem[] {
	const validate = schemaValidator();
	if (validate(parsed.data)) return [];
	const seen = new Set<string>();
	const problems: Problem[] = [];
	for (const error of validate.errors ?? []) {
		const problem = schemaProblem(parsed, error);
		if (!problem) continue;
		const key = `${problem.path}|${problem.message}`;
		if (seen.has(key)) continue;
		seen.add(key);
		problems.push(problem);
	}
	if (problems.length === 0)
		problems.push({
			file: parsed.file,
			line: 2,
			column: 1,
			path: '',
			message: 'the front matter does not match the scenario schema'
		});
	return problems;
}

// ---------------------------------------------------------------- cross-references

const COMMAND_TYPES: CommandType[] = [
	'ticket.open',
	'ticket.view',
	'ticket.reply',
	'mail.reply',
	'ticket.note',
	'ticket.assign',
	'ticket.claim',
	'ticket.release',
	'ticket.transfer',
	'ticket.refer',
	'ticket.edit',
	'ticket.status',
	'ticket.collaborator.add',
	'agent.create',
	'agent.update',
	'access.grant',
	'access.revoke',
	'department.create',
	'department.update',
	'team.create',
	'team.update',
	'role.create',
	'role.update',
	'sla.create',
	'sla.update',
	'topic.create',
	'topic.update',
	'canned.create',
	'user.create',
	'clock.advance'
];

/** Payload fields of each event type, for `where`. */
const EVENT_FIELDS: Record<EventType, string[]> = {
	'ticket.created': [
		'number',
		'subject',
		'source',
		'userId',
		'topicId',
		'deptId',
		'priority',
		'slaId'
	],
	'ticket.message': ['body', 'via', 'userId'],
	'ticket.response': ['body', 'agentId', 'status'],
	'ticket.note': ['title', 'body', 'agentId'],
	'ticket.assigned': [
		'agentId',
		'teamId',
		'claimed',
		'previousAgentId',
		'previousTeamId',
		'comment'
	],
	'ticket.released': ['agentId', 'teamId'],
	'ticket.transferred': ['from', 'to', 'comment'],
	'ticket.referred': ['to', 'comment'],
	'ticket.edited': ['field', 'before', 'after'],
	'ticket.status': ['from', 'to'],
	'ticket.closed': ['status'],
	'ticket.reopened': ['status'],
	'ticket.overdue': ['dueAt'],
	'ticket.collab': ['userId', 'action'],
	'admin.created': ['entity', 'id', 'name'],
	'admin.updated': ['entity', 'id', 'name'],
	'access.granted': ['agentId', 'deptId', 'roleId'],
	'access.revoked': ['agentId', 'deptId', 'roleId'],
	'user.created': ['userId', 'name', 'email'],
	'clock.advanced': ['from', 'to']
};

type Table = 'agents' | 'users' | 'departments' | 'teams' | 'topics' | 'slas' | 'roles';
const TABLE_WORDS: Record<Table, string> = {
	agents: 'agent',
	users: 'end user',
	departments: 'department',
	teams: 'team',
	topics: 'help topic',
	slas: 'SLA plan',
	roles: 'role'
};

/** Which table a `where` field refers to, by event type. */
function whereTable(event: EventType, field: string): Table | 'status' | 'priority' | null {
	if (['agentId', 'previousAgentId'].includes(field)) return 'agents';
	if (['teamId', 'previousTeamId'].includes(field)) return 'teams';
	if (field === 'deptId') return 'departments';
	if (field === 'roleId') return 'roles';
	if (field === 'userId') return 'users';
	if (field === 'topicId') return 'topics';
	if (field === 'slaId') return 'slas';
	if (field === 'priority') return 'priority';
	if (field === 'status') return 'status';
	if (event === 'ticket.transferred' && (field === 'from' || field === 'to')) return 'departments';
	if (event === 'ticket.status' && (field === 'from' || field === 'to')) return 'status';
	return null;
}

const MARKDOWN_DANGER: [RegExp, string][] = [
	[/<\s*script\b/i, 'a <script> tag'],
	[/<\s*(iframe|object|embed|style|link|meta|form|base)\b/i, 'an <$1> tag'],
	[/<[^>]*\son[a-z]+\s*=/i, 'an event-handler attribute (on...=)'],
	[/(?:javascript|vbscript|data)\s*:/i, 'a script URL (javascript:, vbscript: or data:)']
];

class CrossCheck {
	readonly problems: Problem[] = [];
	readonly bindNames = new Set<string>();
	constructor(
		readonly parsed: ParsedFile,
		readonly scenario: Scenario,
		readonly world: World | null
	) {}

	report(path: PathPart[], message: string, key = false): void {
		this.problems.push({
			file: this.parsed.file,
			...this.parsed.locate(path, key),
			path: formatPath(path),
			message
		});
	}

	has(table: Table, id: string): boolean {
		return !this.world || id in this.world[table];
	}

	/** Report an id that the world does not define. */
	ref(path: PathPart[], table: Table, id: string | null | undefined): void {
		if (id === null || id === undefined || this.has(table, id)) return;
		const known = Object.keys(this.world?.[table] ?? {});
		const guess = closest(id, known);
		this.report(
			path,
			`there is no ${TABLE_WORDS[table]} "${id}" in the world${guess ? ` (did you mean "${guess}"?)` : ''}; ${TABLE_WORDS[table]} ids: ${known.join(', ') || 'none'}`
		);
	}

	/** A persona id, or a world agent/user id (or "system" where allowed). */
	person(path: PathPart[], ref: string, want: 'agent' | 'user' | 'any', system = false): void {
		if (system && ref === 'system') return;
		const persona = this.scenario.personas.find((p) => p.id === ref);
		const isAgent = persona ? persona.role !== 'end-user' : this.has('agents', ref) && !!this.world;
		const isUser = persona ? persona.role === 'end-user' : this.has('users', ref) && !!this.world;
		if (!this.world && !persona) return;
		if (!persona && !isAgent && !isUser) {
			const known = [...this.scenario.personas.map((p) => p.id)];
			const guess = closest(ref, known);
			this.report(
				path,
				`there is no persona, agent or user "${ref}"${guess ? ` (did you mean "${guess}"?)` : ''}; personas: ${known.join(', ')}`
			);
			return;
		}
		if (want === 'agent' && !isAgent)
			this.report(path, `"${ref}" is an end user; an agent is expected here`);
		if (want === 'user' && !isUser)
			this.report(path, `"${ref}" is an agent; an end user is expected here`);
	}

	binding(path: PathPart[], name: string): void {
		if (this.bindNames.has(name)) return;
		const known = [...this.bindNames];
		const guess = closest(name, known);
		this.report(
			path,
			`no ticket is bound to the name "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}: add a check {kind: bind, name: ${name}, ...} or a world ticket with ref: ${name}; bound names: ${known.join(', ') || 'none'}`
		);
	}

	stepId(path: PathPart[], id: string, self?: string): void {
		if (id === self) this.report(path, `a step cannot come after itself`);
		else if (!this.scenario.steps.some((s) => s.id === id)) {
			const known = this.scenario.steps.map((s) => s.id);
			const guess = closest(id, known);
			this.report(
				path,
				`there is no step "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}; step ids: ${known.join(', ')}`
			);
		}
	}

	markdown(path: PathPart[], text: string | undefined): void {
		if (!text) return;
		for (const [pattern, what] of MARKDOWN_DANGER) {
			const match = pattern.exec(text);
			if (!match) continue;
			if (path[0] === 'briefing') {
				const line = this.parsed.briefingLine + text.slice(0, match.index).split('\n').length - 1;
				this.problems.push({
					file: this.parsed.file,
					line,
					column: match.index - text.lastIndexOf('\n', match.index - 1),
					path: 'briefing',
					message: `markdown must not contain ${what.replace('$1', match[1] ?? '')}: scenario text is shown to learners and may not run code`
				});
			} else
				this.report(
					path,
					`markdown must not contain ${what.replace('$1', match[1] ?? '')}: scenario text is shown to learners and may not run code`
				);
		}
	}

	text(path: PathPart[], match: TextMatch | undefined): void {
		if (match && !match.any && !match.all && match.minWords === undefined)
			this.report(path, 'a text match needs "any", "all" or "minWords"');
	}

	run(): Problem[] {
		const s = this.scenario;
		this.unique(
			s.personas.map((p) => p.id),
			['personas'],
			'id',
			'persona id'
		);
		this.unique(
			s.steps.map((p) => p.id),
			['steps'],
			'id',
			'step id'
		);
		this.unique(
			s.attempts.map((p) => p.name),
			['attempts'],
			'name',
			'attempt name'
		);
		this.unique(
			s.solution.map((c) => c.id ?? null),
			['solution'],
			'id',
			'command id'
		);

		this.markdown(['briefing'], s.briefing);
		for (const [i, persona] of s.personas.entries()) {
			const path: PathPart[] = ['personas', i];
			if (persona.role === 'end-user') this.ref([...path, 'user'], 'users', persona.user);
			else {
				this.ref([...path, 'agent'], 'agents', persona.agent);
				const agent = persona.agent ? this.world?.agents[persona.agent] : undefined;
				if (persona.role === 'admin' && agent && !agent.isAdmin)
					this.report(
						[...path, 'agent'],
						`persona "${persona.id}" plays an administrator, but agent "${agent.id}" is not one (isAdmin: true)`
					);
			}
		}

		// Names of bound tickets, in document order.
		const bindPaths = new Map<string, PathPart[]>();
		(s.world.tickets ?? []).forEach((t, i) =>
			this.addBind(bindPaths, t.ref, ['world', 'tickets', i, 'ref'])
		);
		s.steps.forEach((step, i) =>
			step.checks.forEach((check, j) =>
				this.collectBinds(bindPaths, check, ['steps', i, 'checks', j])
			)
		);

		for (const [i, step] of s.steps.entries()) this.step(step, ['steps', i]);
		this.cycles();

		s.solution.forEach((c, i) => this.command(c, ['solution', i]));
		const solutionIds = new Set(s.solution.map((c) => c.id).filter(Boolean));
		for (const [i, attempt] of s.attempts.entries()) {
			const path: PathPart[] = ['attempts', i];
			attempt.fails.forEach((id, j) => this.stepId([...path, 'fails', j], id));
			const edits = attempt.without || attempt.replace || attempt.append;
			if (attempt.commands && edits)
				this.report(
					path,
					'an attempt has either "commands", or edits of the solution ("without", "replace", "append"), not both'
				);
			if (!attempt.commands && !edits)
				this.report(
					path,
					'an attempt needs "commands", or edits of the solution ("without", "replace", "append")'
				);
			attempt.commands?.forEach((c, j) => this.command(c, [...path, 'commands', j]));
			attempt.append?.forEach((c, j) => this.command(c, [...path, 'append', j]));
			attempt.without?.forEach((id, j) => {
				if (!solutionIds.has(id))
					this.report([...path, 'without', j], `the solution has no command with id "${id}"`);
			});
			for (const [id, c] of Object.entries(attempt.replace ?? {})) {
				if (!solutionIds.has(id))
					this.report(
						[...path, 'replace', id],
						`the solution has no command with id "${id}"`,
						true
					);
				this.command(c, [...path, 'replace', id]);
			}
		}
		return this.problems;
	}

	unique(ids: (string | null)[], path: PathPart[], field: string, what: string): void {
		const seen = new Map<string, number>();
		ids.forEach((id, i) => {
			if (id === null) return;
			const first = seen.get(id);
			if (first !== undefined)
				this.report(
					[...path, i, field],
					`duplicate ${what} "${id}" (already used by ${formatPath([...path, first])})`
				);
			else seen.set(id, i);
		});
	}

	addBind(paths: Map<string, PathPart[]>, name: string, path: PathPart[]): void {
		const first = paths.get(name);
		if (first)
			this.report(
				path,
				`the ticket name "${name}" is already bound at ${formatPath(first)}; bind each ticket once`
			);
		else paths.set(name, path);
		this.bindNames.add(name);
	}

	collectBinds(paths: Map<string, PathPart[]>, check: Check, path: PathPart[]): void {
		if (check.kind === 'bind') this.addBind(paths, check.name, [...path, 'name']);
		if (check.kind === 'any')
			check.checks.forEach((c, k) => this.collectBinds(paths, c, [...path, 'checks', k]));
	}

	step(step: Step, path: PathPart[]): void {
		if (!this.scenario.personas.some((p) => p.id === step.persona))
			this.person([...path, 'persona'], step.persona, 'any');
		if (!this.scenario.skills.includes(step.skill))
			this.report(
				[...path, 'skill'],
				`skill "${step.skill}" is not among the lab's skills (${this.scenario.skills.join(', ')})`
			);
		if (step.after) {
			this.stepId([...path, 'after'], step.after, step.id);
			const target = this.scenario.steps.find((s) => s.id === step.after);
			if (target && !target.checks.some(timed))
				this.report(
					[...path, 'after'],
					`step "${target.id}" has no "happened", "refused", "succeeded" or "bind" check, so there is no moment it was done to come after`
				);
		}
		this.markdown([...path, 'instructions'], step.instructions);
		const levels = ['nudge', 'guided', 'strong'];
		let previous = -1;
		(step.hints ?? []).forEach((hint, i) => {
			this.markdown([...path, 'hints', i, 'text'], hint.text);
			const level = levels.indexOf(hint.level);
			if (level <= previous)
				this.report(
					[...path, 'hints', i, 'level'],
					'hints go from nudge to guided to strong, each level at most once'
				);
			previous = level;
		});
		const cost = (step.hints ?? []).reduce((sum, h) => sum + h.cost, 0);
		if (cost > step.points)
			this.report(
				[...path, 'hints'],
				`the hints cost ${cost} points in all, more than the step's ${step.points}`
			);
		step.checks.forEach((check, i) => this.check(check, [...path, 'checks', i], step.id));
	}

	check(check: Check, path: PathPart[], stepId: string): void {
		const at = (field: string) => [...path, field];
		if ('ticket' in check && typeof check.ticket === 'string')
			this.binding(at('ticket'), check.ticket);
		if ('after' in check && typeof check.after === 'string')
			this.stepId(at('after'), check.after, stepId);
		if ('text' in check) this.text(at('text'), check.text);
		switch (check.kind) {
			case 'bind':
				if (
					!check.user &&
					!check.createdBy &&
					!check.topic &&
					!check.dept &&
					!check.source &&
					!check.subject
				)
					this.report(
						path,
						'a bind check needs at least one of: user, createdBy, topic, dept, source, subject'
					);
				if (check.user) this.person(at('user'), check.user, 'user');
				if (check.createdBy) this.person(at('createdBy'), check.createdBy, 'any', true);
				this.ref(at('topic'), 'topics', check.topic);
				this.ref(at('dept'), 'departments', check.dept);
				this.text(at('subject'), check.subject);
				break;
			case 'ticket': {
				if (check.equals === undefined && check.in === undefined)
					this.report(path, 'a ticket check needs "equals" (or "in": a list of accepted values)');
				const values = check.in ?? (check.equals === undefined ? [] : [check.equals]);
				values.forEach((v, i) =>
					this.fieldValue(check.in ? [...at('in'), i] : at('equals'), check.field, v)
				);
				break;
			}
			case 'happened':
			case 'never':
				this.eventMatch(check, path);
				if (check.kind === 'happened' && check.afterEvent) {
					this.eventMatch(check.afterEvent, at('afterEvent'));
					if (check.afterEvent.ticket)
						this.binding([...at('afterEvent'), 'ticket'], check.afterEvent.ticket);
				}
				break;
			case 'refused':
			case 'succeeded': {
				const types = Array.isArray(check.command) ? check.command : [check.command];
				types.forEach((t, i) => {
					if (!(COMMAND_TYPES as string[]).includes(t))
						this.report(
							Array.isArray(check.command) ? [...at('command'), i] : at('command'),
							`unknown command type "${t}"${closest(t, COMMAND_TYPES) ? ` (did you mean "${closest(t, COMMAND_TYPES)}"?)` : ''}`
						);
				});
				if (check.by) this.person(at('by'), check.by, 'any', true);
				if (check.afterEvent) {
					this.eventMatch(check.afterEvent, at('afterEvent'));
					if (check.afterEvent.ticket)
						this.binding([...at('afterEvent'), 'ticket'], check.afterEvent.ticket);
				}
				break;
			}
			case 'queue':
			case 'visible':
				this.person(at('agent'), check.agent, 'agent');
				break;
			case 'access':
				this.person(at('agent'), check.agent, 'agent');
				this.ref(at('dept'), 'departments', check.dept);
				this.ref(at('role'), 'roles', check.role);
				break;
			case 'mail':
				this.person(at('to'), check.to, 'any');
				break;
			case 'any':
				check.checks.forEach((c, i) => this.check(c, [...at('checks'), i], stepId));
				break;
		}
	}

	eventMatch(
		match: { event: EventType; by?: string; where?: Record<string, unknown> },
		path: PathPart[]
	): void {
		if (match.by) this.person([...path, 'by'], match.by, 'any', true);
		for (const [key, value] of Object.entries(match.where ?? {})) {
			const fields = EVENT_FIELDS[match.event];
			if (!fields.includes(key)) {
				const guess = closest(key, fields);
				this.report(
					[...path, 'where', key],
					`a ${match.event} event has no field "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}; its fields: ${fields.join(', ')}`,
					true
				);
				continue;
			}
			const table = whereTable(match.event, key);
			const values = Array.isArray(value) ? value : [value];
			values.forEach((v, i) => {
				const p = Array.isArray(value) ? [...path, 'where', key, i] : [...path, 'where', key];
				if (v === null || typeof v !== 'string') return;
				if (table === 'status')
					this.oneOf(
						p,
						v,
						STATUSES.map((x) => x.id),
						'status'
					);
				else if (table === 'priority')
					this.oneOf(
						p,
						v,
						PRIORITIES.map((x) => x.id),
						'priority'
					);
				else if (table) this.ref(p, table, v);
			});
		}
	}

	oneOf(path: PathPart[], value: unknown, allowed: readonly string[], what: string): void {
		if (!allowed.includes(String(value)))
			this.report(
				path,
				`"${String(value)}" is not a ${what}; expected one of: ${allowed.join(', ')}`
			);
	}

	fieldValue(path: PathPart[], field: string, value: unknown): void {
		const tables: Record<string, Table> = {
			sla: 'slas',
			dept: 'departments',
			topic: 'topics',
			agent: 'agents',
			team: 'teams',
			user: 'users'
		};
		if (value === null) {
			if (
				[
					'priority',
					'status',
					'state',
					'source',
					'overdue',
					'answered',
					'subject',
					'dept',
					'user'
				].includes(field)
			)
				this.report(path, `the ${field} always has a value; null is not possible here`);
			return;
		}
		if (field === 'overdue' || field === 'answered') {
			if (typeof value !== 'boolean') this.report(path, `expected true or false for ${field}`);
			return;
		}
		if (typeof value !== 'string') {
			this.report(path, `expected text for ${field}, got ${typeName(value)}`);
			return;
		}
		const table = tables[field];
		if (table) this.ref(path, table, value);
		else if (field === 'priority')
			this.oneOf(
				path,
				value,
				PRIORITIES.map((p) => p.id),
				'priority'
			);
		else if (field === 'status')
			this.oneOf(
				path,
				value,
				STATUSES.map((p) => p.id),
				'status'
			);
		else if (field === 'state')
			this.oneOf(path, value, ['open', 'closed', 'archived', 'deleted'], 'state');
		else if (field === 'source') this.oneOf(path, value, SOURCES, 'source');
	}

	command(c: ScriptCommand, path: PathPart[]): void {
		const at = (field: string) => [...path, field];
		if (!c.do && c.advance === undefined)
			this.report(path, 'a command needs "do" (a command type) or "advance" (a clock move)');
		if (c.advance !== undefined && !(durationMinutes(c.advance) > 0))
			this.report(
				at('advance'),
				`"${String(c.advance)}" is not a duration: use minutes (90) or text such as 90m, 2h, 1d4h`
			);
		if (c.do !== undefined) {
			if (!(COMMAND_TYPES as string[]).includes(c.do))
				this.report(
					at('do'),
					`unknown command type "${c.do}"${closest(c.do, COMMAND_TYPES) ? ` (did you mean "${closest(c.do, COMMAND_TYPES)}"?)` : ''}`
				);
			if (!c.as) this.report(path, `missing required field "as": the persona who runs ${c.do}`);
			else if (!this.scenario.personas.some((p) => p.id === c.as)) {
				const known = this.scenario.personas.map((p) => p.id);
				this.report(at('as'), `there is no persona "${c.as}"; personas: ${known.join(', ')}`);
			}
		}
		if (c.ticket !== undefined) this.binding(at('ticket'), c.ticket);
		if (c.mail) {
			this.person([...at('mail'), 'to'], c.mail.to, 'any');
			if (c.mail.ticket) this.binding([...at('mail'), 'ticket'], c.mail.ticket);
		}
		const refs: [string, Table][] = [
			['topicId', 'topics'],
			['deptId', 'departments'],
			['slaId', 'slas'],
			['agentId', 'agents'],
			['teamId', 'teams'],
			['userId', 'users'],
			['roleId', 'roles'],
			['assignAgentId', 'agents'],
			['assignTeamId', 'teams']
		];
		for (const [field, table] of refs) {
			const value = c[field];
			if (typeof value === 'string' && !(c.do === 'agent.create' || c.do?.endsWith('.create')))
				this.ref(at(field), table, value);
		}
		const changes = c['changes'] as Record<string, unknown> | undefined;
		if (c.do === 'ticket.edit' && changes && typeof changes === 'object') {
			if (typeof changes['slaId'] === 'string')
				this.ref([...at('changes'), 'slaId'], 'slas', changes['slaId']);
			if (typeof changes['topicId'] === 'string')
				this.ref([...at('changes'), 'topicId'], 'topics', changes['topicId']);
			if (changes['priority'] !== undefined)
				this.oneOf(
					[...at('changes'), 'priority'],
					changes['priority'],
					PRIORITIES.map((p) => p.id),
					'priority'
				);
		}
	}

	/** Steps that come after each other in a circle can never be graded. */
	cycles(): void {
		const steps = this.scenario.steps;
		const deps = (step: Step) => {
			const out = new Set<string>();
			if (step.after) out.add(step.after);
			const visit = (c: Check) => {
				if ('after' in c && typeof c.after === 'string') out.add(c.after);
				if (c.kind === 'any') c.checks.forEach(visit);
			};
			step.checks.forEach(visit);
			return [...out];
		};
		const state = new Map<string, number>();
		const walk = (id: string, trail: string[]): void => {
			if (state.get(id) === 2) return;
			if (state.get(id) === 1) {
				const index = steps.findIndex((s) => s.id === id);
				this.report(
					['steps', index, 'after'],
					`steps come after each other in a circle: ${[...trail.slice(trail.indexOf(id)), id].join(' → ')}`
				);
				return;
			}
			const step = steps.find((s) => s.id === id);
			if (!step) return;
			state.set(id, 1);
			for (const dep of deps(step)) walk(dep, [...trail, id]);
			state.set(id, 2);
		};
		for (const step of steps) walk(step.id, []);
	}
}

function timed(check: Check): boolean {
	if (['happened', 'refused', 'succeeded', 'bind'].includes(check.kind)) return true;
	return check.kind === 'any' && check.checks.some(timed);
}

/** Validate a parsed file; returns the scenario or the problems found. */
export function validateParsed(parsed: ParsedFile): {
	scenario: Scenario | null;
	problems: Problem[];
} {
	const problems = schemaProblems(parsed);
	if (problems.length) return { scenario: null, problems };
	const scenario = {
		...(parsed.data as Omit<Scenario, 'file' | 'briefing'>),
		file: parsed.file,
		briefing: parsed.briefing
	} as Scenario;
	let world: World | null = null;
	const worldProblems: Problem[] = [];
	try {
		world = scenarioWorld(scenario);
	} catch (error) {
		const path = error instanceof ScenarioWorldError ? error.path : ['world'];
		worldProblems.push({
			file: parsed.file,
			...parsed.locate(path),
			path: formatPath(path),
			message: `the world cannot be built: ${describe(error)}`
		});
	}
	const cross = new CrossCheck(parsed, scenario, world).run();
	const all = [...worldProblems, ...cross].sort((a, b) => a.line - b.line || a.column - b.column);
	return all.length ? { scenario: null, problems: all } : { scenario, problems: [] };
}
