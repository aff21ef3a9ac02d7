/**
 * The xAPI statements of one lab attempt, in the names of vocabulary.ts:
 * launched (the lab), answered (one per step), passed or failed (the lab,
 * with the score), completed (the lab, with the duration). The same builder
 * feeds the LRS outbox and the report's xAPI export file, and every
 * statement it returns has passed the validator (validate.ts).
 *
 * Ids are UUID v5 of the attempt and the statement's kind, so building the
 * same attempt twice gives the same ids and a resend can never duplicate.
 */
import type { Statement } from '@xapi/xapi';
import { v5 as uuidv5 } from 'uuid';
import type { AttemptRecord } from '../db/attempts-db';
import type { StepGrade } from '../grading';
import { isoDuration, toUuid, type Report } from '../services/report';
import {
	ACTIVITY_TYPES,
	EXTENSIONS,
	NAMESPACE,
	VERBS,
	labActivityId,
	stepActivityId,
	type VerbName
} from './vocabulary';

/** Deskdrill's fixed namespace for statement ids (never change it: ids would change). */
export const STATEMENT_ID_NAMESPACE = '2f2fe62a-6b6e-4a8a-98c4-fddff5d76e98';

/** Who did it: the learner's e-mail (sent as mailto:) when known, and name. */
export interface Learner {
	name: string;
	email: string | null;
}

/** What every statement of an attempt shares. */
export interface AttemptFacts {
	attemptId: string;
	scenarioId: string;
	scenarioTitle: string;
	mode: AttemptRecord['mode'];
	/** The lab version played: the scenario's content hash. */
	labVersion: string;
	/** When the attempt started (ms); the launched statement's time. */
	startedAt: number;
}

/** The step's figures an answered statement carries. */
export type StepResult = Pick<StepGrade, 'id' | 'title' | 'status' | 'points' | 'maxPoints'>;

export type StatementKind = 'launched' | 'verdict' | 'completed' | `answered/${string}`;

/** The deterministic id of one statement of an attempt. */
export function statementId(attemptId: string, kind: StatementKind): string {
	return uuidv5(`${attemptId}/${kind}`, STATEMENT_ID_NAMESPACE);
}

/** The facts of an attempt record (its start from the report, or from its creation). */
export function attemptFacts(attempt: AttemptRecord, startedAt: number | null): AttemptFacts {
	return {
		attemptId: attempt.id,
		scenarioId: attempt.scenarioId,
		scenarioTitle: attempt.scenarioTitle,
		mode: attempt.mode,
		labVersion: attempt.scenarioHash ?? 'unknown',
		startedAt: startedAt ?? attempt.createdAt
	};
}

function actorOf(learner: Learner): Statement['actor'] {
	const name = learner.name.trim() || learner.email?.trim() || 'Learner';
	const email = learner.email?.trim();
	return email
		? { objectType: 'Agent', name, mbox: `mailto:${email}` }
		: { objectType: 'Agent', name, account: { homePage: NAMESPACE, name } };
}

function labActivity(facts: AttemptFacts) {
	return {
		objectType: 'Activity' as const,
		id: labActivityId(facts.scenarioId),
		definition: { name: { 'en-US': facts.scenarioTitle }, type: ACTIVITY_TYPES.lab }
	};
}

const verb = (name: VerbName) => ({ id: VERBS[name], display: { 'en-US': name } });
const iso = (ms: number) => new Date(ms).toISOString();
const ratio = (points: number, max: number) => (max ? Math.round((points / max) * 1000) / 1000 : 0);

