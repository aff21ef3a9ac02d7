/**
 * Where one agent persona is in the Agent Panel: the queue, search and sort,
 * the open ticket, the open action form, and unsent drafts. Pure view state,
 * no ticket rule: commands go to the domain through `desk.run`.
 *
 * PanelFrame re-mounts the panel on every persona switch ({#key}), so the
 * state cannot live in the component. It lives in a WeakMap keyed by the
 * DeskState (one per lab attempt, so a new attempt starts clean and an old one
 * is garbage-collected) and then by persona id.
 */
import {
	canSee,
	type ColumnSort,
	type Command,
	type QueueColumnId,
	type QueueId,
	type StatusId,
	type UserSortColumn
} from '$lib/domain';
import type { DeskState } from '$lib/state/desk.svelte';

/**
 * What the panel shows: under the Tickets tab a queue, a ticket or the New
 * Ticket form; under the Users tab the User Directory or a user's page; and
 * the agent's own profile (the header's "Profile", under no tab).
 */
export type Screen = 'queue' | 'ticket' | 'new' | 'users' | 'user' | 'profile';

/** osTicket's top tabs that work here, in its order (include/class.nav.php): Users, Tickets. */
export type Tab = 'users' | 'tickets';

/** Dates and priority sort newest (most urgent) first on a first click; words from A to Z. */
const FIRST_DESCENDING: readonly QueueColumnId[] = ['updated', 'due', 'closed', 'priority'];
/** The form open below the ticket's action bar (one at a time). */
export type ActionForm =
	'edit' | 'assign' | 'transfer' | 'refer' | 'status' | 'owner' | 'collaborators' | 'answered';

/** Post Reply's "Reply To": All Active Recipients, the Ticket Owner, or "Do Not Email Reply". */
export type ReplyTo = 'all' | 'user' | 'none';

/** The response tabs under the thread. */
export type ResponseTab = 'reply' | 'note';

export interface Notice {
	kind: 'ok' | 'error';
	text: string;
}

/** Unsent input on one ticket. */
export interface TicketDraft {
	/** The response tab last chosen. */
	tab: ResponseTab;
	reply: string;
	replyTo: ReplyTo;
	/** '' keeps the current status. */
	replyStatus: StatusId | '';
	note: string;
	/** '' keeps the current status. */
	noteStatus: StatusId | '';
}

export function blankDraft(): TicketDraft {
	return { tab: 'reply', reply: '', replyTo: 'all', replyStatus: '', note: '', noteStatus: '' };
}

/** The "Open a New Ticket" form; '' means "not chosen, use the default". */
export interface NewTicketDraft {
	userId: string;
	email: string;
	name: string;
	source: string;
	topicId: string;
	deptId: string;
	priority: string;
	slaId: string;
	assignee: string;
	subject: string;
	details: string;
	response: string;
}

export const NEW_USER = '__new__';

function blankNewTicket(): NewTicketDraft {
	return {
		userId: '',
		email: '',
		name: '',
		source: 'Phone',
		topicId: '',
		deptId: '',
		priority: '',
		slaId: '',
		assignee: '',
		subject: '',
		details: '',
		response: ''
	};
}

export class AgentView {
	screen = $state<Screen>('queue');
	queue = $state<QueueId>('open');
	search = $state('');
	/** The column each queue is sorted by, when not its own default (osTicket keeps it per queue). */
	sorts = $state<Partial<Record<QueueId, ColumnSort>>>({});
	/** The queue's page (from 1); back to the first when the queue, search or sort changes. */
	queuePage = $state(1);
	/** The User Directory: search, sort, page, and the user whose page is open. */
	userSearch = $state('');
	userSort = $state<{ column: UserSortColumn; dir: 'asc' | 'desc' }>({
		column: 'name',
		dir: 'asc'
	});
	userPage = $state(1);
	userId = $state<string | null>(null);
	ticketId = $state<string | null>(null);
	/** The refusal of `ticket.view` when the ticket could not be opened. */
	denied = $state<{ heading: string; message: string } | null>(null);
	action = $state<ActionForm | null>(null);
	/**
	 * What the menu entry that opened the form chose: 'agent' or 'team' for
	 * Assign, the status for Change Status (and 'deleted' for Delete Ticket).
	 */
	preset = $state('');
	notice = $state<Notice | null>(null);
	drafts = $state<Record<string, TicketDraft>>({});
	newTicket = $state<NewTicketDraft>(blankNewTicket());

	readonly #desk: DeskState;

	constructor(desk: DeskState) {
		this.#desk = desk;
	}

	draft(ticketId: string): TicketDraft {
		this.drafts[ticketId] ??= blankDraft();
		return this.drafts[ticketId];
	}

	/** The top tab the screen belongs to; none for the profile. */
	get tab(): Tab | null {
		if (this.screen === 'users' || this.screen === 'user') return 'users';
		if (this.screen === 'profile') return null;
		return 'tickets';
	}

	showQueue(queue: QueueId = this.queue) {
		if (queue !== this.queue) this.queuePage = 1;
		this.queue = queue;
		this.screen = 'queue';
		this.ticketId = null;
		this.denied = null;
		this.action = null;
	}

