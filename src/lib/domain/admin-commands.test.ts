/** The Admin Panel's edits: names stay required, references stay valid, nothing-changed is said, only admins edit. */
import { describe, expect, it } from 'vitest';
import { seedWorld } from './sample-desk';
import { HelpDesk } from './journal';

const ADMIN = { role: 'admin', id: 'admin' } as const;

describe('admin edits', () => {
	it('renames a department and logs what changed', () => {
		const desk = new HelpDesk(seedWorld());
		expect(
			desk.run(ADMIN, {
				type: 'department.update',
				deptId: 'support',
				changes: { name: 'Service Desk' }
			}).ok
		).toBe(true);
		expect(desk.world.departments['support']?.name).toBe('Service Desk');
		expect(desk.world.events.at(-1)).toMatchObject({
			type: 'admin.updated',
			data: {
				entity: 'department',
				id: 'support',
				changes: { name: { before: 'Support', after: 'Service Desk' } }
			}
		});
	});

	it('refuses an empty name, a dangling reference, a duplicate name, and an edit that changes nothing', () => {
		const desk = new HelpDesk(seedWorld());
		const cases = [
			[
				{ type: 'topic.update', topicId: 'bco', changes: { name: '  ' } },
				/Topic is required/,
				'name'
			],
			[
				{ type: 'sla.update', slaId: 'sev-b', changes: { graceHours: 0 } },
				/Grace Period/,
				'graceHours'
			],
			[
				{ type: 'department.update', deptId: 'support', changes: { slaId: 'nope' } },
				/no SLA plan "nope"/,
				'slaId'
			],
			[
				{ type: 'team.update', teamId: 'online-banking', changes: { name: 'Online Banking Team' } },
				/Nothing changed/,
				undefined
			],
			[
				{ type: 'role.update', roleId: 'view-only', changes: { name: 'All Access' } },
				/already a role named "All Access"/,
				'name'
			]
		] as const;
		for (const [command, message, field] of cases) {
			const result = desk.run(ADMIN, command);
			expect(result.ok, command.type).toBe(false);
			if (result.ok) continue;
			expect(result.error.message).toMatch(message);
			expect(result.error.field).toBe(field);
		}
		expect(desk.world.events).toEqual([]);
	});

	it('keeps team members and role permissions free of repeats', () => {
		const desk = new HelpDesk(seedWorld());
		desk.run(ADMIN, {
			type: 'team.update',
			teamId: 'online-banking',
			changes: { members: ['jane', 'john', 'jane'] }
		});
		expect(desk.world.teams['online-banking']?.members).toEqual(['jane', 'john']);
		desk.run(ADMIN, {
			type: 'role.update',
			roleId: 'view-only',
			changes: { permissions: ['ticket.reply', 'ticket.reply'] }
		});
		expect(desk.world.roles['view-only']?.permissions).toEqual(['ticket.reply']);
	});

	it("logs access given or taken on the agent's own form as the same facts as Grant and Revoke", () => {
		const desk = new HelpDesk(seedWorld());
		desk.run(ADMIN, {
			type: 'agent.update',
			agentId: 'john',
			changes: { access: [{ deptId: 'sysadmins', roleId: 'view-only' }] }
		});
		expect(desk.world.events.at(-1)).toMatchObject({
			type: 'access.granted',
			data: { agentId: 'john', deptId: 'sysadmins', roleId: 'view-only' }
		});
		desk.run(ADMIN, { type: 'agent.update', agentId: 'john', changes: { access: [] } });
		expect(desk.world.events.at(-1)).toMatchObject({
			type: 'access.revoked',
			data: { agentId: 'john', deptId: 'sysadmins', roleId: 'view-only' }
		});
	});

	it('is the administrator’s job only', () => {
		const desk = new HelpDesk(seedWorld());
		const result = desk.run(
			{ role: 'agent', id: 'john' },
			{ type: 'sla.update', slaId: 'sev-b', changes: { graceHours: 2 } }
		);
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.error.message).toMatch(/Editing an SLA plan is done in the Admin Panel/);
	});
});
