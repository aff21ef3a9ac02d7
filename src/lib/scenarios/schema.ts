/**
 * The JSON Schema of a scenario's front matter, built from the domain's own
 * lists (priorities, permissions, event types) so the two never drift.
 * scenarios/scenario.schema.json is this object, written out for editors
 * (`npm run scenarios:check -- --write-schema`; a unit test keeps it current).
 */
import { AGENT_PERMISSIONS, PRIORITIES, ROLE_PERMISSIONS, SOURCES } from '../domain';
import { QUEUES, TEMPLATES } from '../domain';
import { MAX_CLOCK_SPEED } from './types';

type Schema = Record<string, unknown>;

export const CLOCK_MODES = ['manual', 'realtime', 'accelerated'] as const;

export const EVENT_TYPES = [
	'ticket.created',
	'ticket.message',
	'ticket.response',
	'ticket.note',
	'ticket.assigned',
	'ticket.released',
	'ticket.transferred',
	'ticket.referred',
	'ticket.edited',
	'ticket.status',
	'ticket.closed',
	'ticket.reopened',
	'ticket.overdue',
	'ticket.collab',
	'admin.created',
	'admin.updated',
	'access.granted',
	'access.revoked',
	'user.created',
	'clock.advanced'
] as const;

export const ERROR_CODES = ['hidden', 'forbidden', 'not_admin', 'not_found', 'invalid', 'conflict'];
export const TICKET_FIELDS = [
	'priority',
	'sla',
	'dept',
	'topic',
	'status',
	'state',
	'agent',
	'team',
	'source',
	'overdue',
	'answered',
	'subject',
	'user'
];
export const SKILL_PATTERN = '^[a-z][a-z0-9-]*$';

const str = (description?: string): Schema =>
	description ? { type: 'string', minLength: 1, description } : { type: 'string', minLength: 1 };
const text = (description: string): Schema => ({ type: 'string', description });
const bool = (description: string): Schema => ({ type: 'boolean', description });
const ref = (name: string): Schema => ({ $ref: `#/$defs/${name}` });
const list = (items: Schema, description?: string, minItems = 0): Schema => ({
	type: 'array',
	items,
	...(minItems ? { minItems } : {}),
	...(description ? { description } : {})
});
const nullableId = (description: string): Schema => ({
	type: ['string', 'null'],
	minLength: 1,
	description
});
const obj = (properties: Schema, required: string[], description?: string): Schema => ({
	type: 'object',
	additionalProperties: false,
	required,
	properties,
	...(description ? { description } : {})
});
const id = (description: string): Schema => ({
	type: 'string',
	pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
	description: `${description} (letters, digits, "-", "_" or ".")`
});

const checkBase = {
	fail: str('What the learner sees when the check fails; {actual} and {expected} are filled in.'),
	pass: str('What the learner sees when it passes (optional).')
};

const eventMatchProps = {
	event: { enum: [...EVENT_TYPES], description: 'The domain event type.' },
	ticket: str('The name of a bound ticket (a bind check or a seed ticket ref).'),
	by: str('Who caused it: a persona id, a world agent or user id, or "system".'),
	where: {
		type: 'object',
		description:
			'Event payload fields and the value each must have (a list: any of them), e.g. {agentId: jane}.',
		additionalProperties: {
			type: ['string', 'number', 'boolean', 'null', 'array'],
			items: { type: ['string', 'number', 'boolean', 'null'] }
		}
	},
	text: ref('textMatch'),
	after: {
		...ref('eventMatch'),
		description:
			'Only events after the first event matching this count; none count while there is none.'
	},
	before: {
		...ref('eventMatch'),
		description:
			'Only events before the first event matching this count (all count while there is none).'
	}
};

function check(kind: string, props: Schema, required: string[], description: string): Schema {
	return obj({ kind: { const: kind }, ...props, ...checkBase }, ['kind', ...required], description);
}

const { after, before } = eventMatchProps;
const ordered = { after, before };

const bindProps = {
	name: id('The name later checks and commands use for the ticket'),
	user: str('The ticket is for this end user (persona or user id).'),
	createdBy: str('Who opened it (persona, agent or user id, or "system").'),
	subject: ref('textMatch'),
	message: ref('textMatch')
};

const dueTime = {
	type: 'string',
	pattern:
		'^(\\+(?=\\d)(\\d+d)?(\\d+h)?(\\d+m)?|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z)$',
	description: 'An ISO 8601 UTC time, or a duration after the ticket was opened: +4h, +1d2h.'
};

