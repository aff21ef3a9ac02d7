/**
 * A result file is re-graded, not believed: the candidate's own result
 * verifies; an edited score, an edited journal, another seed or another lab
 * version does not; a candidate or seed that the assessment created here did
 * not send is said.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLrs, type TestLrs } from '../../../tests/lrs/in-test';
import { EMPTY_LRS_CONFIG } from '../lrs/config';
import { sendResultToLrs } from './lrs-result';
import { pullResults } from './pull';
import { loadLab } from '../../../tests/fixtures/scenarios';
import type { AttemptRecord } from '../db/attempts-db';
import { grade } from '../grading';
import { updateAttempt } from '../services/attempt-record';
import { openAttemptWorld, startAttempt } from '../services/attempts';
import { variantOf } from '../services/variant';
import { runScript } from '../scenarios/solution';
import type { Scenario } from '../scenarios/types';
import { createAssessment } from './assessment';
import { decodeLink } from './link';
import { buildResult, resultFileName, type ResultFile } from './result';
import { parseResult, reviewLab, ResultError } from './verify';

const lab = loadLab('cfo-laptop');
const findLab = async (id: string): Promise<Scenario | null> => (id === lab.id ? lab : null);

/** A candidate takes the lab through their link: the solution (or half of it), then submit. */
async function take(seed: number, candidate: string, solve: 'all' | 'half'): Promise<ResultFile> {
	const assessment = await createAssessment(
		{
			title: 'Desk hire',
			labs: [lab],
			minutes: 20,
			passMark: 70,
			showScore: true,
			candidates: candidate,
			lrs: null
		},
		1000,
		() => seed
	);
	const decoded = decodeLink(assessment.candidates[0]!.token);
	if (!decoded.ok) throw new Error(decoded.message);
	const link = decoded.link;
	let record: AttemptRecord = await startAttempt(lab, {
		mode: 'assessment',
		candidate,
		minutes: 20,
		seed: link.seed
	});
	const variant = await variantOf(lab, link.seed);
	const script = runScript(
		variant,
		solve === 'all' ? variant.solution : variant.solution.slice(0, 2)
	);
	const store = (await openAttemptWorld(record))!;
	for (const e of script.desk.journal) await store.run(e.actor, e.command, e.wallAt ?? undefined);
	const length = store.journal.length;
	store.close();
	// As the lab does before a submission: the grade for the record.
	const g = grade(variant, store.world, store.journal, {
		hintsUsed: {},
		solutionsShown: [],
		final: true
	});
	const passedSteps = g.steps.filter((s) => s.status === 'passed').length;
	await updateAttempt(record.id, {
		type: 'grade',
		score: g.score,
		maxScore: g.maxScore,
		passedSteps
	});
	record = await updateAttempt(record.id, {
		type: 'session',
		event: { type: 'session.begin', at: 2000 }
	});
	record = await updateAttempt(record.id, {
		type: 'session',
		event: { type: 'session.submit', at: 62_000 },
		journalLength: length
	});
	return buildResult(link, [record]);
}

const edited = (file: ResultFile, change: (f: ResultFile) => void): ResultFile => {
	const copy = structuredClone(file);
	change(copy);
	return copy;
};

