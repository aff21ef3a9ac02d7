/**
 * The JSON Schema an editor validates a lab with, on disk. Every lab names it
 * on its second line, `# yaml-language-server: $schema=./scenario.schema.json`,
 * a path the YAML language server resolves from the lab's own folder. So a lab
 * works in an editor, offline, in any folder that holds a copy of the schema:
 * `scenarios:new` writes one beside a new lab when the folder has none,
 * `scenarios:schema -- <dir>` writes (or refreshes) one anywhere, and
 * `scenarios:check` notes a lab whose schema is missing or out of date.
 * Node only (the CLI and its tests).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { SCENARIO_SCHEMA } from '../scenarios/schema';

export const SCHEMA_FILE = 'scenario.schema.json';
const MODELINE = /^#\s*yaml-language-server:\s*\$schema=(\S+)/m;

export function schemaJson(): string {
	return `${JSON.stringify(SCENARIO_SCHEMA, null, '\t')}\n`;
}

/** `text` formatted as the repository's prettier would format `target` (as is without prettier). */
export async function formatAsRepo(text: string, target: string): Promise<string> {
	try {
		const prettier = await import('prettier');
		const options = (await prettier.resolveConfig(target)) ?? {};
		return await prettier.format(text, { ...options, filepath: target });
	} catch {
		// Prettier is a development tool; unformatted text means the same.
		return text;
	}
}

/** Write the schema into `dir`; returns its path. */
export async function writeSchemaBeside(dir: string): Promise<string> {
	const target = join(dir, SCHEMA_FILE);
	writeFileSync(target, await formatAsRepo(schemaJson(), target));
	return target;
}

/** Write the schema into `dir` unless one is there already; true when written. */
export async function ensureSchemaBeside(dir: string): Promise<boolean> {
	if (existsSync(join(dir, SCHEMA_FILE))) return false;
	await writeSchemaBeside(dir);
	return true;
}

/**
 * What an editor will make of a lab's schema line, as a note for
 * `scenarios:check` (null: all is well, or the lab names a web address,
 * which cannot be checked offline). Not a problem of the lab: the app never
 * reads the line; only an author's editor does.
 */
export function modelineNote(file: string, text: string): string | null {
	const match = MODELINE.exec(text.slice(0, 2000));
	if (!match) return null;
	const ref = match[1]!;
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref) && !ref.startsWith('file://')) return null;
	const line = text.slice(0, match.index).split('\n').length;
	const where = `${file}:${line}:1`;
	const path = ref.startsWith('file://')
		? decodeURIComponent(ref.slice(7))
		: isAbsolute(ref)
			? ref
			: resolve(dirname(file), ref);
	const fix = `npm run scenarios:schema -- ${dirname(file)}`;
	if (!existsSync(path))
		return `note ${where}: the editor schema "${ref}" is not there, so editors cannot check this lab as you type; write it with ${fix}`;
	try {
		const onDisk: unknown = JSON.parse(readFileSync(path, 'utf8'));
		if (JSON.stringify(onDisk) !== JSON.stringify(JSON.parse(schemaJson())))
			return `note ${where}: the editor schema "${ref}" is out of date; refresh it with ${fix}`;
	} catch {
		return `note ${where}: the editor schema "${ref}" cannot be read as JSON; write it again with ${fix}`;
	}
	return null;
}