const CHECKS: Schema[] = [
	check(
		'bind',
		bindProps,
		['name'],
		'Find THE ticket (the earliest opened during the lab that matches) by what identifies it, and name it.'
	),
	check(
		'ticket',
		{
			ticket: str('A bound ticket name.'),
			field: { enum: TICKET_FIELDS },
			equals: { type: ['string', 'number', 'boolean', 'null'] },
			in: { type: 'array', items: { type: ['string', 'number', 'boolean', 'null'] }, minItems: 1 }
		},
		['ticket', 'field'],
		'"Is": the ticket field has this value now.'
	),
	check(
		'due',
		{ ticket: str('A bound ticket name.'), equals: dueTime, before: dueTime, after: dueTime },
		['ticket'],
		'"Is": the ticket\'s due date equals, or falls before or after, a time.'
	),
	check(
		'happened',
		{
			...eventMatchProps,
			atLeast: { type: 'integer', minimum: 1 },
			withinDue: bool("The event happened no later than the ticket's due date."),
			within: {
				...ref('duration'),
				description:
					'The event happened no later than this long after the ticket was opened: 4h, 1d, 90m.'
			}
		},
		['event'],
		'"Happened": a matching event exists.'
	),
	check(
		'never',
		{
			event: eventMatchProps.event,
			ticket: eventMatchProps.ticket,
			by: eventMatchProps.by,
			where: eventMatchProps.where,
			text: eventMatchProps.text
		},
		['event'],
		'"Never happened": no event matches.'
	),
	...(['refused', 'succeeded'] as const).map((kind) =>
		check(
			kind,
			{
				by: str('Persona (or agent/user id) who tried it.'),
				command: {
					type: ['string', 'array'],
					items: { type: 'string' },
					minItems: 1,
					description: 'Command type(s), e.g. ticket.view.'
				},
				ticket: str('A bound ticket name.'),
				code: { enum: ERROR_CODES },
				...ordered
			},
			['command'],
			kind === 'refused'
				? 'A command was tried and refused (a journal fact).'
				: 'A command was tried and accepted (a journal fact).'
		)
	),
	check(
		'queue',
		{
			ticket: str(),
			agent: str('Persona or agent id whose queues are looked at.'),
			queue: { enum: QUEUES.map((q) => q.id) },
			in: bool('true (default): the ticket is in that queue; false: it is not.')
		},
		['ticket', 'agent', 'queue'],
		'"Is": the ticket is (or is not) in an agent\'s queue.'
	),
	check(
		'visible',
		{ ticket: str(), agent: str(), equals: { type: 'boolean' } },
		['ticket', 'agent', 'equals'],
		'"Is": the agent can (or cannot) see the ticket.'
	),
	check(
		'access',
		{
			agent: str(),
			dept: str(),
			role: nullableId('Role id the agent holds in that department now; null for none.')
		},
		['agent', 'dept', 'role'],
		'"Is": the agent\'s role in a department.'
	),
	check(
		'mail',
		{
			to: str('Persona, user or agent id of the recipient.'),
			ticket: str(),
			template: { enum: Object.keys(TEMPLATES) },
			text: ref('textMatch'),
			atLeast: { type: 'integer', minimum: 1 }
		},
		['to'],
		'An e-mail was sent (the world outbox).'
	),
	obj(
		{
			kind: { const: 'any' },
			checks: list(ref('check'), 'Alternatives; one passing is enough.', 1),
			...checkBase
		},
		['kind', 'checks'],
		'Passes when any of its checks passes (valid alternative paths).'
	)
];

const command: Schema = {
	type: 'object',
	description:
		'A domain command: `do` is its type and the other fields are its own; `ticket` and `mail` name things resolved at run time.',
	properties: {
		id: id('A name for this command, for attempts to omit or replace it'),
		as: str('The persona who runs it.'),
		do: str('The command type, e.g. ticket.reply.'),
		ticket: str('A bound ticket name; becomes ticketId.'),
		mail: obj(
			{
				to: str('Recipient persona, user or agent id.'),
				ticket: str('A bound ticket name.'),
				template: { enum: Object.keys(TEMPLATES) }
			},
			['to'],
			'The latest mail sent to `to` (about `ticket`, of `template`); becomes mailId.'
		),
		advance: ref('duration'),
		expect: { enum: ['ok', 'refused'] }
	}
};