describe('reviewing a result file', () => {
	it('the candidate’s own result verifies, with the grade its journal earns', async () => {
		const file = await take(7, 'Rae Ortiz', 'all');
		expect(resultFileName(file)).toBe('deskdrill-result-desk-hire-rae-ortiz.json');
		const parsed = parseResult(JSON.stringify(file));
		const review = await reviewLab(parsed, parsed.labs[0]!, findLab, null);
		expect(review.reasons).toEqual([]);
		expect(review.verdict).toBe('verified');
		expect(review.derived).toMatchObject({ score: 100, maxScore: 100, passed: true });
		expect(parsed.labs[0]!.variantSeed).toBe(7);
		expect(parsed.labs[0]!.journal.every((e) => typeof e.seal === 'string')).toBe(true);

		const half = await take(8, 'Sam Lee', 'half');
		const failed = await reviewLab(half, half.labs[0]!, findLab, null);
		expect(failed.verdict).toBe('verified');
		expect(failed.derived!.passed).toBe(false);
		expect(failed.derived!.score).toBeLessThan(70);
	});

	it('an edited score, an edited journal, another seed or a lab version this app lacks never verifies', async () => {
		const file = await take(3, 'Rae Ortiz', 'half');
		const review = (f: ResultFile) => reviewLab(f, f.labs[0]!, findLab, null);

		const score = await review(edited(file, (f) => (f.labs[0]!.stated.score = 100)));
		expect(score.verdict).toBe('mismatch');
		expect(score.reasons.join(' ')).toContain(
			`The file states 100 / 100; its journal earns ${file.labs[0]!.stated.score} / 100.`
		);

		const journal = await review(
			edited(file, (f) => {
				const entry = f.labs[0]!.journal[0]!;
				(entry.command as { subject?: string }).subject = 'Something else entirely';
			})
		);
		expect(journal.verdict).toBe('mismatch');
		expect(journal.reasons.join(' ')).toMatch(/not recorded in this attempt/);

		const seed = await review(edited(file, (f) => (f.labs[0]!.variantSeed = 4)));
		expect(seed.verdict).toBe('mismatch');

		const candidate = await review(
			edited(file, (f) => {
				f.candidate = 'Someone Else';
				f.labs[0]!.attempt.candidate = 'Someone Else';
			})
		);
		expect(candidate.verdict).toBe('mismatch');

		const version = await review(edited(file, (f) => (f.labs[0]!.scenarioHash = 'ffff')));
		expect(version.verdict).toBe('refused');
		expect(version.reasons[0]).toMatch(/for a version of .* this app does not have/);
	});

	it('compares with the assessment as created here: a candidate or seed it did not send is said', async () => {
		const file = await take(11, 'Rae Ortiz', 'all');
		const created = await createAssessment(
			{
				title: 'Desk hire',
				labs: [lab],
				minutes: 20,
				passMark: 70,
				showScore: true,
				candidates: 'Rae Ortiz',
				lrs: null
			},
			1000,
			() => 12
		);
		const review = await reviewLab(file, file.labs[0]!, findLab, {
			...created,
			id: file.assessment.id
		});
		expect(review.verdict).toBe('mismatch');
		expect(review.reasons.join(' ')).toMatch(/not the one Rae Ortiz’s link carried/);
	});

	it('a file that is not a result is refused in words', () => {
		expect(() => parseResult('{', 'r.json')).toThrow(ResultError);
		expect(() => parseResult('{"format":"deskdrill-backup"}', 'r.json')).toThrow(
			/not a Deskdrill result/
		);
		expect(() => parseResult('{"format":"deskdrill-result","version":1}', 'r.json')).toThrow(
			/damaged/
		);
	});
});

describe('results through a learning record store', () => {
	let lrs: TestLrs;
	beforeAll(async () => {
		lrs = await startTestLrs();
	}, 40_000);
	afterAll(() => lrs?.stop());

	it('a link sends valid statements carrying the result; Review pulls it back and it verifies; sending again adds nothing', async () => {
		const result = await take(3, `pull.${Date.now()}@example.com`, 'all');
		const link = { endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret };
		expect(await sendResultToLrs(link, result)).toBeNull();
		expect(await sendResultToLrs(link, result)).toBeNull();
		const config = { ...EMPTY_LRS_CONFIG, ...link };
		const pulled = await pullResults(config, [{ id: lab.id, title: lab.title }]);
		expect(pulled.problems).toEqual([]);
		const mine = pulled.results.filter((r) => r.candidate === result.candidate);
		expect(mine).toHaveLength(1);
		const review = await reviewLab(
			parseResult(JSON.stringify(mine[0]), 'from the LRS'),
			mine[0]!.labs[0]!,
			findLab,
			null
		);
		expect(review).toMatchObject({ verdict: 'verified' });
		// A wrong secret is refused in words, and nothing is pulled.
		const wrong = await pullResults({ ...config, secret: 'nope' }, [
			{ id: lab.id, title: lab.title }
		]);
		expect(wrong.results).toEqual([]);
		expect(wrong.problems[0]).toMatch(/refused the key and secret \(HTTP 401/);
		expect(await sendResultToLrs({ ...link, secret: 'nope' }, result)).toMatch(
			/refused the key or secret/
		);
	});
});
