/**
 * Reviewing a result file: every lab's grade is re-derived from its journal,
 * on the lab version the file names (by content hash) and the variant its
 * seed makes, with its seals checked against the attempt, variant and
 * candidate the file names. Verified only when the re-derived grade equals
 * the stated one and the journal holds; a hand-edited score, an edited or
 * copied journal, another seed or another lab version never verifies.
 */
import type { AttemptRecord } from '../db/attempts-db';
import { checkIntegrity } from '../services/integrity';
import { replayTo } from '../services/replay';
import { buildReport } from '../services/report';
import { variantOf } from '../services/variant';
import { scenarioHash } from '../scenarios/hash';
import type { Scenario } from '../scenarios/types';
import type { Assessment } from './assessment';
import { gradingOf, RESULT_FORMAT, type Grading, type ResultFile, type ResultLab } from './result';

export type Verdict = 'verified' | 'mismatch' | 'refused';

export interface LabReview {
	scenarioId: string;
	title: string;
	verdict: Verdict;
	/** Why not verified (or refused), in words; empty when verified. */
	reasons: string[];
	stated: Grading;
	/** The grade the journal earns here; null when refused. */
	derived: Grading | null;
	/** The attempt as the reviewer re-built it (for opening its replay); null when refused. */
	record: AttemptRecord | null;
	lab: ResultLab;
}

export class ResultError extends Error {
	override name = 'ResultError';
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** The result file in `text`, checked for shape; throws ResultError in words. */
export function parseResult(text: string, fileName = 'the file'): ResultFile {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new ResultError(`${fileName} is not a Deskdrill result file (it is not JSON).`);
	}
	if (!isObject(data) || data.format !== RESULT_FORMAT)
		throw new ResultError(`${fileName} is not a Deskdrill result file.`);
	if (data.version !== 1)
		throw new ResultError(`${fileName} is a result file of a version this app cannot read.`);
	const a = data.assessment;
	const labs = data.labs;
	const shaped =
		isObject(a) &&
		typeof a.id === 'string' &&
		typeof a.title === 'string' &&
		typeof a.passMark === 'number' &&
		typeof data.candidate === 'string' &&
		Array.isArray(labs) &&
		labs.every(
			(l) =>
				isObject(l) &&
				typeof l.scenarioId === 'string' &&
				typeof l.scenarioHash === 'string' &&
				typeof l.variantSeed === 'number' &&
				isObject(l.attempt) &&
				typeof l.attempt.id === 'string' &&
				Array.isArray(l.journal) &&
				isObject(l.stated) &&
				typeof l.stated.score === 'number'
		);
	if (!shaped) throw new ResultError(`${fileName} is damaged: parts of the result are missing.`);
	return data as unknown as ResultFile;
}

/** The attempt record a result lab describes, as the journal's seals were made for it. */
function recordOf(lab: ResultLab): AttemptRecord {
	const a = lab.attempt;
	return {
		id: a.id,
		...(a.bindingId ? { bindingId: a.bindingId } : {}),
		scenarioId: lab.scenarioId,
		scenarioTitle: lab.scenarioTitle ?? lab.scenarioId,
		mode: a.mode,
		candidate: a.candidate,
		timeLimitMs: a.timeLimitMs,
		status: a.status,
		session: a.session,
		hintsUsed: {},
		solutionsShown: [],
		personaId: null,
		lastActiveAt: a.updatedAt,
		focusLosses: a.focusLosses ?? 0,
		createdAt: a.createdAt,
		updatedAt: a.updatedAt,
		score: lab.stated.score,
		maxScore: lab.stated.maxScore,
		passedSteps: 0,
		totalSteps: 0,
		scenarioHash: lab.scenarioHash,
		finalEntries: lab.journal.length,
		restoredAt: null,
		variantSeed: lab.variantSeed,
		...(a.signals ? { signals: a.signals } : {})
	};
}

const percent = (g: Grading) => (g.maxScore ? Math.round((g.score / g.maxScore) * 100) : 0);