	/** Open an action form below the bar (a second press of its button closes it). */
	openAction(form: ActionForm, preset = '') {
		this.action = form;
		this.preset = preset;
	}

	/** The current queue's column sort, or null for the queue's own order. */
	get sort(): ColumnSort | null {
		return this.sorts[this.queue] ?? null;
	}

	/** A click on a column heading: sort by it, or turn it the other way if it already sorts. */
	sortBy(column: QueueColumnId) {
		const current = this.sort;
		const dir =
			current?.column === column
				? current.dir === 'asc'
					? 'desc'
					: 'asc'
				: FIRST_DESCENDING.includes(column)
					? 'desc'
					: 'asc';
		this.sorts[this.queue] = { column, dir };
		this.queuePage = 1;
	}

	setSearch(search: string) {
		this.search = search;
		this.queuePage = 1;
	}

	showNewTicket() {
		this.screen = 'new';
		this.action = null;
		this.notice = null;
	}

	/** "Create New Ticket" on a user's page: the New Ticket form with the user chosen. */
	newTicketFor(userId: string) {
		this.resetNewTicket();
		this.newTicket.userId = userId;
		this.showNewTicket();
	}

	showUsers() {
		this.screen = 'users';
		this.userId = null;
		this.action = null;
		this.notice = null;
	}

	showUser(userId: string) {
		this.screen = 'user';
		this.userId = userId;
		this.notice = null;
	}

	sortUsers(column: UserSortColumn) {
		const current = this.userSort;
		const dir =
			current.column === column
				? current.dir === 'asc'
					? 'desc'
					: 'asc'
				: column === 'name' || column === 'email'
					? 'asc'
					: 'desc';
		this.userSort = { column, dir };
		this.userPage = 1;
	}

	setUserSearch(search: string) {
		this.userSearch = search;
		this.userPage = 1;
	}

	showProfile() {
		this.screen = 'profile';
		this.action = null;
		this.notice = null;
	}

	resetNewTicket() {
		this.newTicket = blankNewTicket();
	}

	/** Opens a ticket the way osTicket does: ask the engine (and so the journal) first. */
	async openTicket(ticketId: string): Promise<boolean> {
		this.notice = null;
		this.action = null;
		const outcome = await this.#desk.run({ type: 'ticket.view', ticketId });
		this.draft(ticketId);
		this.screen = 'ticket';
		this.ticketId = ticketId;
		this.denied = outcome.ok
			? null
			: {
					heading: outcome.error.code === 'hidden' ? 'Access denied' : 'Cannot open this ticket',
					message: outcome.error.message
				};
		return outcome.ok;
	}

	/**
	 * The ticket on screen is shown again (the persona comes back to it): like
	 * osTicket, which checks access on every page load, ask the engine, so what
	 * the screen shows ("Access denied", or the ticket again) is on the record.
	 */
	async revisit(): Promise<void> {
		if (this.screen === 'ticket' && this.ticketId) await this.openTicket(this.ticketId);
	}

	/** Runs a command as the persona and words the outcome; never throws. */
	async run(command: Command, success: string | ((subjectId: string | null) => string)) {
		const outcome = await this.#desk.run(command);
		this.notice = outcome.ok
			? { kind: 'ok', text: typeof success === 'string' ? success : success(outcome.subjectId) }
			: { kind: 'error', text: outcome.error.message };
		if (outcome.ok) await this.#recheckAccess(this.notice?.text ?? '');
		return outcome;
	}

	/**
	 * After an action that took the ticket out of this agent's reach (a transfer
	 * to a department they have no access to), osTicket reloads the ticket, its
	 * access check refuses it, and the agent lands on the queue with "Access
	 * denied". The check goes through the engine, so the journal records it.
	 */
	async #recheckAccess(done: string): Promise<void> {
		if (this.screen !== 'ticket' || !this.ticketId) return;
		const reader = this.#desk.reader;
		const agent = reader.get('agents', this.#desk.persona.refId);
		const ticket = reader.get('tickets', this.ticketId);
		if (!agent || !ticket || canSee(reader, agent, ticket)) return;
		const check = await this.#desk.run({ type: 'ticket.view', ticketId: ticket.id });
		if (check.ok) return;
		this.showQueue();
		this.notice = { kind: 'error', text: `${done}. ${check.error.message}` };
	}
}

const views = new WeakMap<DeskState, Map<string, AgentView>>();

/** The view state of this persona in this lab attempt, created on first use. */
export function agentViewFor(
	desk: DeskState,
	personaId: string
): { view: AgentView; fresh: boolean } {
	let byPersona = views.get(desk);
	if (!byPersona) {
		// Plain Map on purpose: it only finds each persona's (reactive) AgentView.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		byPersona = new Map();
		views.set(desk, byPersona);
	}
	const existing = byPersona.get(personaId);
	if (existing) return { view: existing, fresh: false };
	const view = new AgentView(desk);
	byPersona.set(personaId, view);
	return { view, fresh: true };
}
