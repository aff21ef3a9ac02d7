/**
 * The attempt record has one truth: changes merge into what is stored, an
 * ended session always wins, hint counts take the larger, solutions merge, and
 * a result that does not follow from its journal is never presented as one
 * that does.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../../tests/fixtures/scenarios';
import { workspaceDb, type AttemptRecord } from '../db/attempts-db';
import { openWorldStore } from '../db/world-store';
import { applyChange, lockReason, RecordRefusal, updateAttempt } from './attempt-record';
import { openAttemptWorld, resetAttempt, sessionContext, startAttempt } from './attempts';
import { checkIntegrity } from './integrity';
import { scenarioForAttempt } from './catalogue';
import { buildReport, reportToCsv } from './report';
import { runScript } from '../scenarios/solution';

const lab = loadLab('banking-outage');

async function practice(): Promise<AttemptRecord> {
	return startAttempt(lab, { mode: 'practice' }, 1000);
}

describe('applyChange (the merge rules)', () => {
	it('an ended session always wins: a stale tab can neither resume nor act on it', async () => {
		const record = await startAttempt(lab, { mode: 'assessment', candidate: 'Rae' }, 1000);
		const submitted = applyChange(record, {
			type: 'session',
			event: { type: 'session.submit', at: 2000 },
			journalLength: 3
		});
		expect(submitted).toMatchObject({ status: 'submitted', finalEntries: 3 });
		expect(() =>
			applyChange(submitted, { type: 'session', event: { type: 'session.resume', at: 3000 } })
		).toThrow(RecordRefusal);
		expect(lockReason(submitted)).toMatch(/submitted/);
		// A tick on an ended attempt is not an error; it changes nothing.
		expect(
			applyChange(submitted, { type: 'session', event: { type: 'session.tick', at: 4000 } })
		).toBe(submitted);
	});

	it('hint counts take the larger per step; solutions shown are merged', async () => {
		const record = await practice();
		const two = applyChange(record, { type: 'hint', stepId: 'sla', shown: 2 });
		expect(applyChange(two, { type: 'hint', stepId: 'sla', shown: 1 })).toBe(two);
		expect(applyChange(two, { type: 'hint', stepId: 'route', shown: 1 }).hintsUsed).toEqual({
			sla: 2,
			route: 1
		});
		const one = applyChange(record, { type: 'solution', stepId: 'sla' });
		expect(applyChange(one, { type: 'solution', stepId: 'sla' })).toBe(one);
		expect(applyChange(one, { type: 'solution', stepId: 'fix' }).solutionsShown).toEqual([
			'sla',
			'fix'
		]);
	});

	it('gives no hints and shows no solutions in an assessment; the last active time only moves forward', async () => {
		const record = await startAttempt(lab, { mode: 'assessment', candidate: 'Rae' }, 1000);
		expect(() => applyChange(record, { type: 'hint', stepId: 'sla', shown: 1 })).toThrow(
			/no hints/
		);
		expect(() => applyChange(record, { type: 'solution', stepId: 'sla' })).toThrow(/no solutions/);
		const later = applyChange(record, { type: 'active', at: 5000 });
		expect(applyChange(later, { type: 'active', at: 4000 })).toBe(later);
	});
});

describe('the attempt begins once', () => {
	it('stores the first begin, ignores a second, and a reset keeps the briefing read', async () => {
		const record = await practice();
		const begun = applyChange(record, {
			type: 'session',
			event: { type: 'session.begin', at: 2000 }
		});
		expect(begun).not.toBe(record);
		expect(sessionContext(begun.session).begunAt).toBe(2000);
		expect(
			applyChange(begun, { type: 'session', event: { type: 'session.begin', at: 3000 } })
		).toBe(begun);
		const reset = await resetAttempt(begun, lab, 4000);
		expect(sessionContext(reset.session).begunAt).toBe(4000);
		const unread = await resetAttempt(record, lab, 4000);
		expect(sessionContext(unread.session).begunAt).toBeNull();
	});
});

describe('updateAttempt (read, merge and write in one transaction)', () => {
	it('keeps what another tab stored: a stale tab submitting after a hint elsewhere loses neither', async () => {
		const record = await practice();
		await updateAttempt(record.id, { type: 'hint', stepId: 'sla', shown: 1 });
		// This tab still holds `record`, with no hint; it submits.
		const submitted = await updateAttempt(record.id, {
			type: 'session',
			event: { type: 'session.submit', at: 5000 }
		});
		expect(submitted).toMatchObject({ status: 'submitted', hintsUsed: { sla: 1 } });
		await expect(
			updateAttempt(record.id, { type: 'session', event: { type: 'session.pause', at: 6000 } })
		).rejects.toThrow(/submitted/);
		expect((await workspaceDb().attempts.get(record.id))?.status).toBe('submitted');
	});
});

describe('integrity (a result is re-derived, not believed)', () => {
	it('an honest attempt is consistent; a forged score or a swapped help desk is not', async () => {
		const record = await practice();
		const store = await openWorldStore(record.id);
		await store?.run(
			{ role: 'end-user', id: 'karen' },
			{
				type: 'ticket.open',
				topicId: 'bco',
				subject: 'Mobile banking is down',
				details: '404'
			}
		);
		const world = store!.world;
		const journal = store!.journal;
		store?.close();
		const honest = await checkIntegrity(lab, record, world, journal);
		expect(honest).toMatchObject({ consistent: true, restored: false });
		// As the report page reads it: back from IndexedDB.
		const reloaded = await openWorldStore(record.id);
		expect((await checkIntegrity(lab, record, reloaded!.world, reloaded!.journal)).consistent).toBe(
			true
		);
		reloaded?.close();

		// A solved attempt's help desk pasted into this record (the backup forgery).
		const solved = runScript(lab, lab.solution);
		const forged = { ...record, status: 'submitted' as const, score: 100, restoredAt: 9 };
		const check = await checkIntegrity(lab, forged, solved.desk.world, journal);
		expect(check.consistent).toBe(false);
		const report = buildReport(lab, forged, solved.desk.world, journal, check);
		expect(report.integrity.label).toBe('inconsistent');
		expect(report.score).toBeLessThan(100);
		expect(reportToCsv(report)).toContain('"inconsistent"');
	});

	it('a solved journal recorded in another attempt or variant does not verify in this one, and never reads as passed', async () => {
		// A practice attempt solved for real, its journal sealed as it was recorded.
		const solvedRecord = await practice();
		const solvedStore = await openAttemptWorld(solvedRecord);
		for (const step of lab.solution) {
			const { as, do: type, advance, id, ...fields } = step as unknown as Record<string, unknown>;
			void advance;
			void id;
			const persona = lab.personas.find((p) => p.id === as)!;
			const actor = {
				role: persona.role,
				id: persona.role === 'end-user' ? persona.user : persona.agent
			} as never;
			const ticket = fields.ticket === 'outage' ? solvedStore!.world.tickets : null;
			if (ticket) fields.ticketId = Object.keys(ticket)[0];
			delete fields.ticket;
			await solvedStore!.run(actor, { type, ...fields } as never);
		}
		const solvedJournal = solvedStore!.journal;
		const solvedWorld = solvedStore!.world;
		solvedStore!.close();
		expect(solvedJournal.every((e) => typeof e.seal === 'string')).toBe(true);
		const own = { ...solvedRecord, status: 'submitted' as const, score: 100 };
		expect((await checkIntegrity(lab, own, solvedWorld, solvedJournal)).problems).toEqual([]);

		// The same journal pasted into a failed assessment (through a backup).
		const assessment = await startAttempt(lab, { mode: 'assessment', candidate: 'Rae' }, 1000);
		// The forger sets the score too, so only the seals can tell.
		const pasted = { ...assessment, status: 'submitted' as const, restoredAt: 9, score: 100 };
		const check = await checkIntegrity(lab, pasted, solvedWorld, solvedJournal);
		expect(check.consistent).toBe(false);
		expect(check.problems).toEqual([expect.stringMatching(/not recorded in this attempt/)]);
		const report = buildReport(lab, pasted, solvedWorld, solvedJournal, check);
		expect(report.passed).toBe(false);

		// Nor in another variant of the same attempt, nor with its seals stripped.
		const otherSeed = { ...own, variantSeed: 4 };
		expect((await checkIntegrity(lab, otherSeed, solvedWorld, solvedJournal)).consistent).toBe(
			false
		);
		const stripped = solvedJournal.map(({ seal: _s, ...e }) => (void _s, e));
		const strippedCheck = await checkIntegrity(lab, pasted, solvedWorld, stripped);
		expect(strippedCheck.consistent).toBe(false);
	});

	it('an attempt on a variant is built from that variant, and re-derived on it', async () => {
		const record = await startAttempt(lab, { mode: 'assessment', candidate: 'Rae', seed: 4 }, 1000);
		expect(record.variantSeed).toBe(4);
		const store = await openAttemptWorld(record);
		expect(Object.values(store!.world.users).map((u) => u.name)).toContain('Priya Raman');
		store!.close();
		const played = await scenarioForAttempt(record);
		expect(played?.variant?.seed).toBe(4);
		// The lab as written (seed 0) is not the world this attempt was played on.
		const other = await checkIntegrity(
			lab,
			{ ...record, variantSeed: 0 },
			store!.world,
			store!.journal
		);
		expect(other.consistent).toBe(false);
	});
});