/** Worded for the validator: "8am" is not a time of day HH:MM (…). */
const hhmm = (what: string): Schema => ({
	type: 'string',
	pattern: '^\\d{1,2}:\\d{2}$',
	description: `a time of day HH:MM (the ${what}, in the world time zone)`
});

/** An SLA schedule, shared by plans, departments and the settings' default. */
const SCHEDULE: Schema = {
	type: 'object',
	additionalProperties: false,
	required: ['kind'],
	description: '24/7, or business hours on some days of the week in the world time zone.',
	properties: {
		kind: { enum: ['24/7', 'business'] },
		days: list(
			{ type: 'integer', minimum: 0, maximum: 6 },
			'Working days: 0 = Sunday, 1 = Monday … 6 = Saturday.',
			1
		),
		open: hhmm('opening time'),
		close: hhmm('closing time'),
		holidays: list(
			{
				type: 'string',
				pattern: '^(us|\\d{4}-\\d{2}-\\d{2})$',
				description: 'a date YYYY-MM-DD or "us" (the U.S. holidays of every year)'
			},
			'Days with no working hours.'
		)
	},
	if: { properties: { kind: { const: 'business' } } },
	then: { required: ['days', 'open', 'close'] }
};

const agent = obj(
	{
		id: id('Agent id'),
		firstName: str(),
		lastName: text('Last name.'),
		username: str(),
		email: str(),
		deptId: str('Primary department id.'),
		roleId: str('Role in the primary department.'),
		access: list(
			obj({ deptId: str(), roleId: str() }, ['deptId', 'roleId']),
			'Extended access: other departments, each with a role.'
		),
		limitedAccess: bool('Limit ticket access to ONLY assigned tickets.'),
		isAdmin: bool('May use the Admin Panel.'),
		permissions: list({ enum: [...AGENT_PERMISSIONS] }),
		active: bool('Account active.'),
		pronoun: { enum: ['he', 'she', 'they'] },
		teams: list(str(), 'Team ids.')
	},
	['firstName', 'lastName', 'username', 'email', 'deptId', 'roleId']
);

