/**
 * The grade of an attempt: a pure function of the scenario, the world and the
 * journal, so the same commands at the same simulated times always give the
 * same grade. Any valid path scores (only the system's state, events and
 * journal are read). Steps are graded each on its own: order is judged from
 * events inside a check, never from another step's verdict, so a mistake costs
 * the step it belongs to and nothing more.
 *
 * A step is "touched" once the learner has done something it is about; until
 * then it shows nothing and earns nothing (a check that holds by default, such
 * as "never overdue", is no achievement on its own). A touched step earns a
 * share of its points in proportion to its passing checks, less hint costs;
 * showing the step's solution costs the whole step. Never below zero.
 */
import type { JournalEntry, World } from '../domain';
import type { Scenario, Step } from '../scenarios/types';
import { evaluate } from './checks';
import { makeContext, type GradeContext } from './context';
import { looksFor } from './describe';

/** passed: every check holds; failed: touched (or the attempt is over) but not all hold; pending: not started. */
export type StepStatus = 'passed' | 'failed' | 'pending';

export interface CheckGrade {
	ok: boolean;
	/** What the check found, in words (its pass or fail message). */
	message: string;
	/** What the check looks at, without the value it expects. */
	looksFor: string;
	/** Texts for a human to read (the replies a text check looked at). */
	evidence?: string[];
}

export interface StepGrade {
	id: string;
	title: string;
	skill: string;
	status: StepStatus;
	/** The learner has done something this step is about. */
	touched: boolean;
	points: number;
	maxPoints: number;
	/** Points taken off for hints. */
	hintPenalty: number;
	/** The learner looked at this step's solution (it costs the step's points). */
	solutionShown: boolean;
	/** Points taken off for showing the solution. */
	solutionPenalty: number;
	checks: CheckGrade[];
}

export interface Grade {
	steps: StepGrade[];
	score: number;
	maxScore: number;
	bySkill: Record<string, { score: number; maxScore: number }>;
}

export interface GradeOptions {
	/** How many hints of each step the learner opened (they open in order: nudge, guided, strong). */
	hintsUsed?: Record<string, number>;
	/** Steps whose solution the learner looked at. */
	solutionsShown?: readonly string[];
	/** The attempt is over: a step not started counts as failed rather than pending. */
	final?: boolean;
}

export function hintPenalty(step: Step, used: number | undefined): number {
	if (!used || used <= 0) return 0;
	return (step.hints ?? []).slice(0, used).reduce((sum, h) => sum + h.cost, 0);
}

function gradeStep(ctx: GradeContext, step: Step, options: GradeOptions): StepGrade {
	const results = step.checks.map((check) => evaluate(ctx, check));
	const ok = results.filter((r) => r.ok).length;
	const touched = results.some((r) => r.touched);
	const allOk = ok === results.length;
	const status: StepStatus =
		touched && allOk ? 'passed' : touched || options.final ? 'failed' : 'pending';
	const earned =
		status === 'passed'
			? step.points
			: touched
				? Math.floor((step.points * ok) / results.length)
				: 0;
	const hints = Math.min(hintPenalty(step, options.hintsUsed?.[step.id]), earned);
	const solutionShown = options.solutionsShown?.includes(step.id) ?? false;
	const solution = solutionShown ? earned - hints : 0;
	return {
		id: step.id,
		title: step.title,
		skill: step.skill,
		status,
		touched,
		points: Math.max(0, earned - hints - solution),
		maxPoints: step.points,
		hintPenalty: hints,
		solutionShown,
		solutionPenalty: solution,
		checks: results.map((r, i) => ({
			ok: r.ok,
			message: r.message,
			looksFor: looksFor(ctx.world, ctx.scenario, step.checks[i]!),
			...(r.evidence?.length ? { evidence: r.evidence } : {})
		}))
	};
}

export function grade(
	scenario: Scenario,
	world: World,
	journal: JournalEntry[],
	options: GradeOptions = {}
): Grade {
	const ctx = makeContext(scenario, world, journal);
	const steps = scenario.steps.map((step) => gradeStep(ctx, step, options));
	const bySkill: Grade['bySkill'] = {};
	for (const skill of scenario.skills) bySkill[skill] = { score: 0, maxScore: 0 };
	for (const step of steps) {
		const entry = (bySkill[step.skill] ??= { score: 0, maxScore: 0 });
		entry.score += step.points;
		entry.maxScore += step.maxPoints;
	}
	return {
		steps,
		score: steps.reduce((sum, s) => sum + s.points, 0),
		maxScore: steps.reduce((sum, s) => sum + s.maxPoints, 0),
		bySkill
	};
}
