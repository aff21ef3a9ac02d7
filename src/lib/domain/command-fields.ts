/**
 * Every command's fields, as data: name, whether required, what kind of value
 * (text, an id of a world table, one of a fixed list, ...) and what it is for,
 * in plain words. Read from the handlers in ticket-commands.ts and
 * admin-commands.ts; the scenario validator checks lab scripts against it and
 * the authoring guide lists it, so the three never drift apart.
 */
import type { CommandType } from './commands';
import {
	AGENT_PERMISSIONS,
	AGENT_SOURCES,
	PRIORITIES,
	ROLE_PERMISSIONS,
	SOURCES,
	STATUSES,
	type AssignmentRestriction,
	type Pronoun,
	type Referral
} from './types';
import type { TableName } from './world';

/** The world table an id refers to; `mails` is the world's outbox. */
export type FieldTable = TableName | 'mails';

/** An id whose table depends on a sibling field, e.g. a referral's `to.id` by `to.kind`. */
export interface TableBy {
	by: string;
	tables: Readonly<Record<string, FieldTable>>;
}

export type FieldKind =
	| { kind: 'text' }
	/** `fresh`: the id of a row the command creates (made from its name when left out). */
	| { kind: 'id'; table: FieldTable | TableBy; fresh?: boolean }
	/** `what` names one value in a sentence: "is not a status". */
	| { kind: 'enum'; values: readonly string[]; what: string }
	| { kind: 'number' }
	/** Simulated time: milliseconds since the epoch (UTC). */
	| { kind: 'time' }
	| { kind: 'boolean' }
	| { kind: 'object'; fields: readonly CommandField[] }
	| { kind: 'list'; of: FieldKind };

export type CommandField = FieldKind & {
	name: string;
	required: boolean;
	/** null is accepted too (it clears the value or picks none). */
	nullable?: boolean;
	/** One line, in plain words. */
	description: string;
};

export interface CommandDescription {
	/** What the command does, in one line. */
	description: string;
	fields: readonly CommandField[];
}

// ---------------------------------------------------------------- builders

interface Options {
	required?: boolean;
	nullable?: boolean;
}
const REQUIRED: Options = { required: true };
const NULLABLE: Options = { nullable: true };

function field(name: string, kind: FieldKind, description: string, o: Options): CommandField {
	return {
		...kind,
		name,
		required: o.required ?? false,
		...(o.nullable ? { nullable: true } : {}),
		description
	};
}
const text = (name: string, description: string, o: Options = {}) =>
	field(name, { kind: 'text' }, description, o);
const id = (name: string, table: FieldTable, description: string, o: Options = {}) =>
	field(name, { kind: 'id', table }, description, o);
const fresh = (table: TableName, what: string) =>
	field(
		'id',
		{ kind: 'id', table, fresh: true },
		`The new ${what}'s id; made from its name when left out.`,
		{}
	);
const choice = (
	name: string,
	values: readonly string[],
	what: string,
	description: string,
	o: Options = {}
) => field(name, { kind: 'enum', values, what }, description, o);
const bool = (name: string, description: string) =>
	field(name, { kind: 'boolean' }, description, {});
const object = (
	name: string,
	fields: readonly CommandField[],
	description: string,
	o: Options = REQUIRED
) => field(name, { kind: 'object', fields }, description, o);
const list = (name: string, of: FieldKind, description: string) =>
	field(name, { kind: 'list', of }, description, {});

/** An update's `changes`: the create fields, none required, without the id. */
const changes = (fields: readonly CommandField[]) =>
	object(
		'changes',
		fields.filter((f) => f.name !== 'id').map((f) => ({ ...f, required: false })),
		'The fields to change; the others keep their values.'
	);

const ticket = id('ticketId', 'tickets', 'The ticket it acts on.', REQUIRED);
const comment = (what: string) => text('comment', `A comment kept with the ${what}.`);

// ---------------------------------------------------------------- value lists

const STATUS_IDS = STATUSES.map((s) => s.id);
const PRIORITY_IDS = PRIORITIES.map((p) => p.id);
const PRONOUNS = ['he', 'she', 'they'] as const satisfies readonly Pronoun[];
const ASSIGNMENT = [
	'anyone',
	'members',
	'primary'
] as const satisfies readonly AssignmentRestriction[];
const REFERRAL_KINDS = [
	'agent',
	'team',
	'department'
] as const satisfies readonly Referral['kind'][];

