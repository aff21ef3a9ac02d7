/**
 * The guide's reference parts are generated from the domain's own lists; this
 * keeps scenarios/README.md in step with them (as load.test.ts keeps
 * scenario.schema.json in step with the schema). When it fails, run
 * `npm run scenarios:guide`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_FIELDS, DEFAULT_ROLES, STATUSES } from '../domain';
import {
	commandFieldsMarkdown,
	generatedPart,
	GUIDE_PARTS,
	idListsMarkdown,
	normaliseMarkdown,
	refreshGuide
} from './guide-tables';

const README = readFileSync('scenarios/README.md', 'utf8');

describe('the guide in step with the domain (npm run scenarios:guide)', () => {
	it.each(Object.keys(GUIDE_PARTS))('scenarios/README.md holds the current "%s"', (name) => {
		const part = generatedPart(README, name);
		expect(part, `markers for "${name}"`).not.toBeNull();
		expect(normaliseMarkdown(part ?? '')).toBe(normaliseMarkdown(GUIDE_PARTS[name]!()));
	});

	it('lists every command, and every field of each, under the name a script writes', () => {
		const md = commandFieldsMarkdown();
		for (const type of Object.keys(COMMAND_FIELDS)) expect(md).toContain(`#### \`${type}\``);
		expect(md).toMatch(/\| `deptId` \| yes \| a department id \(text\) \| The department\. \|/);
		expect(md).toContain('| `changes.priority` |');
		expect(md).toContain('| `agent.access[].roleId` | yes |');
		expect(md).toContain("| `ticket` | yes | a bound ticket's name |");
		expect(md).not.toContain('`ticketId`');
	});

	it('lists statuses, priorities and roles by id', () => {
		const md = idListsMarkdown();
		for (const s of STATUSES) expect(md).toContain(`| \`${s.id}\` | ${s.name} | ${s.state} |`);
		for (const r of DEFAULT_ROLES) expect(md).toContain(`| \`${r.id}\` | ${r.name} |`);
		expect(md).toContain('`emergency`');
	});

	it('notices a stale part: a changed field list no longer matches', () => {
		const stale = README.replace('| `comment` |', '| `remark` |');
		expect(stale).not.toBe(README);
		const part = generatedPart(stale, 'command fields') ?? '';
		expect(normaliseMarkdown(part)).not.toBe(normaliseMarkdown(commandFieldsMarkdown()));
		// ... and refreshing puts it right, leaving the rest of the guide alone.
		const fixed = refreshGuide(stale);
		expect(normaliseMarkdown(generatedPart(fixed, 'command fields') ?? '')).toBe(
			normaliseMarkdown(commandFieldsMarkdown())
		);
		expect(fixed.slice(0, 2000)).toBe(README.slice(0, 2000));
	});
});
