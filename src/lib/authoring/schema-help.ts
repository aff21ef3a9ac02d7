/**
 * Completion and hover docs for the lab editor, from the JSON Schema
 * (scenarios/schema.ts SCENARIO_SCHEMA): the fields a mapping may have with
 * their descriptions, and the values a field takes (its enum, the check kinds,
 * the command types and each command's own fields from the domain's
 * COMMAND_FIELDS, the lab's persona ids). Pure: the editor only displays it.
 */
import { parseDocument } from 'yaml';
import { COMMAND_FIELDS, type CommandType } from '../domain';
import type { PathPart } from '../scenarios/parse';
import { SCENARIO_SCHEMA } from '../scenarios/schema';
import { keyAt, placeAt, frontMatter } from './yaml-place';

type Schema = Record<string, unknown>;

export interface Suggestion {
	label: string;
	/** "field", "value" … for the editor's icon. */
	type: 'property' | 'enum';
	detail?: string;
}

const DEFS = SCENARIO_SCHEMA['$defs'] as Record<string, Schema>;
/** Script fields that stand for a command's ticketId and mailId. */
const SCRIPT_NAMES: Record<string, string> = { ticketId: 'ticket', mailId: 'mail' };

function deref(schema: Schema | undefined): Schema | undefined {
	let s = schema;
	for (let i = 0; s && typeof s['$ref'] === 'string' && i < 10; i++) {
		const { $ref, ...rest } = s;
		const target = DEFS[String($ref).replace('#/$defs/', '')];
		s = { ...target, ...rest };
	}
	const all = s?.['allOf'] as Schema[] | undefined;
	if (s && all) {
		const { allOf: _all, ...rest } = s;
		void _all;
		return all.reduce<Schema>((acc, part) => {
			const p = deref(part) ?? {};
			return {
				...acc,
				...p,
				properties: { ...(acc['properties'] as Schema), ...(p['properties'] as Schema) }
			};
		}, rest);
	}
	return s;
}

/** The one `oneOf` branch the value's `kind` picks (all of them merged while there is none). */
function pick(schema: Schema | undefined, value: unknown): Schema | undefined {
	const s = deref(schema);
	const branches = s?.['oneOf'] as Schema[] | undefined;
	if (!s || !branches) return s;
	const kind = (value as { kind?: unknown } | null)?.kind;
	const chosen = branches.map((b) => deref(b) as Schema);
	const match = chosen.find(
		(b) =>
			(b['properties'] as Schema)?.['kind'] &&
			((b['properties'] as Schema)['kind'] as Schema)['const'] === kind
	);
	if (match) return match;
	return {
		...s,
		properties: Object.assign({}, ...chosen.map((b) => b['properties'] as Schema)),
		kinds: chosen.map((b) => ((b['properties'] as Schema)?.['kind'] as Schema)?.['const'])
	};
}

const isCommand = (s: Schema | undefined) =>
	!!s && !!(s['properties'] as Schema | undefined)?.['do'];

function getIn(data: unknown, path: PathPart[]): unknown {
	let v = data;
	for (const part of path)
		v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
	return v;
}

/** The schema of the value at `path` in `data` (the parsed front matter, as far as it parses). */
export function schemaAt(path: PathPart[], data: unknown): Schema | undefined {
	let s: Schema | undefined = SCENARIO_SCHEMA;
	for (let i = 0; i < path.length && s; i++) {
		const part = path[i] as PathPart;
		const here = pick(s, getIn(data, path.slice(0, i)));
		if (!here) return undefined;
		if (isCommand(here) && typeof part === 'string' && !(here['properties'] as Schema)[part]) {
			s = commandField(getIn(data, path.slice(0, i)), part);
			continue;
		}
		if (typeof part === 'number' || here['type'] === 'array') s = here['items'] as Schema;
		else
			s =
				((here['properties'] as Schema | undefined)?.[part] as Schema | undefined) ??
				(typeof here['additionalProperties'] === 'object'
					? (here['additionalProperties'] as Schema)
					: undefined);
	}
	return pick(s, getIn(data, path));
}

/** A command's own field as a small schema (its description, and its values when a list). */
function commandField(command: unknown, name: string): Schema | undefined {
	const type = (command as { do?: unknown } | null)?.do;
	const fields = COMMAND_FIELDS[type as CommandType]?.fields ?? [];
	const f = fields.find((f) => (SCRIPT_NAMES[f.name] ?? f.name) === name);
	if (!f) return undefined;
	return {
		description: `${f.description}${f.required ? ' (required)' : ''}`,
		...(f.kind === 'enum' ? { enum: [...f.values] } : {})
	};
}

function descriptionOf(s: Schema | undefined): string | undefined {
	const d = deref(s);
	return typeof d?.['description'] === 'string' ? d['description'] : undefined;
}