// ---------------------------------------------------------------- admin entities

const AGENT: readonly CommandField[] = [
	fresh('agents', 'agent'),
	text('firstName', 'First name.', REQUIRED),
	text('lastName', 'Last name.', REQUIRED),
	text('username', 'Sign-in name; no other agent may have it.', REQUIRED),
	text('email', 'E-mail address.', REQUIRED),
	id('deptId', 'departments', 'Primary department.', REQUIRED),
	id('roleId', 'roles', 'Role in the primary department.', REQUIRED),
	list(
		'access',
		{
			kind: 'object',
			fields: [
				id('deptId', 'departments', 'Another department.', REQUIRED),
				id('roleId', 'roles', 'The role there.', REQUIRED)
			]
		},
		'Extended access: other departments, each with a role.'
	),
	bool('limitedAccess', 'Limit ticket access to ONLY assigned tickets (default false).'),
	bool('isAdmin', 'May use the Admin Panel (default false).'),
	list(
		'permissions',
		{ kind: 'enum', values: AGENT_PERMISSIONS, what: 'agent permission' },
		"The agent's own permissions, whatever the department."
	),
	bool('active', 'Account active (default true).'),
	choice('pronoun', PRONOUNS, 'pronoun', 'Used to word explanations (default they).'),
	list('teams', { kind: 'id', table: 'teams' }, 'Teams the agent belongs to.')
];

/** A schedule: 24/7, or business days and hours (in the world's time zone) with holidays. */
function scheduleField(
	description: string,
	name = 'schedule',
	o: Options = NULLABLE
): CommandField {
	return object(
		name,
		[
			choice('kind', ['24/7', 'business'], 'schedule kind', '24/7, or business hours.', REQUIRED),
			list('days', { kind: 'number' }, 'Working days, 0 = Sunday … 6 = Saturday (business).'),
			text('open', "Opening time, HH:MM in the world's time zone (business)."),
			text('close', "Closing time, HH:MM in the world's time zone (business)."),
			list(
				'holidays',
				{ kind: 'text' },
				'Days off: YYYY-MM-DD dates, or "us" for the U.S. holidays.'
			)
		],
		description,
		o
	);
}

const DEPARTMENT: readonly CommandField[] = [
	fresh('departments', 'department'),
	text('name', 'Department name; unique.', REQUIRED),
	id('parentId', 'departments', 'Parent department (none by default).', NULLABLE),
	bool('public', 'Offered to end users (default true).'),
	id('slaId', 'slas', "The department's SLA plan.", NULLABLE),
	id('managerId', 'agents', 'Manager: alerted of new tickets.', NULLABLE),
	choice('assignment', ASSIGNMENT, 'assignment restriction', 'Who tickets may be assigned to.'),
	text('signature', 'Department signature.'),
	scheduleField("Its tickets' SLA hours run in this schedule (beats the plan's); none by default.")
];

const TEAM: readonly CommandField[] = [
	fresh('teams', 'team'),
	text('name', 'Team name; unique.', REQUIRED),
	id('leadId', 'agents', 'Team lead.', NULLABLE),
	list('members', { kind: 'id', table: 'agents' }, 'Agents in the team.')
];

const ROLE: readonly CommandField[] = [
	fresh('roles', 'role'),
	text('name', 'Role name; unique.', REQUIRED),
	list(
		'permissions',
		{ kind: 'enum', values: ROLE_PERMISSIONS, what: 'role permission' },
		'What the role allows in a department.'
	)
];

const SLA: readonly CommandField[] = [
	fresh('slas', 'SLA plan'),
	text('name', 'Plan name; unique.', REQUIRED),
	field(
		'graceHours',
		{ kind: 'number' },
		'Hours to answer before the ticket is overdue.',
		REQUIRED
	),
	scheduleField('When the grace period runs; none: the system default schedule.'),
	bool('active', 'Can be given to tickets (default true).'),
	bool('transient', 'Replaced when the ticket is transferred (default false).'),
	bool('disableOverdueAlerts', 'No alert when a ticket becomes overdue (default false).')
];

