/**
 * The broken-scenario corpus (tests/scenarios/broken): every file must be
 * rejected with exactly the problems listed for it in expected.json, located
 * at the right line and column. Each file exercises one error path, in the
 * current format (format-1.md alone shows what an old file gets).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario } from './load';
import { FORMAT_VERSION } from './types';

const DIR = join(process.cwd(), 'tests/scenarios/broken');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<
	string,
	string[]
>;
const files = readdirSync(DIR)
	.filter((f) => f !== 'expected.json')
	.sort();

describe('broken scenario corpus', () => {
	it('lists an expectation for every file and a file for every expectation', () => {
		expect(Object.keys(expected).sort()).toEqual(files);
	});

	it.each(files)('%s is written in the current format', (file) => {
		const format = /^format: *(\S+)/m.exec(readFileSync(join(DIR, file), 'utf8'))?.[1];
		if (format !== undefined)
			expect(format).toBe(file === 'format-1.md' ? '1' : String(FORMAT_VERSION));
	});

	it.each(files)('%s is rejected with the expected problems', (file) => {
		const result = loadScenario(readFileSync(join(DIR, file), 'utf8'), file);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((p) => formatProblem(p).slice(file.length + 1))).toEqual(
			expected[file]
		);
		for (const p of result.problems) {
			expect(p.line).toBeGreaterThan(0);
			expect(p.column).toBeGreaterThan(0);
		}
	});
});
