/**
 * The queue table of osTicket's Agent Panel as data: each queue's columns
 * and default sort as a fresh install defines them
 * (include/i18n/en_US/queue.yaml, queue_sort.yaml), sorting by any column
 * either way, and pages of max_page_size rows (25 in config.yaml). The rows
 * are queueTickets' rows, so a queue lists exactly the tickets it counts.
 */
import { queueTickets, type QueueId } from './queries';
import { agentName, priorityOf, type Id, type Ticket } from './types';
import type { Reader } from './world';

/** osTicket's default page size (max_page_size: 25). */
export const QUEUE_PAGE_SIZE = 25;

export type QueueColumnId =
	| 'number'
	| 'updated'
	| 'due'
	| 'subject'
	| 'from'
	| 'priority'
	| 'assignee'
	| 'department'
	| 'team'
	| 'closed'
	| 'closedBy';

export interface QueueColumn {
	id: QueueColumnId;
	/** The column's heading in that queue (queue.yaml's `heading`: "Last Updated" or "Last Update"). */
	heading: string;
}

const col = (id: QueueColumnId, heading: string): QueueColumn => ({ id, heading });

/** Open, and its sub-queues Open and Answered. */
const OPEN = [
	col('number', 'Ticket'),
	col('updated', 'Last Updated'),
	col('subject', 'Subject'),
	col('from', 'From'),
	col('priority', 'Priority'),
	col('assignee', 'Assigned To')
] as const;
/** Open / Overdue shows the Due Date where the others show Last Updated. */
const OVERDUE = [
	col('number', 'Ticket'),
	col('due', 'Due Date'),
	col('subject', 'Subject'),
	col('from', 'From'),
	col('priority', 'Priority'),
	col('assignee', 'Assigned To')
] as const;
/** My Tickets and Assigned to Me: the Department, not the assignee (who is you). */
const MINE = [
	col('number', 'Ticket'),
	col('updated', 'Last Update'),
	col('subject', 'Subject'),
	col('from', 'From'),
	col('priority', 'Priority'),
	col('department', 'Department')
] as const;
/** Assigned to Teams: the Team. */
const TEAMS = [
	col('number', 'Ticket'),
	col('updated', 'Last Update'),
	col('subject', 'Subject'),
	col('from', 'From'),
	col('priority', 'Priority'),
	col('team', 'Team')
] as const;
/** Closed and its periods: when, and who closed it; no priority. */
const CLOSED = [
	col('number', 'Ticket'),
	col('closed', 'Date Closed'),
	col('subject', 'Subject'),
	col('from', 'From'),
	col('closedBy', 'Closed By')
] as const;

export function queueColumns(queue: QueueId): readonly QueueColumn[] {
	switch (queue) {
		case 'open':
		case 'unanswered':
		case 'answered':
			return OPEN;
		case 'overdue':
			return OVERDUE;
		case 'mine':
		case 'assigned-me':
			return MINE;
		case 'assigned-teams':
			return TEAMS;
		default:
			return CLOSED;
	}
}

export type SortDir = 'asc' | 'desc';

/** A click on a column's heading: that column, one way or the other. */
export interface ColumnSort {
	column: QueueColumnId;
	dir: SortDir;
}

type SortField = QueueColumnId | 'created';

/** A queue's named sort (queue_sort.yaml): fields in order, each descending. */
export interface QueueSortPreset {
	name: string;
	keys: readonly SortField[];
}

const PRESETS = {
	1: { name: 'Priority + Most Recently Updated', keys: ['priority', 'updated'] },
	2: { name: 'Priority + Most Recently Created', keys: ['priority', 'created'] },
	3: { name: 'Priority + Due Date', keys: ['priority', 'due'] },
	4: { name: 'Due Date', keys: ['due'] },
	5: { name: 'Closed Date', keys: ['closed'] },
	6: { name: 'Create Date', keys: ['created'] },
	7: { name: 'Update Date', keys: ['updated'] }
} as const satisfies Record<number, QueueSortPreset>;

/**
 * The order a queue opens in (its `sort_id` in queue.yaml). Assigned to Me
 * and Assigned to Teams have none, so osTicket orders them by creation,
 * newest first: the Create Date sort.
 */
