/**
 * What every ticket command needs first: the ticket, if the acting person may
 * see it; the permission the action needs; required text; users found or
 * created by e-mail; names for messages.
 */
import { requirePermission, requireVisible } from './access';
import { requireAgent, type Acting } from './context';
import { refuse } from './errors';
import {
	agentName,
	stateOf,
	statusOf,
	type EndUser,
	type Id,
	type RolePermission,
	type Ticket
} from './types';
import type { Draft } from './world';

/** Rows in id order: nothing may depend on the order a table was stored or loaded in. */
export function byId<T extends { id: Id }>(rows: T[]): T[] {
	return [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function requireText(value: string | undefined, field: string, label: string): string {
	if (value !== undefined && value !== null && typeof value !== 'string')
		refuse('invalid', `${label} must be text.`, { field });
	const text = (value ?? '').trim();
	if (!text) refuse('invalid', `${label} is required.`, { field });
	return text;
}

/** Optional text, trimmed ('' when absent). */
export function optionalText(value: string | undefined): string {
	return typeof value === 'string' ? value.trim() : '';
}

export function loadTicket(d: Draft, id: Id): Ticket {
	const ticket = d.get('tickets', id);
	if (!ticket) refuse('not_found', `There is no ticket "${id}".`);
	if (ticket.status === 'deleted')
		refuse('not_found', `Ticket #${ticket.number} has been deleted.`);
	return ticket;
}

export function isUsersTicket(user: EndUser, ticket: Ticket): boolean {
	return ticket.userId === user.id || ticket.collaborators.includes(user.id);
}

/** The ticket, if the acting user or agent may see it; refuses otherwise. */
export function visibleTicket(d: Draft, acting: Acting, id: Id): Ticket {
	const ticket = loadTicket(d, id);
	if (acting.kind === 'user' && !isUsersTicket(acting.user, ticket))
		refuse(
			'hidden',
			`Access denied. Ticket #${ticket.number} belongs to someone else, and ${acting.user.name} is not copied on it.`
		);
	if (acting.kind === 'agent' || acting.kind === 'admin') requireVisible(d, acting.agent, ticket);
	return ticket;
}

/** Checks a permission for agents; the system (scenario set-up) is trusted. */
export function permit(d: Draft, acting: Acting, ticket: Ticket, permission: RolePermission): void {
	if (acting.kind === 'system') return;
	const agent = requireAgent(acting, `${permission.replace('ticket.', '')} tickets`);
	requirePermission(d, agent, ticket, permission);
}

export function requireOpen(ticket: Ticket, action: string): void {
	if (stateOf(ticket) !== 'open')
		refuse(
			'conflict',
			`Ticket #${ticket.number} is ${statusOf(ticket.status).name}; reopen it before you ${action} it.`
		);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function findUserByEmail(d: Draft, email: string): EndUser | undefined {
	const wanted = email.trim().toLowerCase();
	return d.all('users').find((u) => u.email.toLowerCase() === wanted);
}

/** An existing user by e-mail, or a new one (needs a name, and for agents the user.create permission). */
export function findOrCreateUser(
	d: Draft,
	acting: Acting,
	email: string,
	name: string | undefined
): EndUser {
	const address = email.trim();
	if (!EMAIL.test(address))
		refuse('invalid', `"${address}" is not a valid e-mail address.`, { field: 'email' });
	const existing = findUserByEmail(d, address);
	if (existing) return existing;
	const fullName = requireText(name, 'name', 'Full Name');
	if (
		(acting.kind === 'agent' || acting.kind === 'admin') &&
		!acting.agent.permissions.includes('user.create')
	)
		refuse(
			'forbidden',
			`There is no user with the e-mail ${address}, and ${agentName(acting.agent)} may not create users (user.create).`,
			{ permission: 'user.create' }
		);
	const user: EndUser = { id: d.nextId('u', 'users'), name: fullName, email: address };
	d.put('users', user);
	d.emit('user.created', null, { userId: user.id, name: user.name, email: user.email });
	return user;
}

export function describeAssignee(d: Draft, agentId: Id | null, teamId: Id | null): string {
	const agent = d.get('agents', agentId);
	const team = d.get('teams', teamId);
	return (
		[agent ? agentName(agent) : null, team?.name ?? null].filter(Boolean).join(' / ') || 'nobody'
	);
}

export function describeActor(d: Draft): string {
	const actor = d.actor;
	if (actor.role === 'agent' || actor.role === 'admin') {
		const agent = d.get('agents', actor.id);
		return agent ? agentName(agent) : actor.id;
	}
	if (actor.role === 'end-user') return d.get('users', actor.id)?.name ?? actor.id;
	return 'the system';
}

/** The acting agent's id, or null for the system and end users. */
export function actingAgentId(d: Draft): Id | null {
	return d.actor.role === 'agent' || d.actor.role === 'admin' ? d.actor.id : null;
}