const TOPIC: readonly CommandField[] = [
	fresh('topics', 'help topic'),
	text('name', 'Topic name; unique.', REQUIRED),
	bool('public', 'Offered to end users in the portal (default true).'),
	bool('active', 'Can be chosen at all (default true).'),
	id('deptId', 'departments', 'Department its tickets go to.', NULLABLE),
	choice('priority', PRIORITY_IDS, 'priority', 'Priority its tickets get.', NULLABLE),
	id('slaId', 'slas', 'SLA plan its tickets get.', NULLABLE),
	id('autoAssignAgentId', 'agents', 'Agent its tickets are assigned to.', NULLABLE),
	id('autoAssignTeamId', 'teams', 'Team its tickets are assigned to.', NULLABLE)
];

const CANNED: readonly CommandField[] = [
	fresh('canned', 'canned response'),
	text('title', 'Title agents pick it by.', REQUIRED),
	text('body', 'The text it inserts.', REQUIRED),
	id('deptId', 'departments', 'Only for this department (all by default).', NULLABLE)
];

// ---------------------------------------------------------------- the commands

export const COMMAND_FIELDS: Readonly<Record<CommandType, CommandDescription>> = {
	'ticket.open': {
		description:
			'Open a ticket: an end user through the portal, or an agent for a user (phone, e-mail, walk-in).',
		fields: [
			text('subject', 'The Issue Summary.', REQUIRED),
			text('details', 'The Issue Details: the first message of the thread.', REQUIRED),
			id(
				'topicId',
				'topics',
				'Help topic; end users must pick one when public topics exist.',
				NULLABLE
			),
			text('email', "E-mail of the user it is for (an end user's own by default)."),
			text('name', 'Full name, when the e-mail belongs to no user yet.'),
			id('userId', 'users', 'Agent only: the existing user it is for.'),
			choice(
				'source',
				AGENT_SOURCES,
				'source an agent can pick',
				'Agent only: how the request came in (Phone by default); end users always open via Web.'
			),
			id('deptId', 'departments', "Agent only: department (else the topic's, else the default)."),
			choice(
				'priority',
				PRIORITY_IDS,
				'priority',
				"Agent only: priority (else the topic's, else the default)."
			),
			id('slaId', 'slas', "Agent only: SLA plan (else the topic's or the department's).", NULLABLE),
			id('assignAgentId', 'agents', 'Assign it to this agent on opening.', NULLABLE),
			id('assignTeamId', 'teams', 'Assign it to this team on opening.', NULLABLE),
			text('response', 'Agent only: a first reply to the user.'),
			text('note', 'Agent only: an internal note.')
		]
	},
	'ticket.view': { description: 'Open the ticket and read it.', fields: [ticket] },
	'ticket.reply': {
		description: 'Post a reply the user sees (an end user adds a message).',
		fields: [
			ticket,
			text('body', 'The text of the reply.', REQUIRED),
			choice(
				'status',
				STATUS_IDS,
				'status',
				'Agents only: the status to set with the reply (open or closed ones).',
				NULLABLE
			),
			choice(
				'replyTo',
				['all', 'user', 'none'],
				'Reply To choice',
				'Who is e-mailed: all recipients (default), the owner only, or none ("Do Not Email Reply").'
			)
		]
	},
	'mail.reply': {
		description: 'An end user answers an e-mail the help desk sent them.',
		fields: [
			id('mailId', 'mails', 'The e-mail answered.', REQUIRED),
			text('body', 'The text of the answer.', REQUIRED)
		]
	},
	'ticket.note': {
		description: 'Post an internal note: agents only see it.',
		fields: [
			ticket,
			text('body', 'The text of the note.', REQUIRED),
			text('title', 'Note title (Internal Note by default).'),
			choice(
				'status',
				STATUS_IDS,
				'status',
				'The status to set with the note (open or closed ones).',
				NULLABLE
			)
		]
	},
	'ticket.markanswered': {
		description: 'Mark the ticket as answered, or as unanswered.',
		fields: [
			ticket,
			field('answered', { kind: 'boolean' }, 'true: answered; false: unanswered.', REQUIRED),
			comment('change')
		]
	},
	'ticket.owner': {
		description: 'Change Owner: give the ticket to another user.',
		fields: [ticket, id('userId', 'users', 'The new owner.', REQUIRED)]
	},
	'ticket.assign': {
		description: 'Assign the ticket to an agent, a team, or both.',
		fields: [
			ticket,
			id('agentId', 'agents', 'The agent (give an agent, a team or both).', NULLABLE),
			id('teamId', 'teams', 'The team.', NULLABLE),
			comment('assignment')
		]
	},
	'ticket.claim': { description: 'An agent takes an unassigned ticket.', fields: [ticket] },
	'ticket.release': { description: "Remove the ticket's assignment.", fields: [ticket] },
	'ticket.transfer': {
		description: 'Move the ticket to another department.',
		fields: [
			ticket,
			id('deptId', 'departments', 'The department.', REQUIRED),
			comment('transfer'),
			bool('refer', 'Maintain referral access to the current department.')
		]
	},
	'ticket.refer': {
		description: 'Refer the ticket: give an agent, team or department access to it.',
		fields: [
			ticket,
			object(
				'to',
				[
					choice('kind', REFERRAL_KINDS, 'referral kind', 'What it is referred to.', REQUIRED),
					field(
						'id',
						{
							kind: 'id',
							table: {
								by: 'kind',
								tables: { agent: 'agents', team: 'teams', department: 'departments' }
							}
						},
						'The agent, team or department.',
						REQUIRED
					)
				],
				'Who it is referred to.'
			),
			comment('referral')
		]
	},
	'ticket.edit': {
		description: 'Edit the ticket: priority, SLA plan, help topic, due date, source, subject.',
		fields: [
			ticket,
			object(
				'changes',
				[
					choice('priority', PRIORITY_IDS, 'priority', 'The priority.'),
					id('slaId', 'slas', 'The SLA plan; null for none.', NULLABLE),
					id('topicId', 'topics', 'The help topic (this never moves the ticket).', NULLABLE),
					field(
						'dueAt',
						{ kind: 'time' },
						"A due date set by hand; null goes back to the SLA's.",
						NULLABLE
					),
					choice('source', SOURCES, 'source', 'How the request came in.'),
					text('subject', 'The Issue Summary.')
				],
				'The fields to change, at least one.'
			)
		]
	},
	'ticket.status': {
		description: 'Set the status: resolve, close, reopen, archive or delete.',
		fields: [
			ticket,
			choice('status', STATUS_IDS, 'status', 'The new status.', REQUIRED),
			comment('status change')
		]
	},
	'ticket.collaborator.add': {
		description: 'Copy another user on the ticket (a collaborator).',
		fields: [ticket, id('userId', 'users', 'The user to add.', REQUIRED)]
	},
	'ticket.collaborator.remove': {
		description: 'Stop copying a collaborator on the ticket.',
		fields: [ticket, id('userId', 'users', 'The collaborator to remove.', REQUIRED)]
	},
	'agent.create': {
		description: 'Admin: add an agent.',
		fields: [object('agent', AGENT, 'The new agent.')]
	},
	'agent.update': {
		description: 'Admin: edit an agent.',
		fields: [id('agentId', 'agents', 'The agent.', REQUIRED), changes(AGENT)]
	},
	'access.grant': {
		description: 'Admin: give an agent a role in another department (extended access).',
		fields: [
			id('agentId', 'agents', 'The agent.', REQUIRED),
			id('deptId', 'departments', 'The department.', REQUIRED),
			id('roleId', 'roles', 'The role there.', REQUIRED)
		]
	},
	'access.revoke': {
		description: "Admin: remove an agent's extended access to a department.",
		fields: [
			id('agentId', 'agents', 'The agent.', REQUIRED),
			id('deptId', 'departments', 'The department.', REQUIRED)
		]
	},
	'department.create': {
		description: 'Admin: add a department.',
		fields: [object('department', DEPARTMENT, 'The new department.')]
	},
	'department.update': {
		description: 'Admin: edit a department.',
		fields: [id('deptId', 'departments', 'The department.', REQUIRED), changes(DEPARTMENT)]
	},
	'team.create': {
		description: 'Admin: add a team.',
		fields: [object('team', TEAM, 'The new team.')]
	},
	'team.update': {
		description: 'Admin: edit a team.',
		fields: [id('teamId', 'teams', 'The team.', REQUIRED), changes(TEAM)]
	},
	'role.create': {
		description: 'Admin: add a role.',
		fields: [object('role', ROLE, 'The new role.')]
	},
	'role.update': {
		description: 'Admin: edit a role.',
		fields: [id('roleId', 'roles', 'The role.', REQUIRED), changes(ROLE)]
	},
	'sla.create': {
		description: 'Admin: add an SLA plan.',
		fields: [object('sla', SLA, 'The new SLA plan.')]
	},
	'sla.update': {
		description: 'Admin: edit an SLA plan.',
		fields: [id('slaId', 'slas', 'The SLA plan.', REQUIRED), changes(SLA)]
	},
	'topic.create': {
		description: 'Admin: add a help topic.',
		fields: [object('topic', TOPIC, 'The new help topic.')]
	},
	'topic.update': {
		description: 'Admin: edit a help topic.',
		fields: [id('topicId', 'topics', 'The help topic.', REQUIRED), changes(TOPIC)]
	},
	'canned.create': {
		description: 'Admin: add a canned response.',
		fields: [object('canned', CANNED, 'The new canned response.')]
	},
	'user.create': {
		description: 'Add an end user (agents need the user.create permission).',
		fields: [
			field(
				'id',
				{ kind: 'id', table: 'users', fresh: true },
				"The new user's id; a generated one when left out.",
				{}
			),
			text('name', 'Full name.', REQUIRED),
			text('email', 'E-mail address; no other user may have it.', REQUIRED),
			text('organization', 'Organisation.')
		]
	},
	'settings.update': {
		description: 'Admin: change help-desk-wide settings (Settings → System and Tickets).',
		fields: [
			object(
				'changes',
				[
					text('timezone', 'Default Time Zone: an IANA name (default_timezone).'),
					scheduleField(
						'Default Schedule of plans and departments that name none (schedule_id).',
						'defaultSchedule',
						{}
					),
					choice(
						'defaultPriority',
						PRIORITY_IDS,
						'priority',
						'Default Priority (default_priority_id).'
					),
					id('defaultSlaId', 'slas', 'Default SLA; null: none (default_sla_id).', NULLABLE),
					bool('autoClaimTickets', 'Claim on Response (auto_claim_tickets).'),
					bool('autoReferClosed', 'Auto-refer on Close (auto_refer_closed).'),
					bool(
						'autoRespondNewTicket',
						'New ticket autoresponse to its owner (ticket_autoresponder).'
					),
					bool('alertAdmins', 'New ticket alert to the admin e-mail (ticket_alert_admin).')
				],
				'The settings to change; the others keep their values.'
			)
		]
	},
	'clock.advance': {
		description: 'Move the simulated clock forward; tickets past their due date become overdue.',
		fields: [
			field('to', { kind: 'time' }, 'The time to move to.', {}),
			field('minutes', { kind: 'number' }, 'Or: how many minutes to move.', {})
		]
	}
};

