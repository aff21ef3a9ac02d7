/**
 * The statements of an attempt over the banking outage lab: every one passes
 * Learning Locker's validator, ids are the same however often they are
 * built, and a broken statement is refused with the validator's words.
 */
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../../tests/fixtures/scenarios';
import { runScript } from '../scenarios/solution';
import type { AttemptRecord } from '../db/attempts-db';
import { advanceSession } from '../services/session-machine';
import { buildReport } from '../services/report';
import {
	attemptFacts,
	attemptStatements,
	launchedStatement,
	progressStatements,
	statementId
} from './statements';
import { InvalidStatementError, statementProblems, validated } from './validate';
import { EXTENSIONS, VERBS, labActivityId } from './vocabulary';

const scenario = loadLab('banking-outage');
const learner = { name: 'Rae Ortiz', email: 'rae@example.org' };

function endedAttempt(): AttemptRecord {
	const started = advanceSession(null, { type: 'session.start', at: 60_000, mode: 'practice' });
	const ended = advanceSession(started.session, { type: 'session.submit', at: 810_000 });
	return {
		id: 'attempt-7',
		scenarioId: scenario.id,
		scenarioTitle: scenario.title,
		mode: 'practice',
		candidate: null,
		timeLimitMs: null,
		status: ended.status,
		session: ended.session,
		hintsUsed: { [scenario.steps[0]?.id ?? '']: 1 },
		solutionsShown: [],
		personaId: null,
		lastActiveAt: 0,
		focusLosses: 0,
		createdAt: 60_000,
		updatedAt: 810_000,
		score: 0,
		maxScore: 0,
		passedSteps: 0,
		totalSteps: 0,
		scenarioHash: 'hash-1'
	};
}

function build(script = scenario.solution) {
	const attempt = endedAttempt();
	const run = runScript(scenario, script);
	const report = buildReport(scenario, attempt, run.desk.world, run.desk.journal);
	const facts = attemptFacts(attempt, report.startedAt);
	return { report, facts, statements: attemptStatements(facts, learner, report) };
}

describe('xAPI statements of an attempt', () => {
	it('an ended attempt has launched, one answered per step, a verdict and completed, all valid', () => {
		const { statements, report } = build();
		const verbs = statements.map((s) => s.verb.id);
		expect(verbs.filter((v) => v === VERBS.launched)).toHaveLength(1);
		expect(verbs.filter((v) => v === VERBS.answered)).toHaveLength(scenario.steps.length);
		expect(verbs.filter((v) => v === VERBS.passed)).toHaveLength(1);
		expect(verbs.filter((v) => v === VERBS.completed)).toHaveLength(1);
		for (const s of statements) expect(statementProblems(s)).toEqual([]);

		const verdict = statements.find((s) => s.verb.id === VERBS.passed);
		expect(verdict?.result?.score).toEqual({
			scaled: report.scaled,
			raw: report.score,
			min: 0,
			max: report.maxScore
		});
		expect(verdict?.result?.extensions?.[EXTENSIONS.hints]).toBe(1);
		expect(Object.keys(verdict?.result?.extensions?.[EXTENSIONS.skills] as object)).toEqual(
			report.bySkill.map((s) => s.skill)
		);
		const completed = statements.find((s) => s.verb.id === VERBS.completed);
		expect(completed?.result).toEqual({ completion: true, duration: 'PT12M30S' });
		expect(statements[0]?.timestamp).toBe(new Date(60_000).toISOString());
	});

	it('every statement names the learner by mailto, the registration, lab version and mode', () => {
		const { statements } = build();
		const registrations = new Set(statements.map((s) => s.context?.registration));
		expect(registrations.size).toBe(1);
		for (const s of statements) {
			expect(s.actor).toMatchObject({ objectType: 'Agent', mbox: 'mailto:rae@example.org' });
			expect(s.context?.extensions).toEqual({
				[EXTENSIONS.labVersion]: 'hash-1',
				[EXTENSIONS.mode]: 'practice'
			});
		}
		const step = statements.find((s) => s.verb.id === VERBS.answered);
		expect(step?.context?.contextActivities?.parent).toEqual([
			expect.objectContaining({ id: labActivityId(scenario.id) })
		]);
	});

	it('without an e-mail the actor is an account, still valid', () => {
		const { facts } = build();
		const s = launchedStatement(facts, { name: 'Rae', email: null });
		expect(s.actor).toMatchObject({ account: { name: 'Rae' } });
		expect(statementProblems(s)).toEqual([]);
	});

	it('ids are deterministic: the same attempt built twice has the same ids, all distinct', () => {
		const first = build().statements.map((s) => s.id);
		const second = build().statements.map((s) => s.id);
		expect(second).toEqual(first);
		expect(new Set(first).size).toBe(first.length);
		expect(first[0]).toBe(statementId('attempt-7', 'launched'));
		expect(statementId('attempt-8', 'launched')).not.toBe(first[0]);
	});

	it('a failed attempt says failed, and every step is answered at the end', () => {
		const { statements } = build([]);
		expect(statements.some((s) => s.verb.id === VERBS.failed)).toBe(true);
		const answered = statements.filter((s) => s.verb.id === VERBS.answered);
		expect(answered).toHaveLength(scenario.steps.length);
		expect(answered.every((s) => s.result?.success === false)).toBe(true);
	});

	it('while the lab runs, only launched and the steps passed so far', () => {
		const { facts } = build();
		const steps = scenario.steps.map((s, i) => ({
			id: s.id,
			title: s.title,
			status: i === 0 ? ('passed' as const) : ('pending' as const),
			points: i === 0 ? s.points : 0,
			maxPoints: s.points
		}));
		const statements = progressStatements(facts, learner, steps, 100_000);
		expect(statements.map((s) => s.verb.id)).toEqual([VERBS.launched, VERBS.answered]);
		expect(statements[1]?.id).toBe(statementId('attempt-7', `answered/${scenario.steps[0]?.id}`));
	});

	it('a broken statement is refused with the validator’s own findings', () => {
		const { statements } = build();
		const broken = structuredClone(statements[0]!);
		(broken.actor as { mbox: string }).mbox = 'rae@example.org';
		(broken.verb as { id: string }).id = 'launched';
		expect(() => validated([broken])).toThrow(InvalidStatementError);
		try {
			validated([broken]);
		} catch (error) {
			const message = (error as Error).message;
			expect(message).toContain("Expected 'statement.actor.mbox' to be Mailto");
			expect(message).toContain("'statement.verb.id'");
			expect(message).toContain(broken.id);
		}
		const tooHigh = structuredClone(statements.find((s) => s.verb.id === VERBS.passed)!);
		tooHigh.result!.score!.raw = 10_000;
		expect(statementProblems(tooHigh).join()).toMatch(/raw more than max/);
	});
});
