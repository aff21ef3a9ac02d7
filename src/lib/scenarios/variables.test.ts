import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario } from './load';
import { scenarioHash } from './hash';
import { scenarioVariant } from './variant';
import {
	checkPools,
	seedsToProve,
	substitute,
	variantChoice,
	variantCount,
	variantValues,
	type VariablePools
} from './variables';

const POOLS: VariablePools = {
	customer: [
		{ name: 'Karen Karen', email: 'karen@example.com' },
		{ name: 'Priya Raman', email: 'priya@example.com' },
		{ name: 'Tomás Ortega', email: 'tomas@example.com' }
	],
	code: ['404', '503'],
	words: [{ any: ['banking', 'mobile'] }, { any: ['cards'] }]
};

describe('seeds and variants', () => {
	it('maps seeds 0 … n-1 onto every variant once; seed 0 is the first value of each pool', () => {
		const n = variantCount(POOLS);
		expect(n).toBe(12);
		const seen = new Set<string>();
		for (let seed = 0; seed < n; seed++) seen.add(JSON.stringify(variantChoice(POOLS, seed)));
		expect(seen.size).toBe(n);
		expect(variantChoice(POOLS, 0)).toEqual({ customer: 0, code: 0, words: 0 });
		// Any seed, however large or negative, is one of them.
		expect(variantChoice(POOLS, 12 * 1000 + 5)).toEqual(variantChoice(POOLS, 5));
		expect(variantChoice(POOLS, -7)).toEqual(variantChoice(POOLS, 5));
	});

	it('proves every variant when few, else a fixed sample that still meets every value', () => {
		expect(seedsToProve(POOLS, 20)).toEqual([...Array(12).keys()]);
		const sample = seedsToProve(POOLS, 5);
		expect(sample).toHaveLength(5);
		expect(new Set(sample).size).toBe(5);
		expect(seedsToProve(POOLS, 5)).toEqual(sample);
		const customers = new Set(sample.map((s) => variantChoice(POOLS, s).customer));
		expect(customers).toEqual(new Set([0, 1, 2]));
	});
});

describe('substitute', () => {
	const values = variantValues(POOLS, 1);

	it('puts values into text, and takes a lone reference as the value itself', () => {
		const { value, problems } = substitute(
			{
				title: 'Help {{customer.name}} ({{customer.email}})',
				checks: [{ text: '{{words.any}}' }, { code: '{{ code }}' }]
			},
			values
		);
		expect(problems).toEqual([]);
		expect(value).toEqual({
			title: 'Help Priya Raman (priya@example.com)',
			checks: [{ text: ['banking', 'mobile'] }, { code: '404' }]
		});
	});

	it('names an unknown reference, with its path and what the lab declares', () => {
		const { problems } = substitute({ steps: [{ title: 'For {{custmer.name}}' }] }, values);
		expect(problems).toEqual([
			{
				path: ['steps', 0, 'title'],
				message: 'unknown variable "{{custmer.name}}": the lab declares "customer", "code", "words"'
			}
		]);
		expect(substitute('{{customer}}', values).problems[0]?.message).toMatch(
			/has parts \(name, email\): write \{\{customer.name\}\}/
		);
		expect(substitute('{{customer.phone}}', values).problems[0]?.message).toMatch(
			/has no part "phone"/
		);
	});
});

describe('checkPools', () => {
	it('accepts pools of text, numbers or alike mappings', () => {
		expect(checkPools(POOLS)).toEqual([]);
	});

	it('names what is wrong and where', () => {
		const problems = checkPools({
			Customer: [{ name: 'A' }],
			empty: [],
			mixed: [{ name: 'A', email: 'a@x' }, { name: 'B' }],
			deep: [{ who: { name: 'A' } }]
		});
		expect(problems.map((p) => [p.path.join('.'), p.message])).toEqual([
			['variables.Customer', expect.stringMatching(/must start with a lower-case letter/)],
			['variables.empty', 'variable "empty" needs a list of at least one value'],
			['variables.mixed.1', expect.stringMatching(/same parts \(email, name\); this one has name/)],
			['variables.deep.0.who', '"deep.who" must be text, a number or a list of texts']
		]);
	});
});

describe('a lab with variables', () => {
	const file = 'banking-outage.md';
	const text = readFileSync(join(process.cwd(), 'scenarios', file), 'utf8');

	it('loads as the lab as written, and as another variant with every reference filled', async () => {
		const first = loadScenario(text, file);
		const other = loadScenario(text, file, { seed: 4 });
		if (!first.ok || !other.ok) throw new Error('banking-outage does not load');
		expect(first.scenario.world.users?.[0]).toMatchObject({ name: 'Karen Karen' });
		expect(other.scenario.world.users?.[0]).toMatchObject({
			name: 'Priya Raman',
			email: 'priya.raman@example.com'
		});
		expect(other.scenario.briefing).toMatch(/503/);
		const { variant, ...content } = other.scenario;
		expect(JSON.stringify(content)).not.toMatch(/Karen Karen|\{\{/);
		expect(variant?.values.customer).toMatchObject({ first: 'Priya' });
		// One lab version whatever the variant: the seed names the variant.
		expect(await scenarioHash(other.scenario)).toBe(await scenarioHash(first.scenario));
		// The app makes the same variant from the loaded lab as the file gives.
		const made = scenarioVariant(first.scenario, 4);
		if (!made.ok) throw new Error(made.problems[0]?.message);
		expect(made.scenario).toEqual(other.scenario);
	});

	it('reports a mistyped reference at its line, as scenarios:check prints it', () => {
		const broken = text.replace(
			'{{customer.first}} reports the outage',
			'{{custommer.first}} reports the outage'
		);
		const result = loadScenario(broken, file);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const line = broken.split('\n').findIndex((l) => l.includes('custommer')) + 1;
		expect(formatProblem(result.problems[0]!)).toBe(
			`${file}:${line}:12: steps[0].title: unknown variable "{{custommer.first}}": the lab declares "customer", "error", "team"`
		);
	});

	it('names a stray reference in a lab without variables', () => {
		const plain = readFileSync(
			join(process.cwd(), 'scenarios', 'adobe-upgrade.md'),
			'utf8'
		).replace(/^title: .*$/m, "title: 'Upgrade for {{user.name}}'");
		const result = loadScenario(plain, 'adobe-upgrade.md');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems[0]?.message).toMatch(/declares no variables/);
	});
});
