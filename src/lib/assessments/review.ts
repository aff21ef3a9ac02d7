/**
 * The reviewer's comparison: one row per candidate's lab, with the verdict,
 * the re-derived score against the pass mark, per skill, time used and the
 * integrity signals as facts; its CSV; and opening a reviewed result's replay
 * by importing it as a read-only (restored) attempt of this browser.
 */
import { workspaceDb, type AttemptRecord } from '../db/attempts-db';
import { createWorldStore } from '../db/world-store';
import { signalsOf } from '../services/attempt-record';
import { findScenario } from '../services/catalogue';
import { replayTo } from '../services/replay';
import { csvCell, toUuid } from '../services/report';
import { variantOf } from '../services/variant';
import { findAssessment } from './assessment';
import { clears, type ResultFile } from './result';
import { reviewLab, type LabReview } from './verify';

export interface ReviewRow {
	candidate: string;
	assessment: string;
	passMark: number;
	review: LabReview;
}

/** Review every lab of a result file (re-graded here; see verify.ts). */
export async function reviewFile(file: ResultFile): Promise<ReviewRow[]> {
	const created = await findAssessment(file.assessment.id);
	const passMark = created?.passMark ?? file.assessment.passMark;
	const rows: ReviewRow[] = [];
	for (const lab of file.labs)
		rows.push({
			candidate: file.candidate,
			assessment: file.assessment.title,
			passMark,
			review: await reviewLab(file, lab, findScenario, created)
		});
	return rows;
}

/** "12 min 5 s". */
export function duration(ms: number): string {
	const s = Math.round(ms / 1000);
	const m = Math.floor(s / 60);
	return m ? `${m} min ${s % 60} s` : `${s} s`;
}

/** The integrity signals of a reviewed lab, as plain facts. */
export function signalFacts(review: LabReview): string[] {
	const signals = signalsOf(review.lab.attempt);
	const away = signals.focus.reduce((sum, f) => sum + (f.ms ?? 0), 0);
	const pasted = signals.pastes.reduce((sum, p) => sum + p.length, 0);
	const idle = signals.idle.reduce((sum, i) => sum + i.ms, 0);
	const facts = [
		signals.focus.length
			? `Left the window ${signals.focus.length === 1 ? 'once' : `${signals.focus.length} times`} (${duration(away)} away)`
			: 'Never left the window',
		signals.pastes.length
			? `Pasted ${signals.pastes.length === 1 ? 'once' : `${signals.pastes.length} times`} (${pasted} characters: ${[...new Set(signals.pastes.map((p) => p.where))].join(', ')})`
			: 'No pastes'
	];
	if (signals.idle.length)
		facts.push(
			`Idle ${signals.idle.length === 1 ? 'once' : `${signals.idle.length} times`} (${duration(idle)} in all)`
		);
	return facts;
}

export function passed(row: ReviewRow): boolean | null {
	const d = row.review.derived;
	return d ? row.review.verdict === 'verified' && clears(d.score, d.maxScore, row.passMark) : null;
}

/** The comparison as CSV: one row per candidate's lab. */
export function reviewCsv(rows: ReviewRow[]): string {
	const header = [
		'candidate',
		'assessment',
		'lab',
		'verdict',
		'score',
		'max score',
		'pass mark %',
		'result',
		'by skill',
		'time used',
		'integrity signals',
		'reasons'
	];
	const lines = rows.map((r) => {
		const d = r.review.derived;
		const result = passed(r);
		return [
			r.candidate,
			r.assessment,
			r.review.title,
			r.review.verdict,
			d?.score ?? '',
			d?.maxScore ?? '',
			r.passMark,
			result === null ? '' : result ? 'pass' : 'fail',
			d ? d.bySkill.map((s) => `${s.skill} ${s.score}/${s.maxScore}`).join('; ') : '',
			d ? duration(d.durationMs) : '',
			signalFacts(r.review).join('; '),
			r.review.reasons.join(' ')
		];
	});
	return [header, ...lines].map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Import a reviewed lab as a read-only attempt of this browser so its report
 * (with the replay of every action) opens: marked restored, ended, bound to
 * the original attempt so its seals still hold. Returns the attempt's id.
 */
export async function openAsAttempt(review: LabReview, now = Date.now()): Promise<string> {
	if (!review.record) throw new Error('This result was not re-graded, so it has no replay.');
	const scenario = await findScenario(review.scenarioId);
	if (!scenario) throw new Error('The lab is not in this app.');
	const variant = await variantOf(scenario, review.lab.variantSeed);
	const world = replayTo(variant, review.lab.journal, review.lab.journal.length).world;
	const original = review.record.bindingId ?? review.record.id;
	const record: AttemptRecord = {
		...review.record,
		id: `reviewed-${toUuid(`${original}:${review.lab.journal.length}`)}`,
		bindingId: original,
		status: review.record.status === 'timedOut' ? 'timedOut' : 'submitted',
		restoredAt: now,
		totalSteps: variant.steps.length
	};
	(await createWorldStore(record.id, world, review.lab.journal)).close();
	await workspaceDb().attempts.put(JSON.parse(JSON.stringify(record)) as AttemptRecord);
	return record.id;
}
