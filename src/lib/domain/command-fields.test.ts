/**
 * The command descriptions cover exactly the commands the engine runs: a
 * command added to (or removed from) engine.ts's HANDLERS without its
 * description fails here, as does a description without a handler.
 */
import { describe, expect, it } from 'vitest';
import { seedWorld } from '../../../tests/fixtures/helpdesk';
import { COMMAND_FIELDS, type CommandField } from './command-fields';
import type { Command } from './commands';
import { COMMAND_TYPES, execute } from './engine';
import { PRIORITIES, SOURCES, STATUSES } from './types';

function walk(fields: readonly CommandField[], visit: (f: CommandField) => void): void {
	for (const f of fields) {
		visit(f);
		if (f.kind === 'object') walk(f.fields, visit);
		if (f.kind === 'list' && f.of.kind === 'object') walk(f.of.fields, visit);
	}
}

const described = Object.keys(COMMAND_FIELDS).sort();

describe('command fields', () => {
	it('describes every command type the engine handles, and no other', () => {
		const handled: string[] = [...COMMAND_TYPES].sort();
		expect(handled.length).toBeGreaterThan(20);
		expect(described.filter((t) => !handled.includes(t))).toEqual([]);
		expect(handled.filter((t) => !described.includes(t))).toEqual([]);
	});

	it.each(described)('the engine knows %s', (type) => {
		let message = '';
		try {
			const result = execute(seedWorld(), { role: 'system' }, { type } as Command);
			if (!result.ok) message = result.error.message;
		} catch {
			// A bare command may crash a handler; it still reached one.
		}
		expect(message).not.toMatch(/^Unknown command/);
	});

	it.each(described)('%s: each field is named once and described in one line', (type) => {
		const { description, fields } = COMMAND_FIELDS[type as keyof typeof COMMAND_FIELDS];
		expect(description).toMatch(/^\S.*\.$/);
		const check = (list: readonly CommandField[]) => {
			const names = list.map((f) => f.name);
			expect(new Set(names).size).toBe(names.length);
		};
		check(fields);
		walk(fields, (f) => {
			expect(f.description, `${type} ${f.name}`).toMatch(/^[^\n]+\.$/);
			if (f.kind === 'object') check(f.fields);
		});
	});

	it('refuses a malformed command before any handler sees it, naming the field', () => {
		const world = seedWorld();
		const bad = execute(world, { role: 'end-user', id: 'karen' }, {
			type: 'ticket.open',
			subject: 'Printer',
			details: 404
		} as unknown as Command);
		expect(bad).toEqual({
			ok: false,
			error: {
				code: 'invalid',
				message: 'ticket.open: details must be text.',
				field: 'details'
			}
		});
		const nested = execute(world, { role: 'system' }, {
			type: 'ticket.edit',
			ticketId: 'x',
			changes: { dueAt: 'tomorrow' }
		} as unknown as Command);
		expect(nested.ok ? '' : nested.error.message).toBe(
			'ticket.edit: changes.dueAt must be a number.'
		);
		expect(() =>
			execute(world, { role: 'system' }, { type: 'toString' } as unknown as Command)
		).not.toThrow();
	});

	it("takes its value lists from the domain's own", () => {
		const enums = new Map<string, readonly string[]>();
		for (const { fields } of Object.values(COMMAND_FIELDS))
			walk(fields, (f) => {
				if (f.kind === 'enum') enums.set(f.what, f.values);
			});
		expect(enums.get('status')).toEqual(STATUSES.map((s) => s.id));
		expect(enums.get('priority')).toEqual(PRIORITIES.map((p) => p.id));
		expect(enums.get('source')).toEqual(SOURCES);
		expect(enums.get('source an agent can pick')).toEqual(['Phone', 'Email', 'Other']);
	});
});
