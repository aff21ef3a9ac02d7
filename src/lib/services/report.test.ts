/**
 * The report and its exports over a real scenario: the banking outage's
 * reference solution scores full marks, an empty attempt scores nothing,
 * and the exports carry the same figures.
 */
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../../tests/fixtures/scenarios';
import { runScript } from '../scenarios/solution';
import type { AttemptRecord } from '../db/attempts-db';
import { advanceSession } from './attempts';
import { buildReport, csvCell, isoDuration, reportToCsv, toUuid } from './report';
import { replayTo, timeline } from './replay';

const firstScenario = () => loadLab('banking-outage');

function attempt(
	scenarioId: string,
	mode: 'practice' | 'assessment' = 'assessment'
): AttemptRecord {
	const started = advanceSession(null, {
		type: 'session.start',
		at: 0,
		mode,
		candidate: 'Rae Ortiz',
		timeLimitMs: 3_600_000
	});
	const ended = advanceSession(started.session, { type: 'session.submit', at: 750_000 });
	return {
		id: 'attempt-1',
		scenarioId,
		scenarioTitle: 'x',
		mode,
		candidate: mode === 'assessment' ? 'Rae Ortiz' : null,
		timeLimitMs: 3_600_000,
		status: ended.status,
		session: ended.session,
		hintsUsed: {},
		solutionsShown: [],
		personaId: null,
		lastActiveAt: 0,
		focusLosses: 2,
		createdAt: 0,
		updatedAt: 750_000,
		score: 0,
		maxScore: 0,
		passedSteps: 0,
		totalSteps: 0
	};
}

describe('attempt report', () => {
	const scenario = firstScenario();

	it('the reference solution scores full marks and passes', () => {
		const run = runScript(scenario, scenario.solution);
		const report = buildReport(scenario, attempt(scenario.id), run.desk.world, run.desk.journal);
		expect(report.score).toBe(report.maxScore);
		expect(report.scaled).toBe(1);
		expect(report.passed).toBe(true);
		expect(report.durationMs).toBe(750_000);
		expect(report.focusLosses).toBe(2);
		expect(report.bySkill.reduce((s, k) => s + k.maxScore, 0)).toBe(report.maxScore);
	});

	it('an empty attempt scores nothing and every step is failed', () => {
		const run = runScript(scenario, []);
		const report = buildReport(scenario, attempt(scenario.id), run.desk.world, run.desk.journal);
		expect(report.score).toBe(0);
		expect(report.passed).toBe(false);
		expect(report.steps.every((s) => s.status === 'failed')).toBe(true);
	});

	it('exports CSV with one row per step and a total, formulas defused', () => {
		const run = runScript(scenario, scenario.solution);
		const report = buildReport(scenario, attempt(scenario.id), run.desk.world, run.desk.journal);
		report.candidate = '=HYPERLINK("x")';
		const lines = reportToCsv(report).trim().split('\r\n');
		expect(lines).toHaveLength(scenario.steps.length + 2);
		expect(lines[0]).toMatch(/^"attempt","lab","candidate"/);
		expect(lines.at(-1)).toContain('TOTAL');
		expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
	});

	it('quotes every CSV cell and defuses formulas behind invisible or full-width starters', () => {
		for (const hostile of ['=1+1', '\u200B=cmd', '\uFF1D1+1', ' @SUM(A1)', '\t=x', '-2+3'])
			expect(csvCell(hostile), JSON.stringify(hostile)).toBe(`"'${hostile}"`);
		expect(csvCell('plain, "quoted"')).toBe('"plain, ""quoted"""');
		expect(csvCell(null)).toBe('""');
	});

	it('spells durations in ISO 8601 and registrations as stable UUIDs', () => {
		expect(toUuid('attempt-1')).toBe(toUuid('attempt-1'));
		expect(toUuid('attempt-1')).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
		);
		expect(isoDuration(0)).toBe('PT0S');
		expect(isoDuration(3_723_000)).toBe('PT1H2M3S');
	});

	it('replays the journal to any point, and the timeline says which command completed each step', () => {
		const run = runScript(scenario, scenario.solution);
		const { world, diverged } = replayTo(scenario, run.desk.journal, run.desk.journal.length);
		expect(diverged).toBeNull();
		expect(JSON.stringify(world)).toBe(JSON.stringify(run.desk.world));
		const items = timeline(scenario, run.desk.world, run.desk.journal);
		const completed = items.flatMap((i) => i.completed);
		expect(completed.sort()).toEqual(scenario.steps.map((s) => s.id).sort());
		expect(replayTo(scenario, run.desk.journal, 0).world.events).toEqual(
			replayTo(scenario, [], 0).world.events
		);
	});
});
