/**
 * Replay: an attempt's journal run again from the scenario's starting world.
 * The engine is deterministic, so replaying the first n commands rebuilds the
 * help desk exactly as it was after command n; that gives the reviewer's
 * timeline (who did what, what changed, which step it completed) and the
 * panels "as they were" at any point.
 */
import { HelpDesk, type DomainEvent, type JournalEntry, type World } from '../domain';
import { grade } from '../grading';
import { scenarioWorld } from '../scenarios/world';
import type { Scenario } from '../scenarios/types';

export interface TimelineItem {
	entry: JournalEntry;
	/** Events the command produced (from the attempt's own world). */
	events: DomainEvent[];
	/** Steps that passed for the first time with this command. */
	completed: string[];
}

/** The help desk after the first `n` journal entries; `diverged` is set if a replayed outcome differs. */
export function replayTo(
	scenario: Scenario,
	journal: JournalEntry[],
	n: number
): { world: World; diverged: number | null } {
	const desk = new HelpDesk(scenarioWorld(scenario));
	let diverged: number | null = null;
	for (const entry of journal.slice(0, Math.max(0, n))) {
		const result = desk.run(entry.actor, entry.command, entry.wallAt);
		if ((result.ok ? 'ok' : 'refused') !== entry.outcome && diverged === null) diverged = entry.n;
	}
	return { world: desk.world, diverged };
}

export function timeline(
	scenario: Scenario,
	world: World,
	journal: JournalEntry[]
): TimelineItem[] {
	const bySeq = new Map(world.events.map((e) => [e.seq, e]));
	const desk = new HelpDesk(scenarioWorld(scenario));
	const passed = new Set<string>();
	return journal.map((entry) => {
		desk.run(entry.actor, entry.command, entry.wallAt);
		const g = grade(scenario, desk.world, desk.journal);
		const completed = g.steps
			.filter((s) => s.status === 'passed' && !passed.has(s.id))
			.map((s) => s.id);
		completed.forEach((id) => passed.add(id));
		const events: DomainEvent[] = [];
		if (entry.events)
			for (let seq = entry.events[0]; seq <= entry.events[1]; seq++) {
				const event = bySeq.get(seq);
				if (event) events.push(event);
			}
		return { entry, events, completed };
	});
}
