/**
 * A script command's own fields, checked against the domain's description of
 * the command (domain/command-fields.ts): no unknown field, every required
 * field present, each value of the right kind, enum values from the domain's
 * lists, and ids that the world (or an earlier create command) defines.
 * In a script, `ticket: <name>` stands for ticketId and `mail: {...}` for mailId.
 */
import {
	COMMAND_FIELDS,
	type CommandField,
	type CommandType,
	type FieldKind,
	type FieldTable
} from '../../domain';
import type { PathPart } from '../parse';
import type { ScriptCommand } from '../types';
import { TABLE_WORDS, type CrossCheck, type Table } from './cross-check';
import { article, closest, didYouMean, typeName } from './words';

/** Fields of the script line itself, not of the command. */
export const SCRIPT_FIELDS = ['id', 'as', 'do', 'advance', 'expect'];

/** Command fields a script writes under another name, filled in when the script runs. */
export const SCRIPT_NAMES: Record<string, { name: string; description: string; instead: string }> =
	{
		ticketId: {
			name: 'ticket',
			description: 'the name of the bound ticket it acts on',
			instead:
				'write "ticket: <name>" (a bound ticket\'s name) instead of "ticketId": a script names tickets, and their ids are filled in when it runs'
		},
		mailId: {
			name: 'mail',
			description: 'the e-mail it answers, as {to: <persona>, ticket: <name>}',
			instead:
				'write "mail: {to: <persona>, ticket: <name>}" instead of "mailId": a script names an e-mail by whom it was sent to, and its id is filled in when it runs'
		}
	};

/** Ids that create commands give new rows, by table: known to later commands. */
export type Created = ReadonlyMap<FieldTable, ReadonlySet<string>>;

export function checkCommandFields(
	cx: CrossCheck,
	c: ScriptCommand,
	path: PathPart[],
	created: Created
): void {
	const type = c.do as CommandType;
	// The line's own `id` names the line: a command's own `id` (user.create's) cannot be written.
	const fields = COMMAND_FIELDS[type].fields.filter((f) => f.name !== 'id');
	const scriptName = (f: CommandField) => SCRIPT_NAMES[f.name]?.name ?? f.name;
	const shown = fields.map(scriptName);
	const guessed = new Set<string>();
	for (const [key, value] of Object.entries(c)) {
		if (SCRIPT_FIELDS.includes(key)) continue;
		const f = fields.find((f) => f.name === key || scriptName(f) === key);
		if (f && SCRIPT_NAMES[f.name]) {
			// `ticket` and `mail` are checked with the script line; ticketId and mailId are never written.
			if (key === f.name) {
				cx.report([...path, key], SCRIPT_NAMES[f.name]?.instead ?? key, true);
				guessed.add(key);
			}
			continue;
		}
		if (f) checkValue(cx, [...path, key], f, value, type, c, created);
		else {
			const guess = closest(key, [...shown, ...SCRIPT_FIELDS]);
			if (guess) guessed.add(fields.find((f) => scriptName(f) === guess)?.name ?? guess);
			cx.report(
				[...path, key],
				`${type} has no field "${key}"${didYouMean(key, [...shown, ...SCRIPT_FIELDS])}; its fields: ${shown.join(', ')}`,
				true
			);
		}
	}
	for (const f of fields)
		if (f.required && c[scriptName(f)] === undefined && !guessed.has(f.name))
			cx.report(
				path,
				`missing required field "${scriptName(f)}" of ${type}: ${SCRIPT_NAMES[f.name]?.description ?? phrase(f.description)}`
			);
}

/** A mapping's fields: unknown ones (with a guess), required ones missing, then each value. */
function checkObject(
	cx: CrossCheck,
	path: PathPart[],
	fields: readonly CommandField[],
	value: Record<string, unknown>,
	label: string,
	type: CommandType,
	created: Created
): void {
	const names = fields.map((f) => f.name);
	const guessed = new Set<string>();
	for (const [key, v] of Object.entries(value)) {
		const f = fields.find((f) => f.name === key);
		if (f) {
			checkValue(cx, [...path, key], f, v, type, value, created);
			continue;
		}
		const guess = closest(key, names);
		if (guess) guessed.add(guess);
		cx.report(
			[...path, key],
			`${label} has no field "${key}"${didYouMean(key, names)}; its fields: ${names.join(', ')}`,
			true
		);
	}
	for (const f of fields)
		if (f.required && value[f.name] === undefined && !guessed.has(f.name))
			cx.report(path, `missing required field "${f.name}" of ${label}: ${phrase(f.description)}`);
}