/** One statement, with the actor, the context every statement carries, and its id. */
function statement(
	facts: AttemptFacts,
	learner: Learner,
	kind: StatementKind,
	body: Pick<Statement, 'verb' | 'object' | 'result'>,
	at: number,
	onStep = false
): Statement {
	const lab = labActivity(facts);
	return {
		id: statementId(facts.attemptId, kind),
		actor: actorOf(learner),
		...body,
		context: {
			registration: toUuid(facts.attemptId),
			platform: 'Deskdrill',
			contextActivities: {
				// A step's statement points up to its lab; every statement is in the Deskdrill category.
				...(onStep ? { parent: [lab] } : {}),
				category: [{ objectType: 'Activity', id: NAMESPACE }]
			},
			extensions: { [EXTENSIONS.labVersion]: facts.labVersion, [EXTENSIONS.mode]: facts.mode }
		},
		timestamp: iso(at)
	} as Statement;
}

export function launchedStatement(facts: AttemptFacts, learner: Learner): Statement {
	return statement(
		facts,
		learner,
		'launched',
		{ verb: verb('launched'), object: labActivity(facts) },
		facts.startedAt
	);
}

/** A step answered: sent once, when it first passes or, for the rest, when the attempt ends. */
export function answeredStatement(
	facts: AttemptFacts,
	learner: Learner,
	step: StepResult,
	at: number
): Statement {
	return statement(
		facts,
		learner,
		`answered/${step.id}`,
		{
			verb: verb('answered'),
			object: {
				objectType: 'Activity',
				id: stepActivityId(facts.scenarioId, step.id),
				definition: { name: { 'en-US': step.title }, type: ACTIVITY_TYPES.step }
			},
			result: {
				success: step.status === 'passed',
				score: {
					scaled: ratio(step.points, step.maxPoints),
					raw: step.points,
					min: 0,
					max: step.maxPoints
				}
			}
		},
		at,
		true
	);
}

/** Passed or failed, then completed: the two statements of an ended attempt. */
export function endStatements(facts: AttemptFacts, learner: Learner, report: Report): Statement[] {
	const at = report.endedAt ?? Date.now();
	const skills = Object.fromEntries(
		report.bySkill.map((s) => [s.skill, { points: s.score, max: s.maxScore }])
	);
	const verdict = statement(
		facts,
		learner,
		'verdict',
		{
			verb: verb(report.passed ? 'passed' : 'failed'),
			object: labActivity(facts),
			result: {
				score: { scaled: report.scaled, raw: report.score, min: 0, max: report.maxScore },
				success: report.passed,
				extensions: {
					[EXTENSIONS.hints]: report.hintsUsed,
					[EXTENSIONS.skills]: skills,
					[EXTENSIONS.solutionsShown]: report.solutionsShown
				}
			}
		},
		at
	);
	const completed = statement(
		facts,
		learner,
		'completed',
		{
			verb: verb('completed'),
			object: labActivity(facts),
			result: { completion: true, duration: isoDuration(report.durationMs) }
		},
		at
	);
	return [verdict, completed];
}

/**
 * While the lab runs: launched, and an answered statement for each step the
 * grade shows passed. The outbox validates them and keeps the first of each id.
 */
export function progressStatements(
	facts: AttemptFacts,
	learner: Learner,
	steps: StepResult[],
	now: number
): Statement[] {
	return [
		launchedStatement(facts, learner),
		...steps
			.filter((s) => s.status === 'passed')
			.map((s) => answeredStatement(facts, learner, s, now))
	];
}

/**
 * Every statement of an attempt as its report stands: launched, one answered
 * per step, and for an ended attempt passed/failed and completed. Steps not
 * passed are only answered once the attempt has ended.
 */
export function attemptStatements(
	facts: AttemptFacts,
	learner: Learner,
	report: Report
): Statement[] {
	const at = report.endedAt ?? Date.now();
	const steps = report.ended ? report.steps : report.steps.filter((s) => s.status === 'passed');
	return [
		launchedStatement(facts, learner),
		...steps.map((s) => answeredStatement(facts, learner, s, at)),
		...(report.ended ? endStatements(facts, learner, report) : [])
	];
}

/** The learner an export names when no LRS is set up: the candidate, or "Learner". */
export function reportLearner(report: Report, configured?: Learner | null): Learner {
	return configured ?? { name: report.candidate ?? 'Learner', email: null };
}