/** Where the stated grade and the re-derived one differ, in words with both figures. */
function differences(stated: Grading, derived: Grading): string[] {
	const out: string[] = [];
	if (stated.score !== derived.score || stated.maxScore !== derived.maxScore)
		out.push(
			`The file states ${stated.score} / ${stated.maxScore}; its journal earns ${derived.score} / ${derived.maxScore}.`
		);
	if (stated.passed !== derived.passed)
		out.push(
			`The file states ${stated.passed ? 'passed' : 'failed'}; re-graded it is ${derived.passed ? 'passed' : 'failed'} (${percent(derived)}%).`
		);
	if (JSON.stringify(stated.bySkill) !== JSON.stringify(derived.bySkill))
		out.push('The scores per skill in the file are not what its journal earns.');
	if (stated.durationMs !== derived.durationMs)
		out.push('The time used in the file is not what its session records.');
	return out;
}

/**
 * Review one lab of a result file against the labs this app has (`findLab`)
 * and, when it was created here, the assessment (`created`).
 */
export async function reviewLab(
	file: ResultFile,
	lab: ResultLab,
	findLab: (id: string) => Promise<Scenario | null>,
	created: Assessment | null
): Promise<LabReview> {
	const base = { scenarioId: lab.scenarioId, stated: lab.stated, lab };
	const refused = (title: string, reason: string): LabReview => ({
		...base,
		title,
		verdict: 'refused',
		reasons: [reason],
		derived: null,
		record: null
	});
	const title = lab.scenarioTitle ?? lab.scenarioId;
	const scenario = await findLab(lab.scenarioId);
	if (!scenario)
		return refused(
			title,
			`No lab “${lab.scenarioId}” is in this app, so this result cannot be re-graded.`
		);
	if ((await scenarioHash(scenario)) !== lab.scenarioHash)
		return refused(
			scenario.title,
			`This result is for a version of “${scenario.title}” this app does not have, so it cannot be re-graded.`
		);
	let variant: Scenario;
	try {
		variant = await variantOf(scenario, lab.variantSeed);
	} catch {
		return refused(
			scenario.title,
			`Variant ${lab.variantSeed} of “${scenario.title}” cannot be made here.`
		);
	}
	const record = recordOf(lab);
	const world = replayTo(variant, lab.journal, lab.journal.length).world;
	const integrity = await checkIntegrity(variant, record, world, lab.journal);
	const report = buildReport(variant, record, world, lab.journal, integrity);
	// The pass mark of the assessment as created here, when it is here; else the file's.
	const derived = gradingOf(report, created?.passMark ?? file.assessment.passMark);
	const reasons = [...integrity.problems, ...differences(lab.stated, derived)];
	if (record.mode !== 'assessment')
		reasons.push('The attempt in the file is not an assessment attempt.');
	if (record.candidate !== file.candidate)
		reasons.push(
			`The attempt was taken as “${record.candidate ?? ''}”, not as “${file.candidate}”.`
		);
	if (created) reasons.push(...againstCreated(file, lab, created));
	return {
		...base,
		title: scenario.title,
		verdict: reasons.length === 0 ? 'verified' : 'mismatch',
		reasons,
		derived,
		record: {
			...record,
			scenarioTitle: scenario.title,
			score: derived.score,
			maxScore: derived.maxScore
		}
	};
}

/** What in the file does not match the assessment as it was created in this browser. */
function againstCreated(file: ResultFile, lab: ResultLab, created: Assessment): string[] {
	const out: string[] = [];
	const sent = created.candidates.find((c) => c.candidate === file.candidate);
	if (!sent)
		out.push(`“${file.candidate}” is not a candidate of this assessment as it was created here.`);
	else if (sent.seed !== lab.variantSeed)
		out.push(
			`The variant (seed ${lab.variantSeed}) is not the one ${file.candidate}’s link carried (seed ${sent.seed}).`
		);
	if (!created.labs.some((l) => l.id === lab.scenarioId && l.hash === lab.scenarioHash))
		out.push('This lab, at this version, is not part of the assessment as it was created here.');
	if (file.assessment.passMark !== created.passMark)
		out.push(
			`The pass mark in the file (${file.assessment.passMark}%) is not the assessment’s (${created.passMark}%).`
		);
	return out;
}