function checkValue(
	cx: CrossCheck,
	path: PathPart[],
	f: FieldKind & { name: string; nullable?: boolean },
	value: unknown,
	type: CommandType,
	siblings: Record<string, unknown>,
	created: Created
): void {
	const wrong = () =>
		cx.report(path, `expected ${kindWords(f)} for ${f.name}, got ${typeName(value)}`);
	if (value === null) {
		if (!f.nullable) wrong();
		return;
	}
	switch (f.kind) {
		case 'text':
			if (typeof value !== 'string') wrong();
			return;
		case 'number':
		case 'time':
			if (typeof value !== 'number' || !Number.isFinite(value)) wrong();
			return;
		case 'boolean':
			if (typeof value !== 'boolean') wrong();
			return;
		case 'enum':
			if (typeof value === 'object') wrong();
			else cx.oneOf(path, value, f.values, f.what);
			return;
		case 'id': {
			if (typeof value !== 'string') return wrong();
			if (f.fresh) return;
			const table =
				typeof f.table === 'string' ? f.table : f.table.tables[String(siblings[f.table.by])];
			if (table && table in TABLE_WORDS && !created.get(table)?.has(value))
				cx.ref(path, table as Table, value);
			return;
		}
		case 'object':
			if (typeof value !== 'object' || Array.isArray(value)) return wrong();
			checkObject(
				cx,
				path,
				f.fields,
				value as Record<string, unknown>,
				`${type} ${f.name}`,
				type,
				created
			);
			return;
		case 'list':
			if (!Array.isArray(value)) return wrong();
			value.forEach((v: unknown, i) =>
				checkValue(cx, [...path, i], { ...f.of, name: f.name }, v, type, {}, created)
			);
			return;
	}
}

const WORDS: Record<FieldTable, string> = {
	...TABLE_WORDS,
	canned: 'canned response',
	tickets: 'ticket',
	mails: 'e-mail'
};

/** What a field expects, in words: "a department id (text)". */
export function kindWords(f: FieldKind): string {
	switch (f.kind) {
		case 'text':
			return 'text';
		case 'id':
			return typeof f.table === 'string' ? `${article(WORDS[f.table])} id (text)` : 'an id (text)';
		case 'enum':
			return article(f.what);
		case 'number':
			return 'a number';
		case 'time':
			return 'a time (milliseconds since 1970, a number)';
		case 'boolean':
			return 'true or false';
		case 'object':
			return 'a mapping (key: value)';
		case 'list':
			return 'a list';
	}
}

/** A description as the tail of a sentence: "The text of the reply." → "the text of the reply". */
function phrase(description: string): string {
	const text = description.replace(/\.$/, '');
	return /^[A-Z][a-z]/.test(text) ? text[0]?.toLowerCase() + text.slice(1) : text;
}

// ---------------------------------------------------------------- created ids

/** How admin-commands.ts makes an id from a name when none is given. */
function slug(text: string): string {
	return (
		text
			.toLowerCase()
			.normalize('NFKD')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'item'
	);
}

/** The ids the scripts' create commands give their new rows (given, or made from the name). */
export function createdIds(commands: ScriptCommand[]): Created {
	const created = new Map<FieldTable, Set<string>>();
	for (const c of commands) {
		const spec = c.do ? COMMAND_FIELDS[c.do as CommandType] : undefined;
		for (const f of spec?.fields ?? []) {
			const fresh = f.kind === 'object' ? f.fields.find((g) => g.kind === 'id' && g.fresh) : null;
			const row = c[f.name] as Record<string, unknown> | undefined;
			if (!fresh || fresh.kind !== 'id' || typeof fresh.table !== 'string' || !row) continue;
			const name = row['username'] || row['firstName'] || row['title'] || row['name'];
			const id = typeof row['id'] === 'string' ? row['id'] : slug(String(name ?? ''));
			created.set(fresh.table, (created.get(fresh.table) ?? new Set()).add(id));
		}
	}
	return created;
}
