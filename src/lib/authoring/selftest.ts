/**
 * A lab's proof of its own checks (grading principle 10): the reference
 * solution passes every step with full points, the empty attempt passes none
 * and scores nothing, each valid alternative fails nothing (or scores what it
 * says), and each plausible mistake fails exactly the steps it names. A
 * command that the engine refuses without `expect: refused`, or accepts
 * despite it, is a failure too: a script that silently does nothing proves
 * nothing.
 */
import { HelpDesk } from '../domain';
import { grade, type Grade } from '../grading';
import { attemptCommands, runScript, type ScriptProblem } from '../scenarios/solution';
import type { Attempt, Scenario } from '../scenarios/types';
import { scenarioWorld } from '../scenarios/world';
import { scenarioVariant } from '../scenarios/variant';
import {
	seedsToProve,
	variantValues,
	type VariablePools,
	type VariableValue,
	type VariantValues
} from '../scenarios/variables';

/** One attempt's line of the proof: what it should do and what it did. */
export interface AttemptLine {
	name: string;
	/** "fails nothing", "fails sla, route", "scores 85" ... */
	expected: string;
	got: string;
	/** The attempt failed the steps (or reached the score) it says it does. */
	verdictOk: boolean;
	ok: boolean;
	/** Commands that did not do what the attempt expects, one line each. */
	problems: string[];
}

export interface SelfTestResult {
	ok: boolean;
	/** What is wrong with the reference solution or the empty attempt, one line each. */
	problems: string[];
	solution: Grade | null;
	attempts: AttemptLine[];
}

/** Everything that failed, one line each: the problems, then each failing attempt. */
export function failureLines(result: SelfTestResult): string[] {
	return [
		...result.problems,
		...result.attempts
			.filter((a) => !a.ok)
			.flatMap((a) => [
				...(a.verdictOk ? [] : [`attempt "${a.name}" should be: ${a.expected}; got: ${a.got}`]),
				...a.problems
			])
	];
}

const notPassed = (g: Grade) => g.steps.filter((s) => s.status !== 'passed').map((s) => s.id);

function failsText(ids: string[]): string {
	return ids.length ? `fails ${[...ids].sort().join(', ')}` : 'fails nothing';
}

function problemLines(where: string, problems: ScriptProblem[]): string[] {
	return problems.map((p) => `${where}[${p.index}]: ${p.message}`);
}

/** Run an attempt headless: its grade, the steps it does not pass, and its script problems. */
export function runAttempt(
	scenario: Scenario,
	attempt: Attempt
): { graded: Grade; failed: string[]; problems: ScriptProblem[] } {
	const run = runScript(
		scenario,
		attemptCommands(scenario, attempt),
		undefined,
		attempt.bind ?? []
	);
	const graded = grade(scenario, run.desk.world, run.desk.journal, { final: true });
	return { graded, failed: notPassed(graded), problems: run.problems };
}

export function proveAttempt(scenario: Scenario, attempt: Attempt): AttemptLine {
	const { graded, failed, problems: scriptProblems } = runAttempt(scenario, attempt);
	const expected: string[] = [];
	const got: string[] = [];
	let ok = true;
	if (attempt.fails !== undefined) {
		expected.push(failsText(attempt.fails));
		got.push(failsText(failed));
		ok &&= failsText(attempt.fails) === failsText(failed);
	}
	if (attempt.scores !== undefined) {
		expected.push(`scores ${attempt.scores}`);
		ok &&= graded.score === attempt.scores;
	}
	if (attempt.fails === undefined) got.push(failsText(failed));
	got.push(`scores ${graded.score}`);
	const problems = problemLines(`attempt "${attempt.name}"`, scriptProblems);
	return {
		name: attempt.name,
		expected: expected.join(', '),
		got: got.join(', '),
		verdictOk: ok,
		ok: ok && problems.length === 0,
		problems
	};
}

export function selfTest(scenario: Scenario): SelfTestResult {
	const failures: string[] = [];
	let solutionGrade: Grade | null = null;
	const attempts: AttemptLine[] = [];
	try {
		const solution = runScript(scenario, scenario.solution);
		failures.push(...problemLines('solution', solution.problems));
		solutionGrade = grade(scenario, solution.desk.world, solution.desk.journal, { final: true });
		for (const step of solutionGrade.steps)
			if (step.status !== 'passed' || step.points !== step.maxPoints)
				failures.push(
					`the reference solution does not pass step "${step.id}": ${step.checks
						.filter((c) => !c.ok)
						.map((c) => c.message)
						.join(' | ')}`
				);

		const empty = new HelpDesk(scenarioWorld(scenario));
		const emptyGrade = grade(scenario, empty.world, empty.journal, { final: true });
		const passedEmpty = emptyGrade.steps.filter((s) => s.status === 'passed').map((s) => s.id);
		if (passedEmpty.length)
			failures.push(`the empty attempt passes step(s) ${passedEmpty.join(', ')}`);
		if (emptyGrade.score > 0) failures.push(`the empty attempt scores ${emptyGrade.score}, not 0`);

		for (const attempt of scenario.attempts) attempts.push(proveAttempt(scenario, attempt));
	} catch (error) {
		failures.push(
			`the self-test crashed: ${error instanceof Error ? error.message : String(error)}`
		);
	}
	return {
		ok: failures.length === 0 && attempts.every((a) => a.ok),
		problems: failures,
		solution: solutionGrade,
		attempts
	};
}

/** One variant's proof: which values the seed picked and how the self-test went with them. */
export interface VariantLine {
	seed: number;
	/** "customer: Priya Raman, error: 503, team: Digital Channels Team" */
	values: string;
	result: SelfTestResult | null;
	/** Why the variant could not be made (a reference its values break), one line each. */
	problems: string[];
	ok: boolean;
}

/** A value as one short text: a mapping by its first part (a person's name, a code). */
function shortValue(value: VariableValue): string {
	if (typeof value !== 'object') return String(value);
	const first = Object.values(value)[0];
	return Array.isArray(first) ? first.join('/') : String(first ?? '');
}

export function variantLabel(values: VariantValues): string {
	return Object.entries(values)
		.map(([name, value]) => `${name}: ${shortValue(value)}`)
		.join(', ');
}

/**
 * The self-test of every variant when the lab has few, else of a fixed
 * sample of seeds (seedsToProve): in each, the solution must score full marks
 * and every attempt fail as it declares. Empty for a lab without variables.
 */
export function proveVariants(scenario: Scenario, max?: number): VariantLine[] {
	const variant = scenario.variant;
	if (!variant) return [];
	const pools = (variant.template.data as { variables: VariablePools }).variables;
	return seedsToProve(pools, max).map((seed) => {
		const made = scenarioVariant(scenario, seed);
		if (!made.ok)
			return {
				seed,
				values: variantLabel(variantValues(pools, seed)),
				result: null,
				problems: made.problems.map((p) => `${p.path}: ${p.message}`),
				ok: false
			};
		const result = selfTest(made.scenario);
		return {
			seed,
			values: variantLabel(made.scenario.variant?.values ?? {}),
			result,
			problems: [],
			ok: result.ok
		};
	});
}