export const SCENARIO_SCHEMA: Schema = {
	$schema: 'http://json-schema.org/draft-07/schema#',
	$id: 'https://deskdrill.invalid/scenario.schema.json',
	title: 'Deskdrill scenario front matter',
	description:
		'One lab: metadata, the world, personas, graded steps, reference solution and wrong attempts.',
	type: 'object',
	additionalProperties: false,
	required: [
		'format',
		'id',
		'title',
		'summary',
		'difficulty',
		'minutes',
		'skills',
		'world',
		'personas',
		'steps',
		'solution',
		'attempts'
	],
	properties: {
		format: { const: 2, description: 'Format version; 2.' },
		id: {
			type: 'string',
			pattern: '^[a-z0-9][a-z0-9-]*$',
			description: 'Lab id (lower-case letters, digits and "-").'
		},
		title: str(),
		summary: str(),
		difficulty: { enum: ['beginner', 'intermediate', 'advanced'] },
		minutes: { type: 'integer', minimum: 1, maximum: 600, description: 'Estimated minutes.' },
		skills: {
			type: 'array',
			minItems: 1,
			uniqueItems: true,
			items: { type: 'string', pattern: SKILL_PATTERN, description: 'a skill id such as triage' },
			description:
				'Skills measured: triage, routing, sla, communication, documentation, escalation, permissions, ...'
		},
		clock: ref('clock'),
		variables: {
			type: 'object',
			description:
				'Pools of values a seed picks from, one per variable, so each candidate can get another variant: e.g. customer: [{name: Karen Karen, email: karen@example.com}, {name: Raj Patel, email: raj@example.com}]. Refer to them anywhere as {{customer.name}} (or {{name}} for a plain value). Seed 0 is the first value of every pool.',
			propertyNames: { pattern: '^[a-z][a-zA-Z0-9_]*$' },
			additionalProperties: {
				type: 'array',
				minItems: 1,
				items: {
					anyOf: [
						{ type: 'string' },
						{ type: 'number' },
						{
							type: 'object',
							additionalProperties: {
								anyOf: [
									{ type: 'string' },
									{ type: 'number' },
									{ type: 'array', items: { type: 'string' } }
								]
							}
						}
					]
				}
			}
		},
		world: ref('world'),
		personas: list(ref('persona'), 'Who the learner plays.', 1),
		steps: list(ref('step'), 'The graded steps.', 1),
		solution: list(ref('command'), 'The reference solution: must pass every step.', 1),
		attempts: list(
			ref('attempt'),
			'Valid alternatives (fails: []) and plausible mistakes (the steps each must fail).',
			1
		)
	},
	$defs: {
		isoTime: {
			type: 'string',
			pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z$',
			description: 'an ISO 8601 UTC time such as 2026-03-02T09:00:00Z'
		},
		duration: {
			type: ['integer', 'string'],
			minimum: 1,
			pattern: '^(?=\\d)(\\d+d)?(\\d+h)?(\\d+m)?$',
			description: 'a duration: minutes as a number, or text such as 90m, 2h, 1d4h'
		},
		clock: {
			description:
				'How the simulated clock moves while the lab runs: manual (the default: only the clock buttons move it), realtime (it follows the wall clock while the lab runs, never while paused), or {mode: accelerated, speed: 60} (60 simulated minutes per real minute).',
			anyOf: [
				{ enum: ['manual', 'realtime'] },
				{
					...obj(
						{
							mode: { enum: [...CLOCK_MODES] },
							speed: {
								type: 'number',
								minimum: 1,
								maximum: MAX_CLOCK_SPEED,
								description: 'Simulated minutes per real minute (accelerated only), e.g. 60.'
							}
						},
						['mode']
					),
					if: { properties: { mode: { const: 'accelerated' } } },
					then: { required: ['speed'] },
					else: { not: { required: ['speed'] } }
				}
			]
		},
		textMatch: obj(
			{
				any: list(str(), 'Key terms; one is enough.', 1),
				all: list(str(), 'Key terms that must all appear.', 1),
				minWords: { type: 'integer', minimum: 1 }
			},
			[],
			'Lenient text: case, accents, punctuation, hyphens and spacing are ignored, and each term matches any form of its words (stemmed): "load balancer" matches "load-balancers".'
		),
		eventMatch: obj(eventMatchProps, ['event']),
		schedule: SCHEDULE,
		world: obj(
			{
				start: ref('isoTime'),
				seed: { type: 'integer', description: 'Seed for ticket numbers.' },
				settings: obj(
					{
						companyName: str(),
						defaultDeptId: nullableId('Department for tickets nothing else routes.'),
						defaultSlaId: nullableId('SLA plan used when neither topic nor department names one.'),
						defaultPriority: { enum: PRIORITIES.map((p) => p.id) },
						alertAdmins: bool(
							"Send the new-ticket alert to the administrator's address too (default true)."
						),
						adminEmail: {
							type: ['string', 'null'],
							description:
								"The administrator's address for alerts (default: the first administrator agent's e-mail)."
						},
						autoClaimTickets: bool(
							'A reply to an open ticket no agent holds assigns it to the replier (osTicket default true).'
						),
						autoRespondNewTicket: bool(
							'Send the new-ticket auto-response to end users (a fresh osTicket has it off: default false).'
						),
						autoReferClosed: bool(
							'On close, the previous assignee keeps read access through a referral (default true).'
						),
						reopenAutoAssign: bool(
							'On reopen, assign the closer or last respondent if they still have access (default true).'
						),
						timezone: str(
							'IANA time zone that business hours and holidays are counted in, e.g. America/New_York (default UTC).'
						),
						defaultSchedule: {
							...ref('schedule'),
							description:
								'Schedule of SLA plans and departments that name none (default: Mon–Fri 08:00–17:00 with U.S. holidays, as osTicket installs).'
						}
					},
					[]
				),
				defaultRoles: bool("Include osTicket's four default roles (default true)."),
				roles: list(
					obj(
						{ id: id('Role id'), name: str(), permissions: list({ enum: [...ROLE_PERMISSIONS] }) },
						['name']
					)
				),
				slas: list(
					obj(
						{
							id: id('SLA plan id'),
							name: str(),
							graceHours: { type: 'number', exclusiveMinimum: 0 },
							schedule: {
								...ref('schedule'),
								description:
									'When its grace period runs; left out: the system default (settings.defaultSchedule). A department schedule beats it.'
							},
							active: { type: 'boolean' },
							transient: { type: 'boolean' },
							disableOverdueAlerts: { type: 'boolean' }
						},
						['name', 'graceHours']
					)
				),
				departments: list(
					obj(
						{
							id: id('Department id'),
							name: str(),
							parentId: nullableId('Parent department id.'),
							public: { type: 'boolean' },
							slaId: nullableId('SLA plan id.'),
							managerId: nullableId('Manager (agent id).'),
							assignment: { enum: ['anyone', 'members', 'primary'] },
							signature: { type: 'string' },
							schedule: {
								...ref('schedule'),
								description:
									"When its tickets' SLA clocks run, beating the plan's; left out: the plan's."
							}
						},
						['name']
					)
				),
				agents: list(agent),
				teams: list(
					obj(
						{
							id: id('Team id'),
							name: str(),
							leadId: nullableId('Team lead (agent id).'),
							members: list(str())
						},
						['name']
					)
				),
				topics: list(
					obj(
						{
							id: id('Help topic id'),
							name: str(),
							public: { type: 'boolean' },
							active: { type: 'boolean' },
							deptId: nullableId('Department id.'),
							priority: { enum: [...PRIORITIES.map((p) => p.id), null] },
							slaId: nullableId('SLA plan id.'),
							autoAssignAgentId: nullableId('Agent id.'),
							autoAssignTeamId: nullableId('Team id.')
						},
						['name']
					)
				),
				canned: list(
					obj({ id: id('Canned response id'), title: str(), body: str(), deptId: nullableId('') }, [
						'title',
						'body'
					])
				),
				users: list(
					obj({ id: id('User id'), name: str(), email: str(), organization: str() }, [
						'name',
						'email'
					])
				),
				tickets: list(
					obj(
						{
							ref: id('The name checks and commands use for this ticket'),
							as: str('End user (user id) who opens it; the system otherwise.'),
							at: ref('isoTime'),
							subject: str(),
							details: str(),
							topicId: str(),
							email: str(),
							name: str(),
							userId: str(),
							source: { enum: [...SOURCES] },
							deptId: str(),
							priority: { enum: PRIORITIES.map((p) => p.id) },
							slaId: nullableId(''),
							assignAgentId: nullableId(''),
							assignTeamId: nullableId(''),
							response: str(),
							note: str()
						},
						['ref', 'subject', 'details'],
						'A ticket that exists when the lab starts.'
					)
				)
			},
			['start']
		),
		persona: {
			...obj(
				{
					id: id('Persona id'),
					role: { enum: ['end-user', 'agent', 'admin'] },
					user: str('World user id (end-user personas).'),
					agent: str('World agent id (agent and admin personas).'),
					label: str()
				},
				['id', 'role']
			),
			if: { properties: { role: { const: 'end-user' } } },
			then: { required: ['user'] },
			else: { required: ['agent'] }
		},
		hint: obj(
			{
				level: { enum: ['nudge', 'guided', 'strong'] },
				text: str(),
				cost: { type: 'integer', minimum: 0, description: 'Points it costs (practice mode).' }
			},
			['level', 'text', 'cost']
		),
		step: obj(
			{
				id: id('Step id'),
				title: str(),
				persona: str('The persona to play.'),
				instructions: str('Markdown.'),
				skill: { type: 'string', pattern: SKILL_PATTERN, description: 'One of the lab skills.' },
				points: { type: 'integer', minimum: 1 },
				hints: list(ref('hint'), 'Tiered: nudge, guided, strong.'),
				checks: list(
					{ allOf: [ref('check'), { type: 'object', required: ['fail'] }] },
					'All must pass.',
					1
				)
			},
			['id', 'title', 'persona', 'instructions', 'skill', 'points', 'checks']
		),
		check: {
			type: 'object',
			required: ['kind'],
			discriminator: { propertyName: 'kind' },
			oneOf: CHECKS
		},
		command,
		attempt: {
			...obj(
				{
					name: str(),
					description: str(),
					fails: list(
						str(),
						'Step ids this attempt must not pass, and only those; [] for a valid alternative.'
					),
					scores: {
						type: 'integer',
						minimum: 0,
						description: 'The exact score the attempt reaches.'
					},
					bind: list(
						obj(bindProps, ['name'], 'A ticket the attempt itself names (a test ticket).'),
						"The attempt's own ticket names."
					),
					commands: list(ref('command')),
					without: list(str(), 'Reference solution command ids to leave out.'),
					replace: {
						type: 'object',
						additionalProperties: ref('command'),
						description: 'Reference solution command ids to replace.'
					},
					insert: list(
						obj(
							{
								before: str('A reference solution command id.'),
								after: str('A reference solution command id.'),
								commands: list(ref('command'), 'The commands to insert.', 1)
							},
							['commands'],
							'Commands placed before or after a named command of the reference solution.'
						)
					),
					append: list(ref('command'), 'Commands to add after the reference solution.')
				},
				['name']
			),
			anyOf: [{ required: ['fails'] }, { required: ['scores'] }]
		}
	}
};
