/**
 * The simulated mail system: notices to end users and alerts to agents,
 * rendered from templates with osTicket-style %{variables}. Nothing is sent;
 * every message lands in the world's outbox, where the portal's mailbox reads it.
 */
import {
	agentName,
	priorityOf,
	statusOf,
	type Agent,
	type EndUser,
	type Id,
	type SimTime,
	type Ticket
} from './types';
import { settingsOf, type Reader } from './world';

export type TemplateId =
	| 'ticket.autoresp'
	| 'ticket.notice'
	| 'ticket.reply'
	| 'ticket.alert'
	| 'message.alert'
	| 'assigned.alert'
	| 'overdue.alert';

export interface Recipient {
	kind: 'user' | 'agent';
	id: Id;
	name: string;
	email: string;
}

export interface Mail {
	id: Id;
	at: SimTime;
	template: TemplateId;
	to: Recipient;
	subject: string;
	body: string;
	ticketId: Id;
	/** Place on the event time line: the sequence number of the last event before it was sent. */
	seq?: number;
}

/**
 * Default templates, worded after osTicket's en_US ones
 * (include/i18n/en_US/templates/email/*.yaml), with the same variables.
 */
export const TEMPLATES: Record<TemplateId, { subject: string; body: string }> = {
	'ticket.autoresp': {
		subject: 'Support Ticket Opened [#%{ticket.number}]',
		body:
			'%{recipient.name.first},\n\nA request for support has been created and assigned #%{ticket.number}. ' +
			"A representative will follow up with you as soon as possible. You can view this ticket's progress online.\n\n" +
			'Your %{company.name} Team,\n%{signature}'
	},
	'ticket.notice': {
		subject: '%{ticket.subject} [#%{ticket.number}]',
		body:
			'Dear %{recipient.name.first},\n\nOur customer care team has created a ticket, #%{ticket.number}, on your behalf, ' +
			'with the following details and summary:\n\nTopic: %{ticket.topic.name}\nSubject: %{ticket.subject}\n\n%{message}\n\n%{response}\n\n' +
			"If need be, a representative will follow up with you as soon as possible. You can also view this ticket's progress online.\n\n" +
			'Your %{company.name} Team,\n%{signature}'
	},
	'ticket.reply': {
		subject: 'Re: %{ticket.subject} [#%{ticket.number}]',
		body: 'Dear %{recipient.name.first},\n\n%{response}\n\nYour %{company.name} Team,\n%{signature}\n\nTicket status: %{ticket.status}'
	},
	'ticket.alert': {
		subject: 'New Ticket Alert',
		body:
			'Hi %{recipient.name},\n\nNew ticket #%{ticket.number} created\n\n' +
			'From: %{ticket.name} <%{ticket.email}>\nDepartment: %{ticket.dept.name}\n\n%{message}'
	},
	'message.alert': {
		subject: 'New Message Alert',
		body:
			'Hi %{recipient.name},\n\nNew message appended to ticket #%{ticket.number}\n\n' +
			'From: %{ticket.name} <%{ticket.email}>\nDepartment: %{ticket.dept.name}\n\n%{message}'
	},
	'assigned.alert': {
		subject: 'Ticket Assigned to you',
		body:
			'Hi %{assignee.name.first},\n\nTicket #%{ticket.number} has been assigned to you by %{assigner.name.short}\n\n' +
			'From: %{ticket.name} <%{ticket.email}>\nSubject: %{ticket.subject}\n\n%{comments}'
	},
	'overdue.alert': {
		subject: 'Stale Ticket Alert',
		body:
			'Hi %{recipient.name},\n\nA ticket, #%{ticket.number} is seriously overdue.\n\n' +
			'We should all work hard to guarantee that all tickets are being addressed in a timely manner.\n\n' +
			'Signed,\n%{ticket.dept.manager.name}'
	}
};

export type TemplateValue = string | number | null | undefined | { [key: string]: TemplateValue };
export type TemplateVars = { [key: string]: TemplateValue };

