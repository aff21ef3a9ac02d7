/**
 * Words and options the ticket view derives from the domain's ticketAbilities:
 * which actions to offer, and why the others are not. No rule is decided here:
 * the statuses an agent may set come from the domain (`abilities.statuses`).
 */
import type { ticketAbilities } from '$lib/domain';

export type Abilities = ReturnType<typeof ticketAbilities>;

/** The actions the panel gates, with the permission behind each and how to say it. */
export const GATED = [
	{ key: 'edit', permission: 'ticket.edit', verb: 'edit' },
	{ key: 'assign', permission: 'ticket.assign', verb: 'assign or claim' },
	{ key: 'release', permission: 'ticket.release', verb: 'release' },
	{ key: 'transfer', permission: 'ticket.transfer', verb: 'transfer' },
	{ key: 'refer', permission: 'ticket.refer', verb: 'refer' },
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

/** What the persona may not do on this ticket, each with the domain's explanation. */
export function missingActions(abilities: Abilities): { verb: string; why: string }[] {
	return GATED.filter((g) => !abilities[g.key]).map((g) => ({
		verb: g.verb,
		why: abilities.explain(g.permission) ?? ''
	}));
}

/** "edit, assign or claim and transfer" */
export function listVerbs(verbs: string[]): string {
	if (verbs.length <= 1) return verbs.join('');
	return `${verbs.slice(0, -1).join(', ')} or ${verbs[verbs.length - 1]}`;
}
