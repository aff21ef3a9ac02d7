/**
 * The ticket view's action bar as data, in osTicket's places and words
 * (include/staff/ticket-view.inc.php): Change Status, Assign ▾ (Claim, Agent,
 * Team), Transfer, Print, Edit and More ▾ (Change Owner, Release (unassign)
 * Ticket, Mark as Answered / Unanswered, Manage Referrals, Manage
 * Collaborators, Delete Ticket). Every entry comes from ticketAbilities: the
 * domain decides what is offered; this only orders and words it.
 */
import { statusOf, type StatusId, type Ticket } from '$lib/domain';
import { statusLabel } from '../thread/names';
import type { Abilities } from './abilities';
import type { ActionForm } from './agent-view.svelte';

/** What choosing an entry does: open a form (preset), or act at once. */
export type BarAction =
	{ kind: 'form'; form: ActionForm; preset?: string } | { kind: 'claim' } | { kind: 'release' };

export interface BarEntry {
	id: string;
	label: string;
	action: BarAction;
	danger?: boolean;
}

const form = (form: ActionForm, preset?: string): BarAction => ({ kind: 'form', form, preset });

/** osTicket's status drop-down: every status the agent may set from here (never Archived or Deleted). */
export function statusEntries(abilities: Abilities): BarEntry[] {
	return abilities.formStatuses.map((s) => ({
		id: s,
		label: statusLabel(s),
		action: form('status', s)
	}));
}

/** Assign ▾: Claim (an open ticket no agent holds), then Agent and Team, each opening the Assign form. */
export function assignEntries(abilities: Abilities): BarEntry[] {
	if (!abilities.offer.assign) return [];
	return [
		...(abilities.offer.claim
			? [{ id: 'claim', label: 'Claim', action: { kind: 'claim' } as const }]
			: []),
		{ id: 'agent', label: 'Agent', action: form('assign', 'agent') },
		{ id: 'team', label: 'Team', action: form('assign', 'team') }
	];
}

/** More ▾, in osTicket's order; Delete Ticket last, set apart. */
export function moreEntries(abilities: Abilities, ticket: Ticket): BarEntry[] {
	const entries: BarEntry[] = [];
	if (abilities.owner) entries.push({ id: 'owner', label: 'Change Owner', action: form('owner') });
	if (abilities.offer.release)
		entries.push({
			id: 'release',
			label: 'Release (unassign) Ticket',
			action: { kind: 'release' }
		});
	if (abilities.markAnswered)
		entries.push({
			id: 'answered',
			label: ticket.answered ? 'Mark as Unanswered' : 'Mark as Answered',
			action: form('answered')
		});
	if (abilities.refer)
		entries.push({ id: 'refer', label: 'Manage Referrals', action: form('refer') });
	if (abilities.collaborators)
		entries.push({
			id: 'collaborators',
			label: 'Manage Collaborators',
			action: form('collaborators')
		});
	if (abilities.statuses.includes('deleted'))
		entries.push({
			id: 'delete',
			label: 'Delete Ticket',
			action: form('status', 'deleted'),
			danger: true
		});
	return entries;
}

/** The button that sets a status, as osTicket words it (TicketStateField::getVerb). */
export function statusVerb(status: StatusId): string {
	switch (statusOf(status).state) {
		case 'open':
			return 'Reopen';
		case 'closed':
			return 'Close';
		case 'archived':
			return 'Archive';
		case 'deleted':
			return 'Delete';
	}
}
