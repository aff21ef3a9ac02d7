import { describe, expect, it } from 'vitest';
import { completeAt, hoverAt } from './schema-help';
import { STARTER_LAB } from './starter-lab';

/** The starter lab with `typed` inserted after `anchor`, and the completion at the end of it. */
function completeAfter(anchor: string, typed: string) {
	const at = STARTER_LAB.indexOf(anchor);
	if (at < 0) throw new Error(`no "${anchor}" in the starter lab`);
	const i = at + anchor.length;
	const text = STARTER_LAB.slice(0, i) + typed + STARTER_LAB.slice(i);
	return completeAt(text, i + typed.length)?.options.map((o) => o.label) ?? [];
}

function hoverOn(marker: string, inside = 1) {
	const at = STARTER_LAB.indexOf(marker);
	if (at < 0) throw new Error(`no "${marker}" in the starter lab`);
	return hoverAt(STARTER_LAB, at + inside);
}

describe('completion from the schema', () => {
	it('offers the fields a step may have that it does not have yet', () => {
		expect(completeAfter('    points: 10\n', '    h')).toEqual(['hints']);
		expect(completeAfter('    points: 10\n', '    ')).not.toContain('points');
	});

	it('offers enum values after "key: "', () => {
		expect(completeAfter('minutes: 5\n', 'difficulty: ')).toEqual([
			'beginner',
			'intermediate',
			'advanced'
		]);
	});

	it('offers check kinds and event types inside a check', () => {
		expect(completeAfter('    checks:\n', '      - kind: ne')).toEqual(['never']);
		expect(completeAfter('        name: printer\n', '        kind: ')).toContain('happened');
		expect(completeAfter('        ticket: printer\n', '        event: ticket.cl')).toEqual([
			'ticket.closed'
		]);
	});

	it("offers command types, the lab's personas and a command's own fields in a flow line", () => {
		expect(completeAfter('solution:\n', '  - { as: john, do: ticket.cl')).toEqual(['ticket.claim']);
		expect(completeAfter('solution:\n', '  - { as: ')).toEqual(['karen', 'john']);
		expect(completeAfter('solution:\n', '  - { as: john, do: ticket.reply, bo')).toEqual(['body']);
	});

	it('offers nothing in the briefing or a block of instructions', () => {
		expect(completeAt(STARTER_LAB, STARTER_LAB.length - 3)).toBeNull();
		expect(completeAfter('      As **Karen**', ' ')).toEqual([]);
	});
});

describe('hover docs from the schema', () => {
	it("describes a field by its schema description, with the field's path", () => {
		const subject = hoverOn('        subject:', 10);
		expect(subject?.title).toBe('steps[].checks[].subject');
		const minutes = hoverOn('minutes: 5', 2);
		expect(minutes).toMatchObject({ title: 'minutes', text: 'Estimated minutes.' });
	});

	it('lists the values of an enum field and describes a command field from the domain', () => {
		expect(hoverOn('difficulty:', 3)?.text).toContain('beginner, intermediate, advanced');
		expect(hoverOn('{ advance', 4)).toMatchObject({
			title: 'solution[].advance',
			text: expect.stringContaining('a duration')
		});
		const line = '  - { as: john, do: ticket.reply, ticket: printer, body: Hi }\n';
		const text = STARTER_LAB.replace('solution:\n', `solution:\n${line}`);
		const body = hoverAt(text, text.indexOf('body: Hi') + 1);
		expect(body).toMatchObject({ title: 'solution[].body' });
		expect(body?.text).toMatch(/\(required\)$/);
		expect(hoverOn('roleId: expanded', 2)?.title).toBe('world.agents[].roleId');
		expect(hoverOn('role: end-user', 1)?.text).toContain('end-user, agent, admin');
	});
});