/** The fields a mapping at `path` may have, those already there left out. */
export function fieldsAt(path: PathPart[], data: unknown): Suggestion[] {
	const s = pick(schemaAt(path, data) ?? undefined, getIn(data, path));
	if (!s) return [];
	const present = getIn(data, path);
	const has = (k: string) => !!present && typeof present === 'object' && k in present;
	const out: Suggestion[] = [];
	for (const [name, sub] of Object.entries((s['properties'] as Schema | undefined) ?? {}))
		if (!has(name))
			out.push({ label: name, type: 'property', detail: descriptionOf(sub as Schema) });
	if (isCommand(s)) {
		const type = (present as { do?: unknown } | null)?.do;
		for (const f of COMMAND_FIELDS[type as CommandType]?.fields ?? []) {
			const name = SCRIPT_NAMES[f.name] ?? f.name;
			if (f.name !== 'id' && !has(name) && !out.some((o) => o.label === name))
				out.push({ label: name, type: 'property', detail: f.description });
		}
	}
	return out;
}

/** A schema's fixed values: its enum or constant, or those of its alternatives. */
function enumOf(schema: Schema | undefined): unknown[] {
	const s = deref(schema);
	if (!s) return [];
	if (Array.isArray(s['enum'])) return s['enum'] as unknown[];
	if ('const' in s) return [s['const']];
	const branches = (s['anyOf'] ?? s['oneOf']) as Schema[] | undefined;
	return branches && !s['kinds'] ? branches.flatMap(enumOf) : [];
}

/** The values a field takes: its enum or constant, check kinds, command types, persona ids. */
export function valuesAt(path: PathPart[], data: unknown): Suggestion[] {
	const key = path[path.length - 1];
	const parent = path.slice(0, -1);
	const container = schemaAt(parent, data);
	if (key === 'do' && isCommand(container))
		return Object.entries(COMMAND_FIELDS).map(([type, d]) => ({
			label: type,
			type: 'enum',
			detail: d.description
		}));
	if (key === 'kind' && Array.isArray(container?.['kinds']))
		return (container['kinds'] as string[]).map((k) => ({ label: k, type: 'enum' }));
	if (key === 'as' || key === 'persona') {
		const personas = (data as { personas?: { id?: unknown }[] } | null)?.personas ?? [];
		return personas
			.map((p) => p?.id)
			.filter((id): id is string => typeof id === 'string')
			.map((id) => ({ label: id, type: 'enum', detail: 'a persona of this lab' }));
	}
	return enumOf(schemaAt(path, data))
		.filter((v) => v !== null && v !== undefined)
		.map((v) => ({ label: String(v), type: 'enum' }));
}

/** The front matter as data, as far as it parses (half-typed YAML gives what it can). */
export function frontData(text: string): unknown {
	const fm = frontMatter(text);
	if (!fm) return undefined;
	try {
		const doc = parseDocument(fm.lines.slice(fm.start, fm.end).join('\n'), {
			uniqueKeys: false,
			logLevel: 'silent'
		});
		return doc.toJS({ maxAliasCount: 100 });
	} catch {
		return undefined;
	}
}

export interface Completion {
	from: number;
	options: Suggestion[];
}

/** What to offer at `offset`: field names while typing a key, values after "key: ". */
export function completeAt(text: string, offset: number): Completion | null {
	const place = placeAt(text, offset);
	if (!place) return null;
	const data = frontData(text);
	const options =
		place.mode === 'key'
			? [...fieldsAt(place.container, data), ...valuesAt(place.container, data)]
			: valuesAt(
					[...place.container, place.key ?? ''].filter((p) => p !== ''),
					data
				);
	const typed = place.partial.toLowerCase();
	const matching = options.filter((o) => o.label.toLowerCase().startsWith(typed));
	return matching.length ? { from: place.from, options: matching } : null;
}

export interface Hover {
	from: number;
	to: number;
	/** "steps[].checks[].kind" */
	title: string;
	text: string;
}

/** The description of the field whose key is under `offset`, and the values it takes. */
export function hoverAt(text: string, offset: number): Hover | null {
	const found = keyAt(text, offset);
	if (!found) return null;
	const data = frontData(text);
	const s = schemaAt(found.path, data);
	const description = descriptionOf(s);
	const values = valuesAt(found.path, data).map((v) => v.label);
	if (!description && !values.length) return null;
	const title = found.path
		.map((p) => (typeof p === 'number' ? '[]' : p))
		.join('.')
		.replace(/\.\[\]/g, '[]');
	const parts = [description ?? ''];
	if (values.length)
		parts.push(`Values: ${values.slice(0, 12).join(', ')}${values.length > 12 ? ', …' : ''}`);
	return { from: found.from, to: found.to, title, text: parts.filter(Boolean).join('\n') };
}
