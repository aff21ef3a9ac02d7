/**
 * The result of an attempt, for people and for other systems: a report
 * object (scores per step and per skill, time, hints, failed checks and why),
 * and its exports as JSON and CSV (its xAPI statements are built in lrs/statements.ts).
 * Pure: everything comes in as arguments.
 */
import type { JournalEntry, World } from '../domain';
import { grade, type Grade } from '../grading';
import type { AttemptRecord } from '../db/attempts-db';
import type { Scenario } from '../scenarios/types';
import type { Integrity } from './integrity';
import { elapsedAt, isEnded, sessionContext } from './session-machine';

/** Whether the result can be taken as it stands. */
export interface ReportIntegrity {
	/** The attempt was restored from a backup file. */
	restored: boolean;
	/** Its help desk and score follow from its journal, on this lab version. */
	consistent: boolean;
	/** What does not follow, in words. */
	problems: string[];
	/** ok, restored or inconsistent: one word for a CSV cell or a badge. */
	label: 'ok' | 'restored' | 'inconsistent';
}

export interface Report {
	attemptId: string;
	scenario: { id: string; title: string };
	mode: AttemptRecord['mode'];
	candidate: string | null;
	status: AttemptRecord['status'];
	/** Submitted or timed out: the result is final. */
	ended: boolean;
	startedAt: number | null;
	endedAt: number | null;
	durationMs: number;
	timeLimitMs: number | null;
	score: number;
	maxScore: number;
	/** 0..1 */
	scaled: number;
	/** Passed: the attempt scored at least the pass mark. */
	passed: boolean;
	passMark: number;
	hintsUsed: number;
	hintPoints: number;
	/** Steps whose solution the learner looked at, and the points that cost. */
	solutionsShown: string[];
	solutionPoints: number;
	focusLosses: number;
	commands: number;
	refusals: number;
	steps: (Grade['steps'][number] & { hintsUsed: number })[];
	bySkill: { skill: string; score: number; maxScore: number }[];
	integrity: ReportIntegrity;
}

/** Share of the points an attempt needs to count as a success. */
export const PASS_MARK = 0.8;

/**
 * The report, graded from the replayed journal when `integrity` is given (the
 * report page always gives it): the grade is re-derived, never read from the
 * stored record.
 */
export function buildReport(
	scenario: Scenario,
	attempt: AttemptRecord,
	world: World,
	journal: JournalEntry[],
	integrity?: Integrity
): Report {
	const ended = isEnded(attempt.status);
	const practice = attempt.mode === 'practice';
	if (integrity) {
		world = integrity.world;
		journal = integrity.entries;
	}
	const restored = integrity?.restored ?? !!attempt.restoredAt;
	const consistent = integrity?.consistent ?? true;
	const g = grade(scenario, world, journal, {
		hintsUsed: practice ? attempt.hintsUsed : {},
		solutionsShown: practice ? attempt.solutionsShown : [],
		final: ended
	});
	const session = sessionContext(attempt.session);
	const scaled = g.maxScore ? g.score / g.maxScore : 0;
	return {
		attemptId: attempt.id,
		scenario: { id: scenario.id, title: scenario.title },
		mode: attempt.mode,
		candidate: attempt.candidate,
		status: attempt.status,
		ended,
		startedAt: session.startedAt,
		endedAt: session.endedAt,
		durationMs: elapsedAt(session, attempt.updatedAt),
		timeLimitMs: attempt.timeLimitMs,
		score: g.score,
		maxScore: g.maxScore,
		scaled: Math.round(scaled * 1000) / 1000,
		// A journal that does not hold (copied, edited, not this lab version) never reads as passed.
		passed: consistent && scaled >= PASS_MARK,
		passMark: PASS_MARK,
		hintsUsed: Object.values(attempt.hintsUsed).reduce((a, b) => a + b, 0),
		hintPoints: g.steps.reduce((sum, s) => sum + s.hintPenalty, 0),
		solutionsShown: g.steps.filter((s) => s.solutionShown).map((s) => s.id),
		solutionPoints: g.steps.reduce((sum, s) => sum + s.solutionPenalty, 0),
		focusLosses: attempt.focusLosses,
		commands: journal.filter((e) => e.actor.role !== 'system').length,
		refusals: journal.filter((e) => e.outcome === 'refused').length,
		steps: g.steps.map((s) => ({ ...s, hintsUsed: attempt.hintsUsed[s.id] ?? 0 })),
		bySkill: Object.entries(g.bySkill).map(([skill, v]) => ({ skill, ...v })),
		integrity: {
			restored,
			consistent,
			problems: integrity?.problems ?? [],
			label: !consistent ? 'inconsistent' : restored ? 'restored' : 'ok'
		}
	};
}

