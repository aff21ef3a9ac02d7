/**
 * Event matches (happened and never checks, and the `after`/`before` anchors
 * of ordered checks): the people they name, and their `where` fields, which
 * must be fields of the event's payload, with values the world knows.
 */
import { PRIORITIES, STATUSES, type EventType } from '../../domain';
import type { PathPart } from '../parse';
import type { EventMatch } from '../types';
import type { CrossCheck, Table } from './cross-check';
import { didYouMean } from './words';

/** Payload fields of each event type, for `where`. */
const EVENT_FIELDS: Record<EventType, string[]> = {
	'ticket.created': [
		'number',
		'subject',
		'source',
		'userId',
		'topicId',
		'deptId',
		'priority',
		'slaId'
	],
	'ticket.message': ['body', 'via', 'userId'],
	'ticket.response': ['body', 'agentId', 'status', 'claimed'],
	'ticket.note': ['title', 'body', 'agentId', 'origin'],
	'ticket.assigned': [
		'agentId',
		'teamId',
		'claimed',
		'previousAgentId',
		'previousTeamId',
		'comment'
	],
	'ticket.released': ['agentId', 'teamId'],
	'ticket.transferred': ['from', 'to', 'comment'],
	'ticket.referred': ['to', 'comment'],
	'ticket.edited': ['field', 'before', 'after'],
	'ticket.status': ['from', 'to'],
	'ticket.closed': ['status'],
	'ticket.reopened': ['status'],
	'ticket.overdue': ['dueAt'],
	'ticket.collab': ['userId', 'action'],
	'admin.created': ['entity', 'id', 'name'],
	'admin.updated': ['entity', 'id', 'name'],
	'access.granted': ['agentId', 'deptId', 'roleId'],
	'access.revoked': ['agentId', 'deptId', 'roleId'],
	'user.created': ['userId', 'name', 'email'],
	'clock.advanced': ['from', 'to']
};

/** Which table a `where` field refers to, by event type. */
function whereTable(event: EventType, field: string): Table | 'status' | 'priority' | null {
	if (['agentId', 'previousAgentId'].includes(field)) return 'agents';
	if (['teamId', 'previousTeamId'].includes(field)) return 'teams';
	if (field === 'deptId') return 'departments';
	if (field === 'roleId') return 'roles';
	if (field === 'userId') return 'users';
	if (field === 'topicId') return 'topics';
	if (field === 'slaId') return 'slas';
	if (field === 'priority') return 'priority';
	if (field === 'status') return 'status';
	if (event === 'ticket.transferred' && (field === 'from' || field === 'to')) return 'departments';
	if (event === 'ticket.status' && (field === 'from' || field === 'to')) return 'status';
	return null;
}

/** The events a fact must come after or before, and theirs in turn. */
export function checkAnchors(
	cx: CrossCheck,
	match: Pick<EventMatch, 'after' | 'before'>,
	path: PathPart[]
): void {
	for (const key of ['after', 'before'] as const) {
		const anchor = match[key];
		if (!anchor) continue;
		const at = [...path, key];
		checkEventMatch(cx, anchor, at);
		if (anchor.ticket) cx.binding([...at, 'ticket'], anchor.ticket);
		cx.text([...at, 'text'], anchor.text);
		checkAnchors(cx, anchor, at);
	}
}

export function checkEventMatch(
	cx: CrossCheck,
	match: { event: EventType; by?: string; where?: Record<string, unknown> },
	path: PathPart[]
): void {
	if (match.by) cx.person([...path, 'by'], match.by, 'any', true);
	for (const [key, value] of Object.entries(match.where ?? {})) {
		const fields = EVENT_FIELDS[match.event];
		if (!fields.includes(key)) {
			cx.report(
				[...path, 'where', key],
				`a ${match.event} event has no field "${key}"${didYouMean(key, fields)}; its fields: ${fields.join(', ')}`,
				true
			);
			continue;
		}
		const table = whereTable(match.event, key);
		const values = Array.isArray(value) ? value : [value];
		values.forEach((v, i) => {
			const p = Array.isArray(value) ? [...path, 'where', key, i] : [...path, 'where', key];
			if (v === null || typeof v !== 'string') return;
			if (table === 'status')
				cx.oneOf(
					p,
					v,
					STATUSES.map((x) => x.id),
					'status'
				);
			else if (table === 'priority')
				cx.oneOf(
					p,
					v,
					PRIORITIES.map((x) => x.id),
					'priority'
				);
			else if (table) cx.ref(p, table, v);
		});
	}
}
