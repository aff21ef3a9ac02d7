import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from './load';
import { renderMarkdown, safeUrl } from '../markdown/render';
import { SCENARIO_SCHEMA } from './schema';

const SCENARIOS = join(process.cwd(), 'scenarios');
const labs = readdirSync(SCENARIOS).filter((f) => f.endsWith('.md') && f !== 'README.md');

describe('shipped labs', () => {
	it('ships the six labs', () => {
		expect(labs.sort()).toEqual([
			'adobe-upgrade.md',
			'banking-outage.md',
			'cfo-laptop.md',
			'escalation-permissions.md',
			'full-lifecycle.md',
			'intake-channels.md'
		]);
	});

	it.each(labs)('%s loads', (file) => {
		const result = loadScenario(readFileSync(join(SCENARIOS, file), 'utf8'), file);
		if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
	});

	it('points each file at the schema for editors', () => {
		for (const file of labs)
			expect(readFileSync(join(SCENARIOS, file), 'utf8').split('\n')[1]).toBe(
				'# yaml-language-server: $schema=./scenario.schema.json'
			);
	});

	it('keeps scenarios/scenario.schema.json in step with the code (npx tsx src/lib/authoring/cli.ts schema)', () => {
		const onDisk = JSON.parse(readFileSync(join(SCENARIOS, 'scenario.schema.json'), 'utf8'));
		expect(onDisk).toEqual(JSON.parse(JSON.stringify(SCENARIO_SCHEMA)));
	});

	it('loads CRLF text the same way (files edited on Windows)', () => {
		const text = readFileSync(join(SCENARIOS, 'banking-outage.md'), 'utf8').replace(/\n/g, '\r\n');
		expect(loadScenario(text, 'crlf.md').ok).toBe(true);
	});
});

describe('loadScenario never throws', () => {
	const garbage = [
		'',
		'---',
		'---\n---',
		'---\n: : :\n---',
		'---\n[unclosed\n---',
		'---\nformat: 1\n---',
		'---\n*alias\n---',
		'---\nsteps: !!binary aGVsbG8=\n---',
		'\u0000\u0001\u0002',
		'---\n' + 'a: &a [*a]\n' + '---',
		String.fromCharCode(...Array.from({ length: 300 }, (_, i) => (i * 7919) % 65535))
	];
	it.each(garbage.map((g, i) => [i, g]))(
		'garbage #%i gives problems, not an exception',
		(_, text) => {
			const result = loadScenario(text as string, 'garbage.md');
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
		}
	);

	it('survives a null passed from JavaScript', () => {
		expect(loadScenario(null as unknown as string, 'null.md').ok).toBe(false);
	});
});

describe('renderMarkdown (Node: allow-list path, no DOM)', () => {
	const attacks = [
		'<script>alert(1)</script>',
		'Hello <img src=x onerror=alert(1)> world',
		'<svg onload=alert(1)>',
		'<a href="javascript:alert(1)">x</a>',
		'[click](javascript:alert(1))',
		'[click](JaVa\tScRiPt:alert(1))',
		'![img](javascript:alert(1))',
		'<iframe src="https://evil.example"></iframe>',
		'<div onclick="steal()">text</div>',
		'```\n<script>code block</script>\n```'
	];
	it.each(attacks)('neutralises %s', (md) => {
		const html = renderMarkdown(md);
		expect(html).not.toMatch(/<script/i);
		expect(html).not.toMatch(/<iframe/i);
		expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
		expect(html).not.toMatch(/(href|src)\s*=\s*"\s*javascript:/i);
	});

	it('keeps ordinary markdown', () => {
		const html = renderMarkdown('**Bold**, *it*, [osTicket](https://osticket.com) and\n\n- a list');
		expect(html).toContain('<strong>Bold</strong>');
		expect(html).toContain('<a href="https://osticket.com"');
		expect(html).toContain('<li>a list</li>');
	});

	it('allows only web, mail and relative URLs', () => {
		expect(safeUrl('https://x.org')).toBe('https://x.org');
		expect(safeUrl('mailto:a@b.c')).toBe('mailto:a@b.c');
		expect(safeUrl('/agent/tickets')).toBe('/agent/tickets');
		expect(safeUrl('javascript:alert(1)')).toBeNull();
		expect(safeUrl('data:text/html,x')).toBeNull();
	});
});
