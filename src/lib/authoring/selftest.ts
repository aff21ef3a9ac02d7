/**
 * A lab's proof of its own checks (grading principle 10): the reference
 * solution passes every step with full points, the empty attempt passes none
 * and scores nothing, and each wrong attempt fails exactly the steps it names.
 */
import { HelpDesk } from '../domain';
import { grade, type Grade } from '../grading';
import { attemptCommands, runScript } from './solution';
import type { Scenario } from './types';
import { scenarioWorld } from './world';

export interface SelfTestResult {
	ok: boolean;
	/** Why it failed, one line each. */
	failures: string[];
	solution: Grade | null;
}

const notPassed = (g: Grade) => g.steps.filter((s) => s.status !== 'passed').map((s) => s.id);

export function selfTest(scenario: Scenario): SelfTestResult {
	const failures: string[] = [];
	let solutionGrade: Grade | null = null;
	try {
		const solution = runScript(scenario, scenario.solution);
		for (const p of solution.problems) failures.push(`solution[${p.index}]: ${p.message}`);
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

		for (const attempt of scenario.attempts) {
			const run = runScript(scenario, attemptCommands(scenario, attempt));
			const crashed = run.problems.filter((p) => /crashed the engine/.test(p.message));
			for (const p of crashed) failures.push(`attempt "${attempt.name}"[${p.index}]: ${p.message}`);
			const failed = notPassed(grade(scenario, run.desk.world, run.desk.journal, { final: true }));
			const expected = [...attempt.fails].sort();
			const actual = [...failed].sort();
			if (JSON.stringify(expected) !== JSON.stringify(actual))
				failures.push(
					`attempt "${attempt.name}" should fail ${expected.join(', ')} but fails ${actual.join(', ') || 'nothing'}`
				);
		}
	} catch (error) {
		failures.push(
			`the self-test crashed: ${error instanceof Error ? error.message : String(error)}`
		);
	}
	return { ok: failures.length === 0, failures, solution: solutionGrade };
}