// ---------------------------------------------------------------- shape

function kindProblem(value: unknown, f: FieldKind): string | null {
	switch (f.kind) {
		case 'text':
		case 'id':
		case 'enum':
			return typeof value === 'string' ? null : 'text';
		case 'number':
		case 'time':
			// NaN (an empty number field) is the handler's to word ("Grace Period is required").
			return typeof value === 'number' ? null : 'a number';
		case 'boolean':
			return typeof value === 'boolean' ? null : 'true or false';
		case 'object':
			return typeof value === 'object' && value !== null && !Array.isArray(value)
				? null
				: 'a set of fields';
		case 'list':
			return Array.isArray(value) ? null : 'a list';
	}
}

/**
 * The first field whose value has the wrong kind (text where text is expected,
 * a number for a time, ...), looked for in nested fields too, or null. Values
 * are the handlers' business; this keeps a malformed command (a hostile file,
 * a damaged backup) from reaching them at all.
 */
export function commandShapeProblem(
	command: { type: string } & Record<string, unknown>
): { field: string; expected: string } | null {
	const description = COMMAND_FIELDS[command.type as CommandType];
	if (!description) return null;
	const visit = (
		fields: readonly CommandField[],
		values: Record<string, unknown>,
		path: string
	): { field: string; expected: string } | null => {
		for (const f of fields) {
			const value = values[f.name];
			if (value === undefined || value === null) continue;
			const expected = kindProblem(value, f);
			if (expected) return { field: `${path}${f.name}`, expected };
			if (f.kind === 'object') {
				const inner = visit(f.fields, value as Record<string, unknown>, `${path}${f.name}.`);
				if (inner) return inner;
			}
			if (f.kind === 'list')
				for (const item of value as unknown[]) {
					const bad = kindProblem(item, f.of);
					if (bad && item !== null)
						return { field: `${path}${f.name}`, expected: `a list of ${bad}` };
				}
		}
		return null;
	};
	return visit(description.fields, command, '');
}
