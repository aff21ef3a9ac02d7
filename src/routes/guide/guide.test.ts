import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGuide, slug, textOf } from './guide';

describe('the guide page built from scenarios/README.md', () => {
	const guide = buildGuide(readFileSync('scenarios/README.md', 'utf8'));

	it('takes the first heading as the title and lists the others with unique ids', () => {
		expect(guide.title).toBe('Writing a lab');
		expect(guide.html).not.toContain('<h1');
		const ids = guide.headings.map((h) => h.id);
		expect(ids).toContain('check-kinds');
		expect(ids).toContain('world-settings');
		expect(new Set(ids).size).toBe(ids.length);
		for (const h of guide.headings)
			expect(guide.html).toContain(`id="${h.id}"><a class="anchor" href="#${h.id}">`);
	});

	it('keeps a heading inside a code example as code, not as a section', () => {
		expect(guide.headings.map((h) => h.text)).not.toContain('Banking outage');
		expect(guide.html).toContain('# Banking outage');
	});

	it('puts every table and code block in its own named, focusable box', () => {
		const tables = guide.html.match(/<table>/g)?.length ?? 0;
		expect(tables).toBeGreaterThan(2);
		expect(guide.html.match(/<div class="table-scroll" role="region" tabindex="0"/g)).toHaveLength(
			tables
		);
		expect(guide.html).toContain('aria-label="Table 1: World settings"');
		expect(guide.html).not.toMatch(/<pre>/);
	});

	it('adds nothing but its own attributes to sanitised markup', () => {
		const evil = buildGuide(
			'# T\n\n## <img src=x onerror=alert(1)> & "quotes"\n\n<script>x</script>'
		);
		expect(evil.html).not.toMatch(/<img|<script/);
		expect(evil.headings[0]?.id).toBe('img-src-x-onerror-alert-1-quotes');
		expect(textOf('<code>a &amp; b</code>')).toBe('a & b');
		expect(slug('  ')).toBe('section');
	});

	it('shows the generated reference without its markers', () => {
		expect(guide.html).toContain('<code>ticket.transfer</code>');
		expect(guide.html).not.toMatch(/generated from the domain|&lt;!--/);
		expect(guide.headings.map((h) => h.id)).toContain('time-zones-and-schedules');
	});

	it('numbers a repeated heading', () => {
		const twice = buildGuide('# T\n\n## Fields\n\n## Fields\n');
		expect(twice.headings.map((h) => h.id)).toEqual(['fields', 'fields-2']);
	});
});
