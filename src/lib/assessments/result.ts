/**
 * The result file a candidate sends back: for each lab, which version and
 * variant was played, the attempt's relevant fields (with its integrity
 * signals), its sealed journal up to where it ended, and the grade it states.
 * The reviewer never believes the stated grade: verify.ts re-derives it.
 */
import type { JournalEntry } from '../domain';
import type { AttemptRecord } from '../db/attempts-db';
import { openAttemptWorld } from '../services/attempts';
import { scenarioForAttempt } from '../services/catalogue';
import { checkIntegrity } from '../services/integrity';
import { buildReport, type Report } from '../services/report';
import type { CandidateLink } from './link';

export const RESULT_FORMAT = 'deskdrill-result';
export const RESULT_VERSION = 1;

/** The attempt fields a result carries. */
export type ResultAttempt = Pick<
	AttemptRecord,
	| 'id'
	| 'mode'
	| 'status'
	| 'session'
	| 'timeLimitMs'
	| 'candidate'
	| 'createdAt'
	| 'updatedAt'
	| 'focusLosses'
> &
	Pick<AttemptRecord, 'bindingId' | 'signals'>;

/** A grade as stated (by the file) or derived (by the reviewer's replay). */
export interface Grading {
	score: number;
	maxScore: number;
	passed: boolean;
	bySkill: Report['bySkill'];
	durationMs: number;
}

export interface ResultLab {
	scenarioId: string;
	scenarioTitle: string;
	scenarioHash: string;
	variantSeed: number;
	attempt: ResultAttempt;
	journal: JournalEntry[];
	stated: Grading;
}

export interface ResultFile {
	format: typeof RESULT_FORMAT;
	version: typeof RESULT_VERSION;
	assessment: { id: string; title: string; passMark: number; minutes: number };
	candidate: string;
	labs: ResultLab[];
}

/** Whether a score clears a pass mark given in percent. */
export function clears(score: number, maxScore: number, passMark: number): boolean {
	return maxScore > 0 && (score / maxScore) * 100 >= passMark;
}

/** The grade of a report against the assessment's pass mark (never passed when it does not hold). */
export function gradingOf(report: Report, passMark: number): Grading {
	return {
		score: report.score,
		maxScore: report.maxScore,
		passed: report.integrity.consistent && clears(report.score, report.maxScore, passMark),
		bySkill: report.bySkill,
		durationMs: report.durationMs
	};
}

/** One lab's part of the result, from the attempt, its journal and its report (pure). */
export function resultLab(
	record: AttemptRecord,
	journal: JournalEntry[],
	report: Report,
	passMark: number
): ResultLab {
	const ended = record.finalEntries ?? journal.length;
	return {
		scenarioId: record.scenarioId,
		scenarioTitle: record.scenarioTitle,
		scenarioHash: record.scenarioHash ?? '',
		variantSeed: record.variantSeed ?? 0,
		attempt: {
			id: record.id,
			...(record.bindingId ? { bindingId: record.bindingId } : {}),
			mode: record.mode,
			status: record.status,
			session: record.session,
			timeLimitMs: record.timeLimitMs,
			candidate: record.candidate,
			createdAt: record.createdAt,
			updatedAt: record.updatedAt,
			focusLosses: record.focusLosses,
			...(record.signals ? { signals: record.signals } : {})
		},
		journal: journal.slice(0, ended),
		stated: gradingOf(report, passMark)
	};
}

/** The result file of a finished taking: each lab's attempt, graded here as the candidate saw it. */
export async function buildResult(
	link: CandidateLink,
	attempts: AttemptRecord[]
): Promise<ResultFile> {
	const labs: ResultLab[] = [];
	for (const record of attempts) {
		const scenario = await scenarioForAttempt(record);
		const store = await openAttemptWorld(record);
		if (!scenario || !store)
			throw new Error(`The attempt at “${record.scenarioTitle}” is missing from this browser.`);
		const world = store.world;
		const journal = store.journal;
		store.close();
		const integrity = await checkIntegrity(scenario, record, world, journal);
		const report = buildReport(scenario, record, world, journal, integrity);
		labs.push(resultLab(record, journal, report, link.assessment.passMark));
	}
	const { id, title, passMark, minutes } = link.assessment;
	return {
		format: RESULT_FORMAT,
		version: RESULT_VERSION,
		assessment: { id, title, passMark, minutes },
		candidate: link.candidate,
		labs
	};
}

/** A file name for the result: the candidate and the assessment, safe on every system. */
export function resultFileName(result: ResultFile): string {
	const safe = (s: string) =>
		s
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 40) || 'result';
	return `deskdrill-result-${safe(result.assessment.title)}-${safe(result.candidate)}.json`;
}