/**
 * One CSV cell: always quoted, and defused when a spreadsheet would run it as
 * a formula (= + - @, a tab or a return at the start, also behind invisible
 * characters or full-width look-alikes such as U+200B and U+FF1D).
 */
export function csvCell(value: unknown): string {
	const text = value === null || value === undefined ? '' : String(value);
	const visible = text.replace(/^[\s\u200B-\u200F\u2060\uFEFF\u00AD]+/, '');
	const formula = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r]/.test(visible) || /^[\t\r]/.test(text);
	const safe = formula ? `'${text}` : text;
	return `"${safe.replace(/"/g, '""')}"`;
}

/** One row per step, with the attempt's identity on every row so several reports concatenate cleanly. */
export function reportToCsv(report: Report): string {
	const header = [
		'attempt',
		'lab',
		'candidate',
		'mode',
		'status',
		'step',
		'title',
		'skill',
		'result',
		'points',
		'max_points',
		'hints_used',
		'hint_penalty',
		'solution_shown',
		'solution_penalty',
		'failed_checks',
		'integrity'
	];
	const rows = report.steps.map((s) => [
		report.attemptId,
		report.scenario.id,
		report.candidate ?? '',
		report.mode,
		report.status,
		s.id,
		s.title,
		s.skill,
		s.status,
		s.points,
		s.maxPoints,
		s.hintsUsed,
		s.hintPenalty,
		s.solutionShown ? 'yes' : 'no',
		s.solutionPenalty,
		s.checks
			.filter((c) => !c.ok)
			.map((c) => c.message)
			.join(' | '),
		report.integrity.label
	]);
	rows.push([
		report.attemptId,
		report.scenario.id,
		report.candidate ?? '',
		report.mode,
		report.status,
		'TOTAL',
		report.scenario.title,
		'',
		report.passed ? 'passed' : 'failed',
		report.score,
		report.maxScore,
		report.hintsUsed,
		report.hintPoints,
		report.solutionsShown.length,
		report.solutionPoints,
		report.integrity.problems.join(' | '),
		report.integrity.label
	]);
	return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** ISO 8601 duration, e.g. PT12M30S. */
export function isoDuration(ms: number): string {
	const total = Math.max(0, Math.round(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

/** A stable RFC 4122-shaped UUID for an attempt id (xAPI registrations must be UUIDs). */
export function toUuid(id: string): string {
	if (/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(id))
		return id.toLowerCase();
	let h1 = 0x811c9dc5;
	let h2 = 0x01000193;
	const hex: string[] = [];
	for (let round = 0; hex.join('').length < 32; round++) {
		for (const ch of `${round}:${id}`) {
			h1 = Math.imul(h1 ^ ch.charCodeAt(0), 16777619) >>> 0;
			h2 = Math.imul(h2 ^ ch.charCodeAt(0), 2246822519) >>> 0;
		}
		hex.push(h1.toString(16).padStart(8, '0'), h2.toString(16).padStart(8, '0'));
	}
	const x = hex.join('').slice(0, 32).split('');
	x[12] = '4';
	x[16] = ((parseInt(x[16] as string, 16) & 0x3) | 0x8).toString(16);
	const s = x.join('');
	return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
