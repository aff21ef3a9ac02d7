/**
 * The first pass: the front matter against the JSON Schema (shape and types),
 * with ajv's errors turned into problems a person can act on, each located at
 * the field at fault.
 */
import AjvImport, { type ErrorObject, type ValidateFunction } from 'ajv';
import { formatPath, type ParsedFile, type PathPart } from '../parse';
import { SCENARIO_SCHEMA } from '../schema';
import type { Problem } from '../types';
import { clockProblem } from './clock';
import { didYouMean, TYPE_WORDS, typeName } from './words';

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

type ParentSchema = { description?: string; properties?: Record<string, unknown> } | undefined;

/**
 * Properties that can change after a ticket is opened, wrongly put in a bind:
 * the event field that records them at opening, and the ticket field that holds them now.
 */
const MUTABLE: Record<string, [string, string]> = {
	topic: ['topicId', 'topic'],
	topicId: ['topicId', 'topic'],
	dept: ['deptId', 'dept'],
	deptId: ['deptId', 'dept'],
	department: ['deptId', 'dept'],
	source: ['source', 'source'],
	priority: ['priority', 'priority'],
	sla: ['slaId', 'sla'],
	slaId: ['slaId', 'sla']
};

function unknownField(extra: string, parent: ParentSchema, data: unknown): string {
	const known = Object.keys(parent?.properties ?? {});
	const mutable = MUTABLE[extra];
	// Only bind specs (a bind check, an attempt's bind) have createdBy.
	if (mutable && known.includes('createdBy')) {
		const bind = (data ?? {}) as Record<string, unknown>;
		const value = typeof bind[extra] === 'string' ? bind[extra] : '...';
		const name = typeof bind['name'] === 'string' ? bind['name'] : '...';
		const [where, field] = mutable;
		return `"${extra}" is not part of what identifies a ticket (user, createdBy, subject, message): it can change after the ticket is opened. Check it with a check of its own: {kind: happened, event: ticket.created, ticket: ${name}, where: {${where}: ${value}}} for the value it was opened with, or {kind: ticket, ticket: ${name}, field: ${field}, equals: ${value}} for the one it has now`;
	}
	return `unknown field "${extra}"${didYouMean(extra, known)}; expected one of: ${known.join(', ')}`;
}

/** What an anyOf of `required` alternatives asks for, in words. */
function alternatives(error: ErrorObject): string | null {
	const branches = error.schema as unknown;
	if (!Array.isArray(branches)) return null;
	const names = branches.map((b: { required?: string[] }) => b.required?.[0]);
	if (names.some((n) => n === undefined)) return null;
	if (names.join() === 'fails,scores')
		return 'an attempt needs "fails" (the steps it must fail, [] for a valid alternative) or "scores" (the exact score it reaches)';
	return `needs one of: ${names.map((n) => `"${String(n)}"`).join(', ')}`;
}

function checkKinds(): string[] {
	const defs = SCENARIO_SCHEMA['$defs'] as Record<
		string,
		{ oneOf: { properties: { kind: { const: string } } }[] }
	>;
	return (defs['check']?.oneOf ?? []).map((c) => c.properties.kind.const);
}

/** One ajv error as a problem a person can act on, or null for noise. */
function schemaProblem(parsed: ParsedFile, error: ErrorObject): Problem | null {
	const path = pointerToPath(error.instancePath);
	const params = error.params as Record<string, unknown>;
	const parent = error.parentSchema as ParentSchema;
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
			message = unknownField(extra, parent, error.data);
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
			const kinds = checkKinds();
			const tag = (error.data as Record<string, unknown> | null)?.['kind'];
			field = [...path, 'kind'];
			message =
				tag === undefined
					? `a check needs a "kind": one of ${kinds.join(', ')}`
					: `unknown check kind ${JSON.stringify(tag)}${didYouMean(String(tag), kinds)}; expected one of: ${kinds.join(', ')}`;
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
		case 'anyOf': {
			const wanted = alternatives(error);
			if (!wanted) return null;
			message = wanted;
			break;
		}
		case 'if':
		case 'oneOf':
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
	// The clock is an alternative (a word or a mapping): clock.ts says what is wrong with it.
	const errors = (validate.errors ?? []).filter(
		(e) => e.instancePath !== '/clock' && !e.instancePath.startsWith('/clock/')
	);
	// The branches of an anyOf of alternatives are reported once, by the anyOf.
	const explained = errors
		.filter((e) => e.keyword === 'anyOf' && alternatives(e))
		.map((e) => `${e.instancePath}|${e.schemaPath}/`);
	const seen = new Set<string>();
	const problems: Problem[] = [];
	for (const error of errors) {
		if (explained.some((p) => `${error.instancePath}|${error.schemaPath}`.startsWith(p))) continue;
		const problem = schemaProblem(parsed, error);
		if (!problem) continue;
		const key = `${problem.path}|${problem.message}`;
		if (seen.has(key)) continue;
		seen.add(key);
		problems.push(problem);
	}
	const clock = clockProblem((parsed.data as Record<string, unknown>)['clock']);
	if (clock) {
		const problem: Problem = {
			file: parsed.file,
			...parsed.locate(clock.path, clock.key),
			path: formatPath(clock.path),
			message: clock.message
		};
		// In file order among the others.
		const after = problems.findIndex((p) => p.line > problem.line);
		problems.splice(after < 0 ? problems.length : after, 0, problem);
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
