import { describe, expect, it } from 'vitest';
import type { Report } from '$lib/services/report';
import { pointsWords, reportFacts, statusWords } from './report-words';

const base = {
	mode: 'practice',
	durationMs: 61_000,
	timeLimitMs: null,
	hintsUsed: 0,
	hintPoints: 0,
	solutionsShown: [],
	solutionPoints: 0,
	commands: 1,
	refusals: 0,
	focusLosses: 0
} as unknown as Report;

const facts = (r: Partial<Report>) =>
	Object.fromEntries(reportFacts({ ...base, ...r }).map((f) => [f.label, f.value]));

describe('the report in words', () => {
	it('counts hints and points in the singular and plural', () => {
		expect(facts({ hintsUsed: 1, hintPoints: 1 })['Hints used']).toBe('1 hint (−1 point)');
		expect(facts({ hintsUsed: 2, hintPoints: 5 })['Hints used']).toBe('2 hints (−5 points)');
		expect(facts({})['Hints used']).toBe('None');
	});

	it('says what was shown and done', () => {
		const f = facts({ solutionsShown: ['a'], solutionPoints: 3, commands: 4, refusals: 1 });
		expect(f['Solutions shown']).toBe('1 step (−3 points)');
		expect(f['Actions']).toBe('4 actions, 1 refused');
		expect(facts({})['Actions']).toBe('1 action, none refused');
		expect(facts({})['Time taken']).toBe('1 min 1 s');
		expect(facts({ durationMs: 5000, timeLimitMs: 1_800_000 })['Time taken']).toBe('5 s of 30 min');
	});

	it('notes the window left only in an assessment', () => {
		expect(facts({})['Window left']).toBeUndefined();
		expect(facts({ mode: 'assessment', focusLosses: 1 })['Window left']).toBe(
			'1 time (for a reviewer to weigh)'
		);
	});

	it('gives a step its points and what they lost', () => {
		const step = {
			points: 4,
			maxPoints: 10,
			hintPenalty: 2,
			hintsUsed: 1,
			solutionShown: true,
			solutionPenalty: 4
		} as Report['steps'][number];
		expect(pointsWords(step)).toEqual({
			points: '4/10',
			lost: '−2 for 1 hint, −4 for the solution'
		});
		expect(statusWords('timedOut')).toBe('ended when time ran out');
	});
});
