/**
 * osTicket's four default roles (include/i18n/en_US/role.yaml), and the
 * create-only role an agent gets in a department where they have no role.
 */
import type { AgentPermission, Role, RolePermission } from './types';

const TASK_ALL: RolePermission[] = [
	'task.create',
	'task.edit',
	'task.assign',
	'task.transfer',
	'task.reply',
	'task.close',
	'task.delete'
];

export const DEFAULT_ROLES: Role[] = [
	{
		id: 'all-access',
		name: 'All Access',
		permissions: [
			'ticket.create',
			'ticket.edit',
			'ticket.merge',
			'ticket.link',
			'ticket.markanswered',
			'ticket.assign',
			'ticket.release',
			'ticket.transfer',
			'ticket.refer',
			'ticket.reply',
			'ticket.close',
			'ticket.delete',
			...TASK_ALL,
			'canned.manage',
			'thread.edit'
		]
	},
	{
		id: 'expanded-access',
		name: 'Expanded Access',
		permissions: [
			'ticket.create',
			'ticket.edit',
			'ticket.merge',
			'ticket.link',
			'ticket.assign',
			'ticket.release',
			'ticket.transfer',
			'ticket.refer',
			'ticket.reply',
			'ticket.close',
			'task.create',
			'task.edit',
			'task.assign',
			'task.transfer',
			'task.reply',
			'task.close',
			'canned.manage'
		]
	},
	{
		// osTicket's YAML misses a comma after ticket.reply, which silently drops
		// the reply permission; the intended behaviour (Limited Access may reply) is kept.
		id: 'limited-access',
		name: 'Limited Access',
		permissions: [
			'ticket.create',
			'ticket.merge',
			'ticket.link',
			'ticket.assign',
			'ticket.release',
			'ticket.transfer',
			'ticket.refer',
			'ticket.reply',
			'task.create',
			'task.assign',
			'task.transfer',
			'task.reply'
		]
	},
	{ id: 'view-only', name: 'View only', permissions: [] }
];

/** What an agent may do in a department where they hold no role: open tickets, and look. */
export const CREATE_ONLY_ROLE: Role = {
	id: '(create only)',
	name: 'no role (create only)',
	permissions: ['ticket.create']
};

/** Agent-wide permissions a new agent gets unless the scenario says otherwise. */
export const DEFAULT_AGENT_PERMISSIONS: AgentPermission[] = [
	'user.create',
	'user.edit',
	'user.dir'
];
