import { describe, expect, it } from 'vitest';
import { HelpDesk } from '../domain';
import { loadScenario } from '../scenarios/load';
import { scenarioWorld } from '../scenarios/world';
import { keepProgress, keptMessage } from './keep-progress';
import { STARTER_LAB } from './starter-lab';

function world(text: string) {
	const loaded = loadScenario(text, 'lab.md');
	if (!loaded.ok) throw new Error(loaded.problems[0]?.message);
	return scenarioWorld(loaded.scenario);
}

describe('keepProgress', () => {
	it('replays what still applies on the edited world and drops what does not', () => {
		const before = new HelpDesk(world(STARTER_LAB));
		const karen = { role: 'end-user', id: 'karen' } as const;
		const opened = before.run(karen, {
			type: 'ticket.open',
			topicId: 'general',
			subject: 'Printer',
			details: 'Broken.'
		});
		before.run(
			{ role: 'agent', id: 'john' },
			{
				type: 'ticket.reply',
				ticketId: opened.ok ? (opened.subjectId ?? '') : '',
				body: 'On it.'
			}
		);
		before.run(karen, { type: 'ticket.view', ticketId: 'missing' });
		// The author renames the topic id: Karen's ticket can no longer be opened under "general",
		// so John's reply to it has nothing to answer either.
		const edited = STARTER_LAB.replace('{ id: general,', '{ id: printing,');
		const same = keepProgress(world(STARTER_LAB), before.journal);
		expect([same.kept, same.dropped]).toEqual([2, 1]);
		expect(same.desk.journal.map((e) => e.n)).toEqual([1, 2]);
		expect(same.desk.world.tickets).toEqual(before.world.tickets);
		const changed = keepProgress(world(edited), before.journal);
		expect([changed.kept, changed.dropped]).toEqual([0, 3]);
		expect(Object.keys(changed.desk.world.tickets)).toEqual([]);
	});

	it('says how many commands were kept and dropped', () => {
		expect(keptMessage({ kept: 2, dropped: 1 })).toBe(
			'The preview was rebuilt and 2 commands replayed; 1 command no longer applies and was dropped.'
		);
		expect(keptMessage({ kept: 1, dropped: 0 })).toBe(
			'The preview was rebuilt and 1 command replayed.'
		);
	});
});
