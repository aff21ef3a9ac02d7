/**
 * The self-test is the proof a lab carries (grading principle 10): every
 * shipped lab proves its solution, at least three valid alternatives and at
 * least five plausible mistakes; a command that does not do what the script
 * expects is a failure; a proof can say "fails nothing" or "scores N".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenarios/load';
import type { Attempt, Scenario } from '../scenarios/types';
import { failureLines, proveAttempt, selfTest } from './selftest';

const SCENARIOS = join(process.cwd(), 'scenarios');
const labs = readdirSync(SCENARIOS).filter((f) => f.endsWith('.md') && f !== 'README.md');

function lab(file: string): Scenario {
	const result = loadScenario(readFileSync(join(SCENARIOS, file), 'utf8'), file);
	if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
	return result.scenario;
}

describe('shipped labs prove their checks', () => {
	it.each(labs)('%s: solution, valid alternatives and mistakes all as declared', (file) => {
		const outcome = selfTest(lab(file));
		expect(failureLines(outcome)).toEqual([]);
		expect(outcome.solution?.score).toBe(outcome.solution?.maxScore);
		const valid = outcome.attempts.filter((a) => /^fails nothing/.test(a.expected));
		const mistakes = outcome.attempts.filter((a) => !/^fails nothing/.test(a.expected));
		expect(valid.length, 'valid alternatives').toBeGreaterThanOrEqual(3);
		expect(mistakes.length, 'plausible mistakes').toBeGreaterThanOrEqual(5);
	});
});

describe('the self-test', () => {
	const outage = lab('banking-outage.md');
	const attempt = (a: Omit<Attempt, 'name'>): Attempt => ({ name: 'probe', ...a });

	it('fails a command the engine refuses, unless the script says expect: refused', () => {
		const typo = proveAttempt(
			outage,
			attempt({
				fails: [],
				append: [{ as: 'john', do: 'ticket.transfer', ticket: 'outage', deptId: 'support' }]
			})
		);
		expect(typo.ok).toBe(false);
		expect(typo.problems[0]).toMatch(/ticket.transfer was refused: .*already in Support/);
		const meant = proveAttempt(
			outage,
			attempt({
				fails: [],
				append: [
					{
						as: 'john',
						do: 'ticket.transfer',
						ticket: 'outage',
						deptId: 'support',
						expect: 'refused'
					}
				]
			})
		);
		expect(meant.ok).toBe(true);
	});

	it('checks expect both ways: an accepted command marked refused is a failure', () => {
		const line = proveAttempt(
			outage,
			attempt({
				fails: [],
				append: [{ as: 'jane', do: 'ticket.note', ticket: 'outage', body: 'ok', expect: 'refused' }]
			})
		);
		expect(line.problems[0]).toMatch(/accepted, but the script expects it to be refused/);
	});

	it('proves a valid alternative (fails nothing) and an exact score', () => {
		expect(proveAttempt(outage, attempt({ fails: [], without: [] }))).toMatchObject({
			ok: true,
			expected: 'fails nothing',
			got: 'fails nothing, scores 100'
		});
		const wrong = proveAttempt(outage, attempt({ scores: 100, without: ['sla'] }));
		expect(wrong).toMatchObject({ ok: false, expected: 'scores 100', got: 'fails sla, scores 88' });
	});

	it('names an attempt’s own ticket and inserts commands before or after a named one', () => {
		const line = proveAttempt(
			outage,
			attempt({
				fails: ['resolve'],
				bind: [{ name: 'dup', user: 'karen', subject: { any: ['duplicate'] } }],
				insert: [
					{
						before: 'view',
						commands: [
							{
								as: 'karen',
								do: 'ticket.open',
								topicId: 'general',
								subject: 'Duplicate of my banking ticket',
								details: 'Sorry, sent twice.'
							}
						]
					}
				],
				replace: {
					fix: {
						as: 'jane',
						do: 'ticket.reply',
						ticket: 'outage',
						body: 'A failed load balancer was replaced.'
					}
				},
				append: [{ as: 'jane', do: 'ticket.status', ticket: 'dup', status: 'resolved' }]
			})
		);
		expect(line).toMatchObject({ ok: true, got: 'fails resolve, scores 84' });
	});

	it('reports a lab whose solution does not pass, and lists every failing attempt', () => {
		const broken: Scenario = {
			...outage,
			solution: outage.solution.filter((c) => c.id !== 'sla'),
			attempts: [attempt({ fails: ['priority'], without: [] })]
		};
		const outcome = selfTest(broken);
		expect(outcome.ok).toBe(false);
		expect(outcome.problems.join('\n')).toMatch(/does not pass step "sla"/);
		expect(failureLines(outcome).join('\n')).toMatch(
			/attempt "probe" should be: fails priority; got: fails sla/
		);
	});
});

describe('the authoring guide', () => {
	it('has an annotated example that loads and proves its checks', () => {
		const readme = readFileSync(join(SCENARIOS, 'README.md'), 'utf8');
		const example = /```yaml\n(---\n[\s\S]*?)```/.exec(readme)?.[1];
		expect(example).toBeDefined();
		const result = loadScenario(example as string, 'README.md');
		if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
		expect(failureLines(selfTest(result.scenario))).toEqual([]);
	});
});
