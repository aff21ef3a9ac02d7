/**
 * Admin Panel → Settings (scp/settings.php, Config::updateSettings): the
 * settings a lab meets change through settings.update, which only an
 * administrator may run, which refuses what osTicket refuses, says when
 * nothing changed, logs what changed, and takes effect on the next ticket.
 */
import { describe, expect, it } from 'vitest';
import type { Command } from './commands';
import type { Actor } from './events';
import { HelpDesk } from './journal';
import { seedWorld } from './sample-desk';
import { settingsOf } from './world';

const ADMIN: Actor = { role: 'admin', id: 'admin' };
const JOHN: Actor = { role: 'agent', id: 'john' };
const KAREN: Actor = { role: 'end-user', id: 'karen' };

function ok(desk: HelpDesk, actor: Actor, command: Command): string | null {
	const result = desk.run(actor, command);
	if (!result.ok) throw new Error(`${command.type} refused: ${result.error.message}`);
	return result.subjectId;
}

describe('settings.update', () => {
	it('turns Claim on Response (auto_claim_tickets) off: the next reply claims nothing', () => {
		const desk = new HelpDesk(seedWorld());
		expect(settingsOf(desk.world).autoClaimTickets).toBe(true);
		ok(desk, ADMIN, { type: 'settings.update', changes: { autoClaimTickets: false } });
		expect(settingsOf(desk.world).autoClaimTickets).toBe(false);
		expect(desk.world.events.at(-1)).toMatchObject({
			type: 'admin.updated',
			actor: ADMIN,
			data: {
				entity: 'settings',
				changes: { autoClaimTickets: { before: true, after: false } }
			}
		});
		const id = ok(desk, KAREN, {
			type: 'ticket.open',
			topicId: 'general',
			subject: 'Printer jam',
			details: 'Tray 2.'
		}) as string;
		ok(desk, JOHN, { type: 'ticket.reply', ticketId: id, body: 'Looking at it.' });
		expect(desk.world.tickets[id]?.assigneeAgentId).toBeNull();
	});

	it('turns the New Ticket autoresponse (ticket_autoresponder) off: no e-mail to the owner', () => {
		const desk = new HelpDesk(seedWorld());
		const mails = () => desk.world.mails.filter((m) => m.to.kind === 'user').length;
		ok(desk, KAREN, { type: 'ticket.open', topicId: 'general', subject: 'A', details: 'a' });
		expect(mails()).toBe(1);
		ok(desk, ADMIN, { type: 'settings.update', changes: { autoRespondNewTicket: false } });
		ok(desk, KAREN, { type: 'ticket.open', topicId: 'general', subject: 'B', details: 'b' });
		expect(mails()).toBe(1);
	});

	it('sets Default SLA (default_sla_id) and Default Priority (default_priority_id) for tickets nothing else decides', () => {
		const desk = new HelpDesk(seedWorld());
		// Billing and its department (Accounting) name no SLA plan and no priority: the defaults decide.
		ok(desk, ADMIN, {
			type: 'settings.update',
			changes: { defaultSlaId: 'sev-b', defaultPriority: 'low', timezone: 'America/New_York' }
		});
		expect(settingsOf(desk.world)).toMatchObject({
			defaultSlaId: 'sev-b',
			defaultPriority: 'low',
			timezone: 'America/New_York'
		});
		ok(desk, ADMIN, {
			type: 'topic.create',
			topic: { id: 'billing', name: 'Billing', deptId: 'accounting' }
		});
		const id = ok(desk, KAREN, {
			type: 'ticket.open',
			topicId: 'billing',
			subject: 'Invoice printer',
			details: 'Offline.'
		}) as string;
		expect(desk.world.tickets[id]).toMatchObject({ slaId: 'sev-b', priority: 'low' });
		// Company name and the rest are untouched.
		expect(settingsOf(desk.world).companyName).toBe('Deskdrill Bank');
	});

	it('refuses what osTicket refuses, naming the field, and changes nothing', () => {
		const desk = new HelpDesk(seedWorld());
		const before = structuredClone(desk.world.meta.settings);
		const cases: [Command, RegExp, string | undefined][] = [
			[
				{ type: 'settings.update', changes: { timezone: 'Mars/Olympus' } },
				/Default Time Zone/,
				'timezone'
			],
			[
				{ type: 'settings.update', changes: { defaultSlaId: 'sev-z' } },
				/no SLA plan "sev-z"/,
				'defaultSlaId'
			],
			[
				{
					type: 'settings.update',
					changes: {
						defaultSchedule: { kind: 'business', days: [], open: '08:00', close: '17:00' }
					}
				},
				/Default Schedule: .*working day/,
				'defaultSchedule'
			],
			[
				{ type: 'settings.update', changes: { autoClaimTickets: true } },
				/Nothing changed/,
				undefined
			]
		];
		for (const [command, message, field] of cases) {
			const result = desk.run(ADMIN, command);
			expect(result.ok).toBe(false);
			if (result.ok) continue;
			expect(result.error.message).toMatch(message);
			expect(result.error.field).toBe(field);
		}
		expect(desk.world.meta.settings).toEqual(before);
	});

	it('is for administrators only: an agent is sent to the Admin Panel, an end user refused', () => {
		const desk = new HelpDesk(seedWorld());
		const change: Command = { type: 'settings.update', changes: { autoReferClosed: false } };
		const agent = desk.run(JOHN, change);
		expect(agent.ok || agent.error.code).toBe('not_admin');
		const user = desk.run(KAREN, change);
		expect(user.ok || user.error.code).toBe('not_admin');
		expect(settingsOf(desk.world).autoReferClosed).toBe(true);
	});

	it('replays: the same journal on the same start gives the same settings', () => {
		const desk = new HelpDesk(seedWorld());
		ok(desk, ADMIN, { type: 'settings.update', changes: { alertAdmins: false } });
		const again = new HelpDesk(seedWorld());
		for (const entry of desk.journal) again.run(entry.actor, entry.command);
		expect(again.world.meta.settings).toEqual(desk.world.meta.settings);
	});
});