/**
 * Replace %{a.b.c} with the value at that path. A variable that names an object
 * renders that object's `name` (or `full`) if it has one. Unknown variables are
 * left as written, so an author sees the typo instead of a silent blank.
 */
export function renderTemplate(text: string, vars: TemplateVars): string {
	return text.replace(/%\{([a-z0-9_.]+)\}/gi, (whole, path: string) => {
		let value: TemplateValue = vars;
		for (const key of path.split('.')) {
			if (value === null || typeof value !== 'object') return whole;
			value = value[key];
		}
		if (value !== null && typeof value === 'object') value = value['name'] ?? value['full'];
		if (value === undefined || typeof value === 'object') return whole;
		return value === null ? '' : String(value);
	});
}

/** A person's name as osTicket's templates use it: %{x.name} is the full name, .first, .last, .short. */
export function nameVars(full: string) {
	const parts = full.trim().split(/\s+/);
	const first = parts[0] ?? '';
	const last = parts.slice(1).join(' ');
	return { full: full.trim(), first, last, short: last ? `${first} ${last.charAt(0)}.` : first };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Deskdrill's one date format, for simulated and wall-clock times alike: the
 * runtime's locale (the browser's), medium date and short time, in `zone`
 * (the help desk's time zone for simulated times, as osTicket shows its
 * dates in its configured zone). "Mar 2, 2026, 9:00 AM" in en-US.
 */
export function formatSimTime(at: SimTime | null, zone = 'UTC'): string {
	if (at === null) return '';
	let f = formatters.get(zone);
	if (!f) {
		try {
			f = new Intl.DateTimeFormat(undefined, {
				dateStyle: 'medium',
				timeStyle: 'short',
				timeZone: zone
			});
		} catch {
			f = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
		}
		formatters.set(zone, f);
	}
	return f.format(new Date(at));
}

/** The variables a template or canned response can use about a ticket. */
export function ticketVars(r: Reader, ticket: Ticket): TemplateVars {
	const user = r.get('users', ticket.userId);
	const dept = r.get('departments', ticket.deptId);
	const topic = r.get('topics', ticket.topicId);
	const sla = r.get('slas', ticket.slaId);
	const agent = r.get('agents', ticket.assigneeAgentId);
	const team = r.get('teams', ticket.assigneeTeamId);
	const manager = r.get('agents', dept?.managerId);
	return {
		company: { name: r.meta.settings.companyName },
		ticket: {
			id: ticket.id,
			number: ticket.number,
			subject: ticket.subject,
			status: statusOf(ticket.status).name,
			priority: priorityOf(ticket.priority).name,
			source: ticket.source,
			email: user?.email ?? '',
			name: nameVars(user?.name ?? ''),
			dept: {
				name: dept?.name ?? '',
				manager: { name: nameVars(manager ? agentName(manager) : '') }
			},
			topic: { name: topic?.name ?? '' },
			sla: { name: sla?.name ?? '' },
			due_date: formatSimTime(ticket.dueAt, settingsOf(r).timezone),
			create_date: formatSimTime(ticket.createdAt, settingsOf(r).timezone),
			assigned: agent ? agentName(agent) : (team?.name ?? ''),
			staff: agent ? { name: nameVars(agentName(agent)) } : { name: '' }
		},
		signature: dept?.signature ?? ''
	};
}

export function recipientOfUser(user: EndUser): Recipient {
	return { kind: 'user', id: user.id, name: user.name, email: user.email };
}

export function recipientOfAgent(agent: Agent): Recipient {
	return { kind: 'agent', id: agent.id, name: agentName(agent), email: agent.email };
}

export function composeMail(
	id: Id,
	at: SimTime,
	template: TemplateId,
	to: Recipient,
	ticket: Ticket,
	vars: TemplateVars
): Mail {
	const all: TemplateVars = { ...vars, recipient: { name: nameVars(to.name), email: to.email } };
	const { subject, body } = TEMPLATES[template];
	return {
		id,
		at,
		template,
		to,
		ticketId: ticket.id,
		subject: renderTemplate(subject, all),
		body: renderTemplate(body, all)
	};
}
