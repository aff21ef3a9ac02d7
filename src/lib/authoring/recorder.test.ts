import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadScenario } from '../scenarios/load';
import { scenarioWorld } from '../scenarios/world';
import { HelpDesk } from '../domain';
import type { Scenario } from '../scenarios/types';
import { durationText, recordJournal } from './recorder';
import { runAttempt, selfTest } from './selftest';
import { STARTER_LAB } from './starter-lab';
import { splitFile, writeAttempt, writeSolution } from './write-yaml';

function starter(text = STARTER_LAB): Scenario {
	const loaded = loadScenario(text, 'starter.md');
	if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
	return loaded.scenario;
}

/** The author's session in the preview: Karen opens, the clock moves 90 minutes, John replies. */
function played(scenario: Scenario): HelpDesk {
	const desk = new HelpDesk(scenarioWorld(scenario));
	const karen = { role: 'end-user', id: 'karen' } as const;
	const john = { role: 'agent', id: 'john' } as const;
	const opened = desk.run(karen, {
		type: 'ticket.open',
		topicId: 'general',
		subject: 'My printer is broken',
		details: 'Nothing prints.'
	});
	if (!opened.ok) throw new Error(opened.error.message);
	desk.run({ role: 'system' }, { type: 'clock.advance', minutes: 60 });
	desk.run({ role: 'system' }, { type: 'clock.advance', minutes: 30 });
	desk.run(john, { type: 'ticket.reply', ticketId: opened.subjectId ?? '', body: 'Restarted it.' });
	// A refused command is kept as what the author expects: refused.
	desk.run(karen, { type: 'ticket.view', ticketId: 'nope' });
	return desk;
}

describe('recordJournal', () => {
	it('names tickets by their binding, folds clock moves into advance:, marks refusals', () => {
		const scenario = starter();
		const desk = played(scenario);
		const { commands, unnamed, skipped } = recordJournal(scenario, desk.world, desk.journal);
		expect(skipped).toEqual([]);
		expect(unnamed).toEqual([{ name: 'ticket-nope', spec: { name: 'ticket-nope' } }]);
		expect(commands).toEqual([
			{
				as: 'karen',
				do: 'ticket.open',
				topicId: 'general',
				subject: 'My printer is broken',
				details: 'Nothing prints.'
			},
			{
				advance: '1h30m',
				as: 'john',
				do: 'ticket.reply',
				ticket: 'printer',
				body: 'Restarted it.'
			},
			{ as: 'karen', do: 'ticket.view', ticket: 'ticket-nope', expect: 'refused' }
		]);
	});

	it('names a ticket no binding finds by its number, with a bind spec for an attempt', () => {
		const scenario = starter();
		const desk = new HelpDesk(scenarioWorld(scenario));
		const opened = desk.run(
			{ role: 'end-user', id: 'karen' },
			{ type: 'ticket.open', topicId: 'general', subject: 'Password reset', details: 'Locked out.' }
		);
		desk.run(
			{ role: 'agent', id: 'john' },
			{ type: 'ticket.claim', ticketId: opened.ok ? (opened.subjectId ?? '') : '' }
		);
		const { commands, unnamed } = recordJournal(scenario, desk.world, desk.journal);
		const number = Object.values(desk.world.tickets)[0]?.number;
		expect(commands[1]).toEqual({ as: 'john', do: 'ticket.claim', ticket: `ticket-${number}` });
		expect(unnamed[0]?.spec).toEqual({
			name: `ticket-${number}`,
			createdBy: 'karen',
			subject: { all: ['Password reset'] }
		});
	});

	it('writes a trailing clock move as a line of its own', () => {
		const scenario = starter();
		const desk = new HelpDesk(scenarioWorld(scenario));
		desk.run({ role: 'system' }, { type: 'clock.advance', minutes: 1440 + 15 });
		expect(recordJournal(scenario, desk.world, desk.journal).commands).toEqual([
			{ advance: '1d15m' }
		]);
	});

	it('formats durations the loader reads back', () => {
		expect([durationText(15), durationText(60), durationText(90), durationText(2880)]).toEqual([
			'15m',
			'1h',
			'1h30m',
			'2d'
		]);
	});
});

describe('writing the recording into the file', () => {
	it('replaces solution: keeping comments and the briefing, and the lab then passes its self-test', () => {
		const scenario = starter();
		const desk = played(scenario);
		const { commands } = recordJournal(scenario, desk.world, desk.journal);
		// The refused look-up is not part of a good solution.
		const text = writeSolution(STARTER_LAB, commands.slice(0, 2));
		expect(text).toContain('# Play the lab in the preview');
		expect(text).toContain(
			'- { advance: 1h30m, as: john, do: ticket.reply, ticket: printer, body: Restarted it. }'
		);
		expect(splitFile(text).tail).toBe(splitFile(STARTER_LAB).tail);
		expect(selfTest(starter(STARTER_LAB)).ok).toBe(false);
		expect(selfTest(starter(text)).ok).toBe(true);
	});

	it('adds an attempt with its own bindings, and replaces one of the same name', () => {
		const scenario = starter();
		const desk = played(scenario);
		const { commands } = recordJournal(scenario, desk.world, desk.journal);
		const once = writeAttempt(STARTER_LAB, {
			name: 'Karen only',
			fails: [],
			bind: [{ name: 'pw', createdBy: 'karen' }],
			commands: commands.slice(0, 1)
		});
		const twice = writeAttempt(once, {
			name: 'Karen only',
			fails: ['answer'],
			commands: commands.slice(0, 1)
		});
		const attempts = parseDocument(splitFile(twice).yaml).toJS().attempts as { name: string }[];
		expect(attempts.map((a) => a.name)).toEqual(['nothing done', 'Karen only']);
		expect(attempts[1]).toEqual({
			name: 'Karen only',
			fails: ['answer'],
			commands: commands.slice(0, 1)
		});
		const lab = starter(twice);
		expect(runAttempt(lab, lab.attempts[1]!).failed).toEqual(['answer']);
	});

	it('refuses to write into a file whose YAML is broken, in words', () => {
		expect(() => writeSolution('---\nid: [\n---\n', [])).toThrow(/YAML error/);
		expect(() => writeSolution('no front matter', [])).toThrow(/no front matter/);
	});
});
