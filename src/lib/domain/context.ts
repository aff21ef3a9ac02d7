/**
 * Who is acting, resolved against the world: the end user, the agent (in the
 * agent panel or, as an administrator, in the admin panel) or the system.
 */
import { refuse } from './errors';
import type { Draft } from './world';
import type { Agent, EndUser } from './types';
import { agentName } from './types';

export type Acting =
	| { kind: 'system' }
	| { kind: 'user'; user: EndUser }
	| { kind: 'agent'; agent: Agent }
	| { kind: 'admin'; agent: Agent };

export function resolveActor(d: Draft): Acting {
	const actor = d.actor;
	switch (actor.role) {
		case 'system':
			return { kind: 'system' };
		case 'end-user': {
			const user = d.get('users', actor.id);
			if (!user) refuse('not_found', `There is no end user "${actor.id}" in this help desk.`);
			return { kind: 'user', user };
		}
		case 'agent':
		case 'admin': {
			const agent = d.get('agents', actor.id);
			if (!agent) refuse('not_found', `There is no agent "${actor.id}" in this help desk.`);
			if (!agent.active)
				refuse(
					'forbidden',
					`${agentName(agent)}'s account is locked (not active), so ${agent.firstName} cannot sign in.`
				);
			if (actor.role === 'admin') {
				if (!agent.isAdmin)
					refuse(
						'not_admin',
						`${agentName(agent)} is not an administrator, so the Admin Panel is closed to ${agent.firstName}.`
					);
				return { kind: 'admin', agent };
			}
			return { kind: 'agent', agent };
		}
	}
}

/** The acting agent, whichever panel they are in; refuses end users and the system. */
export function requireAgent(acting: Acting, what: string): Agent {
	if (acting.kind === 'agent' || acting.kind === 'admin') return acting.agent;
	if (acting.kind === 'user')
		refuse('forbidden', `Only agents can ${what}; ${acting.user.name} is an end user.`);
	return refuse('forbidden', `Only agents can ${what}.`);
}

export function requireAdmin(acting: Acting, what: string): Agent | null {
	if (acting.kind === 'admin') return acting.agent;
	if (acting.kind === 'system') return null;
	if (acting.kind === 'agent')
		refuse(
			'not_admin',
			`${what} is done in the Admin Panel. Switch to an administrator persona (${agentName(acting.agent)} is acting in the Agent Panel).`
		);
	return refuse(
		'not_admin',
		`${what} is done in the Admin Panel by an administrator; ${acting.user.name} is an end user.`
	);
}