export function defaultQueueSort(queue: QueueId): QueueSortPreset {
	switch (queue) {
		case 'open':
			return PRESETS[1];
		case 'unanswered':
		case 'answered':
		case 'overdue':
			return PRESETS[4];
		case 'mine':
			return PRESETS[3];
		case 'assigned-me':
		case 'assigned-teams':
		case 'closed-quarter':
			return PRESETS[6];
		case 'closed-year':
			return PRESETS[7];
		default:
			return PRESETS[5];
	}
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

type Key = string | number | null;

/** A ticket's value in a column or sort field; null sorts last both ways (an empty due date, no assignee). */
function sortKey(r: Reader, field: SortField, t: Ticket): Key {
	switch (field) {
		case 'number':
			return t.number;
		case 'updated':
			return t.updatedAt;
		case 'created':
			return t.createdAt;
		case 'due':
			return t.dueAt;
		case 'closed':
			return t.closedAt;
		case 'subject':
			return t.subject;
		case 'from':
			return r.get('users', t.userId)?.name ?? null;
		// Low 1 … Emergency 4, so "descending" puts the most urgent first, as osTicket's -priority.
		case 'priority':
			return 5 - priorityOf(t.priority).urgency;
		case 'assignee':
			return assigneeName(r, t.assigneeAgentId, t.assigneeTeamId);
		case 'closedBy':
			return assigneeName(r, t.assigneeAgentId, null);
		case 'department':
			return r.get('departments', t.deptId)?.name ?? null;
		case 'team':
			return t.assigneeTeamId ? (r.get('teams', t.assigneeTeamId)?.name ?? null) : null;
	}
}

function assigneeName(r: Reader, agentId: Id | null, teamId: Id | null): string | null {
	const agent = agentId ? r.get('agents', agentId) : undefined;
	const team = teamId ? r.get('teams', teamId) : undefined;
	const parts = [agent ? agentName(agent) : null, team?.name ?? null].filter(Boolean);
	return parts.length ? parts.join(' / ') : null;
}

function compareKeys(a: Key, b: Key, dir: SortDir): number {
	if (a === b) return 0;
	if (a === null) return 1;
	if (b === null) return -1;
	const order =
		typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
	return dir === 'asc' ? order : -order;
}

/** Sorts by the given fields, each computed once per ticket; equal rows keep their order (last update first). */
function sortBy(r: Reader, tickets: Ticket[], keys: readonly (readonly [SortField, SortDir])[]) {
	const rows = tickets.map((t) => ({ t, k: keys.map(([field]) => sortKey(r, field, t)) }));
	rows.sort((x, y) => {
		for (let i = 0; i < keys.length; i++) {
			const c = compareKeys(x.k[i] ?? null, y.k[i] ?? null, keys[i]?.[1] ?? 'asc');
			if (c !== 0) return c;
		}
		return 0;
	});
	return rows.map((row) => row.t);
}

export interface QueueListing {
	/** The rows of the page asked for. */
	tickets: Ticket[];
	/** Every ticket in the queue that matches the search. */
	total: number;
	/** The page shown (the one asked for, kept within 1 … pages). */
	page: number;
	pages: number;
	/** The queue's own sort when no column was chosen ("Priority + Most Recently Updated"), else null. */
	defaultSort: string | null;
}

/**
 * One page of a queue as its table shows it: the queue's own default sort,
 * or the column the agent sorted by; a page past the end shows the last.
 */
export function queueListing(
	r: Reader,
	agentId: Id,
	queue: QueueId,
	options: { search?: string; sort?: ColumnSort | null; page?: number; pageSize?: number } = {}
): QueueListing {
	const size = Math.max(1, Math.floor(options.pageSize ?? QUEUE_PAGE_SIZE));
	const { tickets: all, total } = queueTickets(r, agentId, queue, {
		search: options.search ?? '',
		sort: 'updated',
		limit: Number.MAX_SAFE_INTEGER
	});
	const sort = options.sort ?? null;
	const preset = defaultQueueSort(queue);
	const sorted = sort
		? sortBy(r, all, [[sort.column, sort.dir]])
		: sortBy(
				r,
				all,
				preset.keys.map((k) => [k, 'desc'] as const)
			);
	const pages = Math.max(1, Math.ceil(total / size));
	const page = Math.min(pages, Math.max(1, Math.floor(options.page ?? 1)));
	return {
		tickets: sorted.slice((page - 1) * size, page * size),
		total,
		page,
		pages,
		defaultSort: sort ? null : preset.name
	};
}
