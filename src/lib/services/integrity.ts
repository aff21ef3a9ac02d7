/**
 * A result is re-derived, never believed. The grade of an attempt comes from
 * replaying its journal on the lab's starting world (the engine is
 * deterministic), up to where the attempt ended; the stored help desk and the
 * stored score must be exactly what that replay gives, and the lab must be
 * the version the attempt was played on. A restored attempt is marked so. A
 * client-only app cannot stop a hand-made file; it can refuse to present one
 * as an ordinary result.
 */
import { journalSealed, type JournalEntry, type World } from '../domain';
import { attemptBinding } from './attempts';
import type { AttemptRecord } from '../db/attempts-db';
import { grade, type Grade } from '../grading';
import { canonicalJson, scenarioHash } from '../scenarios/hash';
import type { Scenario } from '../scenarios/types';
import { replayTo } from './replay';

export interface Integrity {
	/** The record was restored from a backup file. */
	restored: boolean;
	/** The stored help desk and score follow from the journal, on this lab version. */
	consistent: boolean;
	/** Why not, in words (empty when consistent). */
	problems: string[];
	/** The journal entries that count (those after the attempt ended do not). */
	entries: JournalEntry[];
	/** The world the counted journal gives. */
	world: World;
}

/** What of a world must follow from its journal: its tables, events and outbox. */
function fingerprint(world: World): string {
	const { meta, ...rest } = world;
	return canonicalJson({ ...rest, clock: meta.clock, seq: meta.seq });
}

export async function checkIntegrity(
	scenario: Scenario,
	record: AttemptRecord,
	world: World,
	journal: JournalEntry[]
): Promise<Integrity> {
	const problems: string[] = [];
	if (record.scenarioHash && record.scenarioHash !== (await scenarioHash(scenario)))
		problems.push(
			'The lab has changed since this attempt was played, so its grade is recomputed on another version.'
		);
	const ended = record.finalEntries ?? null;
	const entries = ended === null ? journal : journal.slice(0, ended);
	const replay = replayTo(scenario, entries, entries.length);
	if (replay.diverged !== null)
		problems.push(
			`Action ${replay.diverged} of the journal does not replay as it was recorded: the journal is not from this lab as it was played.`
		);
	// Seals bind the journal to this attempt, its variant and its candidate: an
	// assessment's must all hold; a practice attempt's, when it has them.
	if (
		(record.mode === 'assessment' || entries.some((e) => e.seal !== undefined)) &&
		!journalSealed(entries, attemptBinding(record))
	)
		problems.push(
			'The journal was not recorded in this attempt: it was copied from another attempt or variant, or edited afterwards, so its grade is not this attempt’s.'
		);
	if (ended === null || ended === journal.length) {
		if (fingerprint(replay.world) !== fingerprint(world))
			problems.push('The stored help desk is not what the journal of actions produces.');
	} else
		problems.push(
			`${journal.length - ended} action(s) came after the attempt ended (from another tab) and do not count.`
		);
	const derived = grade(scenario, replay.world, entries, {
		hintsUsed: record.mode === 'practice' ? record.hintsUsed : {},
		solutionsShown: record.mode === 'practice' ? record.solutionsShown : [],
		final: true
	});
	if (
		record.status !== 'inProgress' &&
		record.status !== 'paused' &&
		derived.score !== record.score
	)
		problems.push(
			`The stored score (${record.score}) is not the score the journal earns (${derived.score}).`
		);
	const serious = problems.filter((p) => !p.includes('do not count'));
	return {
		restored: !!record.restoredAt,
		consistent: serious.length === 0,
		problems,
		entries,
		world: replay.world
	};
}

/** The grade of an attempt, always from the replayed journal. */
export function derivedGrade(
	scenario: Scenario,
	record: AttemptRecord,
	integrity: Integrity
): Grade {
	return grade(scenario, integrity.world, integrity.entries, {
		hintsUsed: record.mode === 'practice' ? record.hintsUsed : {},
		solutionsShown: record.mode === 'practice' ? record.solutionsShown : [],
		final: record.status === 'submitted' || record.status === 'timedOut'
	});
}
