/**
 * `npm run scenarios:new -- my-lab [folder]`: write a new lab from the
 * scaffold (scaffold.ts) into `folder` (scenarios/ by default), with the
 * editor schema beside it when the folder has none, so its
 * `$schema=./scenario.schema.json` line works wherever the folder is. Refuses
 * a bad id or an existing file in words, and never overwrites anything.
 * Node only.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { labIdProblem, scaffoldText } from './scaffold';
import { ensureSchemaBeside, SCHEMA_FILE } from './schema-files';

export type NewLabResult =
	{ ok: true; file: string; schemaWritten: string | null } | { ok: false; message: string };

export async function newLab(id: string, dir = 'scenarios'): Promise<NewLabResult> {
	const bad = labIdProblem(id);
	if (bad) return { ok: false, message: bad };
	if (existsSync(dir) && !statSync(dir).isDirectory())
		return { ok: false, message: `${dir} is a file, not a folder: name a folder for the new lab` };
	const file = join(dir, `${id}.md`);
	if (existsSync(file))
		return {
			ok: false,
			message: `${file} already exists, and is left as it is: choose another id, or edit that file`
		};
	mkdirSync(dir, { recursive: true });
	// "wx": fails rather than overwrite, should the file appear in the meantime.
	writeFileSync(file, scaffoldText(id), { flag: 'wx' });
	const wrote = await ensureSchemaBeside(dir);
	return { ok: true, file, schemaWritten: wrote ? join(dir, SCHEMA_FILE) : null };
}
