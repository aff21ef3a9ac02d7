/**
 * `scenarios:new` writes a lab that passes check and self-test as generated,
 * with the editor schema beside it wherever the folder is, and refuses a bad
 * id or an existing file without touching anything. `scenarios:check`'s note
 * on a missing or stale schema is tested here too.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadScenario } from '../scenarios/load';
import { SCENARIO_SCHEMA } from '../scenarios/schema';
import { newLab } from './new-lab';
import { labIdProblem, titleOf } from './scaffold';
import { modelineNote } from './schema-files';
import { failureLines, selfTest } from './selftest';

let dir = '';
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'deskdrill-new-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('scenarios:new', () => {
	it('writes a lab that passes scenarios:check and scenarios:test as generated', async () => {
		const made = await newLab('printer-down', dir);
		expect(made).toEqual({
			ok: true,
			file: join(dir, 'printer-down.md'),
			schemaWritten: join(dir, 'scenario.schema.json')
		});
		const text = readFileSync(join(dir, 'printer-down.md'), 'utf8');
		const loaded = loadScenario(text, 'printer-down.md');
		if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems, null, 2));
		const lab = loaded.scenario;
		expect(lab.id).toBe('printer-down');
		expect(lab.title).toBe('Printer down');
		expect(lab.personas).toHaveLength(2);
		expect(lab.steps).toHaveLength(2);
		expect(lab.briefing).toContain('# Printer down');

		const proof = selfTest(lab);
		expect(failureLines(proof)).toEqual([]);
		expect(proof.ok).toBe(true);
		expect(proof.solution?.score).toBe(proof.solution?.maxScore);
		const valid = proof.attempts.filter((a) => a.expected === 'fails nothing');
		const mistakes = proof.attempts.filter((a) => a.expected !== 'fails nothing');
		expect(valid.length).toBeGreaterThanOrEqual(1);
		expect(mistakes.length).toBeGreaterThanOrEqual(1);
	});

	it('puts the editor schema beside the lab, so its ./ line resolves in any folder', async () => {
		await newLab('my-lab', join(dir, 'elsewhere'));
		const file = join(dir, 'elsewhere', 'my-lab.md');
		const text = readFileSync(file, 'utf8');
		expect(text.split('\n')[1]).toBe('# yaml-language-server: $schema=./scenario.schema.json');
		const schema = JSON.parse(readFileSync(join(dir, 'elsewhere', 'scenario.schema.json'), 'utf8'));
		expect(schema).toEqual(JSON.parse(JSON.stringify(SCENARIO_SCHEMA)));
		expect(modelineNote(file, text)).toBeNull();
	});

	it('keeps a schema already in the folder and writes only the lab', async () => {
		writeFileSync(join(dir, 'scenario.schema.json'), '{"mine": true}');
		const made = await newLab('second', dir);
		expect(made.ok && made.schemaWritten).toBeNull();
		expect(readFileSync(join(dir, 'scenario.schema.json'), 'utf8')).toBe('{"mine": true}');
	});

	it('refuses an existing file and leaves it as it is', async () => {
		writeFileSync(join(dir, 'taken.md'), 'my work');
		const made = await newLab('taken', dir);
		expect(made).toEqual({
			ok: false,
			message: `${join(dir, 'taken.md')} already exists, and is left as it is: choose another id, or edit that file`
		});
		expect(readFileSync(join(dir, 'taken.md'), 'utf8')).toBe('my work');
	});

	it.each([
		['', 'give the new lab an id, e.g. npm run scenarios:new -- printer-down'],
		['my-lab.md', 'give the id without ".md": my-lab'],
		['My_Lab', '"My_Lab" cannot be a lab id'],
		['-lab', '"-lab" cannot be a lab id'],
		['../escape', '"../escape" cannot be a lab id']
	])('refuses the id %j in words', async (id, message) => {
		expect(labIdProblem(id)).toContain(message);
		const made = await newLab(id, dir);
		expect(made.ok).toBe(false);
		if (!made.ok) expect(made.message).toContain(message);
	});

	it('titles a lab from its id', () => {
		expect(titleOf('vpn-for-new-staff')).toBe('Vpn for new staff');
	});
});

describe("scenarios:check's note on the editor schema", () => {
	const lab = (ref: string) => `---\n# yaml-language-server: $schema=${ref}\nformat: 2\n---\n`;

	it('names a missing schema at its line, with the command that writes it', () => {
		const file = join(dir, 'lab.md');
		expect(modelineNote(file, lab('./scenario.schema.json'))).toBe(
			`note ${file}:2:1: the editor schema "./scenario.schema.json" is not there, so editors cannot check this lab as you type; write it with npm run scenarios:schema -- ${dir}`
		);
	});

	it('names a stale or damaged schema, and says nothing of a current one or a web address', () => {
		const file = join(dir, 'lab.md');
		writeFileSync(join(dir, 'old.json'), '{"type": "object"}');
		writeFileSync(join(dir, 'bad.json'), '{');
		expect(modelineNote(file, lab('./old.json'))).toContain('is out of date; refresh it with');
		expect(modelineNote(file, lab('./bad.json'))).toContain('cannot be read as JSON');
		expect(modelineNote(file, lab('https://example.org/scenario.schema.json'))).toBeNull();
		expect(modelineNote(file, '---\nformat: 2\n---\n')).toBeNull();
		const shipped = join(process.cwd(), 'scenarios', 'banking-outage.md');
		expect(modelineNote(shipped, readFileSync(shipped, 'utf8'))).toBeNull();
	});
});
