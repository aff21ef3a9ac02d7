/**
 * The grade of an attempt: a pure function of the scenario, the world and the
 * journal, so the same commands at the same simulated times always give the
 * same grade. Any valid path scores (only the system's state, events and
 * journal are read); order matters only where a step says `after`; partial
 * credit per step, hint costs subtracted, never below zero.
 */
import type { JournalEntry, World } from '../domain';
import type { Check, Scenario, Step } from '../scenarios/types';
import { evaluate } from './checks';
import { makeContext } from './context';

export type StepStatus = 'passed' | 'failed' | 'pending';

export interface StepGrade {
	id: string;
	title: string;
	skill: string;
	status: StepStatus;
	points: number;
	maxPoints: number;
	/** Points taken off for hints. */
	hintPenalty: number;
	checks: { ok: boolean; message: string }[];
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
	/** The attempt is over: a step not started counts as failed rather than pending. */
	final?: boolean;
}

/** Steps that must be graded before this one (its `after`, and its checks' `after`). */
function dependencies(step: Step): string[] {
	const deps = new Set<string>();
	if (step.after) deps.add(step.after);
	const visit = (check: Check) => {
		if ('after' in check && typeof check.after === 'string') deps.add(check.after);
		if (check.kind === 'any') check.checks.forEach(visit);
	};
	step.checks.forEach(visit);
	return [...deps];
}

/** Steps in an order where each comes after those it depends on (cycles are rejected by the validator). */
function gradingOrder(steps: Step[]): Step[] {
	const byId = new Map(steps.map((s) => [s.id, s]));
	const order: Step[] = [];
	const state = new Map<string, 'visiting' | 'done'>();
	const visit = (step: Step) => {
		if (state.get(step.id)) return;
		state.set(step.id, 'visiting');
		for (const dep of dependencies(step)) {
			const target = byId.get(dep);
			if (target && !state.get(dep)) visit(target);
		}
		state.set(step.id, 'done');
		order.push(step);
	};
	steps.forEach(visit);
	return order;
}

export function hintPenalty(step: Step, used: number | undefined): number {
	if (!used || used <= 0) return 0;
	return (step.hints ?? []).slice(0, used).reduce((sum, h) => sum + h.cost, 0);
}

export function grade(
	scenario: Scenario,
	world: World,
	journal: JournalEntry[],
	options: GradeOptions = {}
): Grade {
	const ctx = makeContext(scenario, world, journal);
	/** When each passed step was completed: the latest fact its checks rest on. */
	const completedAt = new Map<string, number>();
	const stepTime = (id: string) => completedAt.get(id) ?? Infinity;
	const graded = new Map<string, StepGrade>();

	for (const step of gradingOrder(scenario.steps)) {
		const since = step.after ? stepTime(step.after) : -Infinity;
		const results = step.checks.map((check) => evaluate(ctx, check, since, stepTime));
		if (step.after && !completedAt.has(step.after)) {
			const before = scenario.steps.find((s) => s.id === step.after);
			results.push({
				ok: false,
				message: `This step counts once “${before?.title ?? step.after}” is done, and only what is done after it.`,
				at: null
			});
		}
		const ok = results.filter((r) => r.ok).length;
		const status: StepStatus =
			ok === results.length ? 'passed' : ok === 0 && !options.final ? 'pending' : 'failed';
		if (status === 'passed') {
			const times = results.map((r) => r.at).filter((a): a is number => a !== null);
			completedAt.set(step.id, times.length ? Math.max(...times) : Math.max(since, -Infinity));
		}
		const earned =
			status === 'passed' ? step.points : Math.floor((step.points * ok) / results.length);
		const penalty = hintPenalty(step, options.hintsUsed?.[step.id]);
		graded.set(step.id, {
			id: step.id,
			title: step.title,
			skill: step.skill,
			status,
			points: Math.max(0, earned - penalty),
			maxPoints: step.points,
			hintPenalty: Math.min(penalty, earned),
			checks: results.map((r) => ({ ok: r.ok, message: r.message }))
		});
	}

	const steps = scenario.steps.map((s) => graded.get(s.id) as StepGrade);
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
