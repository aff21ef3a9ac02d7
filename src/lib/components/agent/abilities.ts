/**
 * Words and options the ticket view derives from the domain's ticketAbilities:
 * which actions to offer, and why the others are not. No rule is decided here:
 * the statuses an agent may set come from the domain (`abilities.statuses`).
 */
import type { Agent, Command, Reader, Ticket, ticketAbilities } from '$lib/domain';

export type Abilities = ReturnType<typeof ticketAbilities>;

/** The actions the panel gates, with the permission behind each and how to say it. */
export const GATED = [
	{ key: 'edit', permission: 'ticket.edit', verb: 'edit' },
	{ key: 'assign', permission: 'ticket.assign', verb: 'assign or claim' },
	{ key: 'release', permission: 'ticket.release', verb: 'release' },
	{ key: 'transfer', permission: 'ticket.transfer', verb: 'transfer' },
	{ key: 'refer', permission: 'ticket.assign', verb: 'refer' },
	{ key: 'reply', permission: 'ticket.reply', verb: 'reply to' },
	{ key: 'close', permission: 'ticket.close', verb: 'close' }
] as const;

/** "Expanded Access in Support", or how the ticket is visible without a role there. */
export function roleSummary(abilities: Abilities, deptName: string): string {
	const { role, via } = abilities.role;
	switch (via) {
		case 'department':
			return `${role.name} in ${deptName}`;
		case 'assigned':
			return `${role.name} (your primary role: the ticket is assigned to you)`;
		case 'none':
			return `No role in ${deptName} (visible through a referral)`;
	}
}

export type GatedKey = (typeof GATED)[number]['key'];

/**
 * A real attempt at an action the persona may not take, so a trainee can see
 * the refusal for themselves (and a lab can grade that they tried): the domain
 * refuses it with its reason, and the journal records the attempt.
 */
export function attemptFor(key: GatedKey, r: Reader, agent: Agent, ticket: Ticket): Command {
	const ticketId = ticket.id;
	switch (key) {
		case 'edit':
			return {
				type: 'ticket.edit',
				ticketId,
				changes: { priority: ticket.priority === 'high' ? 'emergency' : 'high' }
			};
		case 'assign':
			return { type: 'ticket.assign', ticketId, agentId: agent.id };
		case 'release':
			return { type: 'ticket.release', ticketId };
		case 'transfer': {
			const other = r.all('departments').find((d) => d.id !== ticket.deptId);
			return { type: 'ticket.transfer', ticketId, deptId: other?.id ?? ticket.deptId };
		}
		case 'refer':
			return { type: 'ticket.refer', ticketId, to: { kind: 'agent', id: agent.id } };
		case 'reply':
			return { type: 'ticket.reply', ticketId, body: 'Update on your ticket.' };
		case 'close':
			return { type: 'ticket.status', ticketId, status: 'resolved' };
	}
}

/** What the persona may not do on this ticket, each with the domain's explanation. */
export function missingActions(
	abilities: Abilities
): { key: GatedKey; verb: string; why: string }[] {
	return GATED.filter((g) => !abilities[g.key]).map((g) => ({
		key: g.key,
		verb: g.verb,
		why: abilities.explain(g.permission) ?? ''
	}));
}

/** "edit, assign or claim and transfer" */
export function listVerbs(verbs: string[]): string {
	if (verbs.length <= 1) return verbs.join('');
	return `${verbs.slice(0, -1).join(', ')} or ${verbs[verbs.length - 1]}`;
}
