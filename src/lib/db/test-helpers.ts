/**
 * Shared by the persistence tests: the seed world, the commands of a short
 * lab, and a raw dump of a world's database for before/after comparisons.
 * Not imported by the app.
 */
import { seedWorld } from '../../../tests/fixtures/helpdesk';
import type { Actor, Command, CommandOf, World } from '../domain';
import { WorldDb } from './world-db';
import type { RunResult, WorldStore } from './world-store';

export { seedWorld };

export const KAREN: Actor = { role: 'end-user', id: 'karen' };
export const KEN: Actor = { role: 'end-user', id: 'ken' };
export const JOHN: Actor = { role: 'agent', id: 'john' };
export const JANE: Actor = { role: 'agent', id: 'jane' };
export const SYSTEM: Actor = { role: 'system' };

let counter = 0;
/** A world id no other test uses (all tests of a file share one fake IndexedDB). */
export function freshId(label: string): string {
	return `${label}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export const openBco: CommandOf<'ticket.open'> = {
	type: 'ticket.open',
	subject: 'Online banking is down',
	details: 'Nobody can log in to online banking.',
	topicId: 'bco'
};

/** Karen opens a ticket, John raises it to emergency, Jane replies, two hours pass. Returns the ticket id. */
export async function shortLab(store: WorldStore): Promise<string> {
	const ticketId = subjectOf(await store.run(KAREN, openBco, 1000));
	const steps: [Actor, Command][] = [
		[JOHN, { type: 'ticket.edit', ticketId, changes: { priority: 'emergency' } }],
		[JANE, { type: 'ticket.reply', ticketId, body: 'We are looking into it.' }],
		[SYSTEM, { type: 'clock.advance', minutes: 120 }]
	];
	for (const [actor, command] of steps) {
		const result = await store.run(actor, command, 2000);
		if (!result.ok) throw new Error(`${command.type} refused: ${result.error.message}`);
	}
	return ticketId;
}

/** The id of what an accepted command made or touched; throws if it was refused. */
export function subjectOf(result: RunResult): string {
	if (!result.ok || !result.subjectId) throw new Error(`refused: ${JSON.stringify(result)}`);
	return result.subjectId;
}

/** Every row of every table, as stored (stored-only fields included). */
export async function dumpDb(worldId: string): Promise<Record<string, unknown[]>> {
	const db = new WorldDb(worldId);
	try {
		const dump: Record<string, unknown[]> = {};
		for (const table of db.tables) dump[table.name] = await table.toArray();
		return dump;
	} finally {
		db.close();
	}
}

export const clone = (world: World): World => structuredClone(world);
