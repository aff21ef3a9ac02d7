/** The words the thread and the report's timeline use for events and commands: names, never ids. */
import { describe, expect, it } from 'vitest';
import { HelpDesk, readWorld } from '$lib/domain';
import { seedWorld } from '$lib/domain/sample-desk';
import { describeEvent } from './timeline';
import { describeCommand } from '../report/describe';

describe('timeline wording', () => {
	const desk = new HelpDesk(seedWorld());
	desk.run(
		{ role: 'end-user', id: 'karen' },
		{ type: 'ticket.open', topicId: 'bco', subject: 'Banking down', details: '404' }
	);
	desk.run(
		{ role: 'agent', id: 'john' },
		{ type: 'ticket.edit', ticketId: 't1', changes: { priority: 'emergency', slaId: 'sev-b' } }
	);
	desk.run(
		{ role: 'admin', id: 'admin' },
		{ type: 'access.grant', agentId: 'john', deptId: 'sysadmins', roleId: 'view-only' }
	);
	desk.run(
		{ role: 'agent', id: 'jane' },
		{ type: 'ticket.reply', ticketId: 't1', body: 'Fixed', status: 'resolved' }
	);
	const r = readWorld(desk.world);
	const lines = desk.world.events.map((e) => describeEvent(r, e));

	it('describes ticket history, thread entries and admin changes with names', () => {
		expect(lines).toContain('Message from Karen Karen');
		expect(lines).toContain('Priority changed from High to Emergency by John Smith');
		expect(lines).toContain('SLA Plan changed from SEV-A to SEV-B by John Smith');
		expect(lines).toContain('Ada Admin gave John Smith View only access to SysAdmins');
		expect(lines).toContain('Response by Jane Doe');
		expect(lines).toContain('Closed by Jane Doe with status Resolved');
		expect(lines.join('\n')).not.toMatch(/\b(sev-b|view-only|sysadmins|john)\b/);
	});

	it('describes commands the same way', () => {
		const number = desk.world.tickets['t1']?.number;
		const said = desk.journal.map((entry) => describeCommand(r, entry.command));
		expect(said[1]).toBe(`Edit on #${number}: Priority Emergency, SLA Plan SEV-B`);
		expect(said[2]).toBe('Grant John Smith View only access to SysAdmins');
		expect(said[3]).toBe(`Post Reply on #${number} (status Resolved): “Fixed”`);
	});
});
