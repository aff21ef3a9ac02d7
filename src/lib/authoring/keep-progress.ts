/**
 * "Keep my progress": the preview's journal replayed on the world of the
 * edited lab. Each command runs again as the same actor at the same clock
 * moves; one the new world refuses (a ticket that no longer exists, a topic
 * renamed) is dropped, and so is one that was refused before, so the new
 * journal holds only what still applies. The author is told how many.
 */
import { commit, execute, HelpDesk, journalEntry, type JournalEntry, type World } from '../domain';

export interface KeptProgress {
	desk: HelpDesk;
	kept: number;
	dropped: number;
}

export function keepProgress(world: World, journal: JournalEntry[]): KeptProgress {
	const kept: JournalEntry[] = [];
	let dropped = 0;
	for (const entry of journal) {
		const result = execute(world, entry.actor, entry.command);
		if (!result.ok) {
			dropped++;
			continue;
		}
		kept.push(
			journalEntry(kept.length + 1, world, entry.actor, entry.command, result, entry.wallAt)
		);
		commit(world, result);
	}
	return { desk: new HelpDesk(world, kept), kept: kept.length, dropped };
}

/** "4 commands kept; 1 no longer applies and was dropped." */
export function keptMessage({ kept, dropped }: Pick<KeptProgress, 'kept' | 'dropped'>): string {
	const commands = (n: number) => `${n} command${n === 1 ? '' : 's'}`;
	if (!kept && !dropped) return 'The preview restarted: there was nothing to replay.';
	const head = `The preview was rebuilt and ${commands(kept)} replayed`;
	if (!dropped) return `${head}.`;
	return `${head}; ${commands(dropped)} no longer ${dropped === 1 ? 'applies and was' : 'apply and were'} dropped.`;
}
