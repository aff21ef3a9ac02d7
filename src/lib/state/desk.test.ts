/**
 * Panels and sign-in, as osTicket's staff header offers them
 * (include/staff/header.inc.php): "Admin Panel" only for an administrator,
 * the same person acting as an agent or an admin depending on the panel,
 * and "Log Out" until someone signs in again (here: a staff persona).
 */
import { describe, expect, it } from 'vitest';
import { seedWorld } from '../../../tests/fixtures/helpdesk';
import { DeskState, MemoryBackend, type Persona } from './desk.svelte';

const PERSONAS: Persona[] = [
	{ id: 'karen', name: 'Karen', role: 'end-user', refId: 'karen' },
	{ id: 'john', name: 'John', role: 'agent', refId: 'john' },
	{ id: 'ada-agent', name: 'Ada at the desk', role: 'agent', refId: 'admin' },
	{ id: 'admin', name: 'Admin', role: 'admin', refId: 'admin' }
];

function desk(persona: string) {
	const switched: string[] = [];
	const state = new DeskState(new MemoryBackend(seedWorld()), PERSONAS, persona, (id) =>
		switched.push(id)
	);
	return { state, switched };
}

describe('the panels a persona may be shown', () => {
	it('puts each persona in the panel of their role first', () => {
		expect(desk('karen').state.panel).toBe('portal');
		expect(desk('john').state.panel).toBe('agent');
		expect(desk('admin').state.panel).toBe('admin');
	});

	it('offers the Admin Panel only to an administrator, and acts as admin there', () => {
		const { state: john } = desk('john');
		expect(john.canOpenPanel('admin')).toBe(false);
		expect(john.openPanel('admin')).toBe(false);
		expect(john.panel).toBe('agent');

		const { state: ada } = desk('ada-agent');
		expect(ada.actor).toEqual({ role: 'agent', id: 'admin' });
		expect(ada.openPanel('admin')).toBe(true);
		expect(ada.panel).toBe('admin');
		expect(ada.actor).toEqual({ role: 'admin', id: 'admin' });
		expect(ada.openPanel('agent')).toBe(true);
		expect(ada.actor).toEqual({ role: 'agent', id: 'admin' });
	});

	it("takes an administrator to the Agent Panel as an agent, and the switcher back to the persona's panel", () => {
		const { state } = desk('admin');
		expect(state.openPanel('agent')).toBe(true);
		expect(state.panel).toBe('agent');
		expect(state.actor).toEqual({ role: 'agent', id: 'admin' });
		state.switchTo('john');
		state.switchTo('admin');
		expect(state.panel).toBe('admin');
	});

	it('keeps an end user in the portal', () => {
		const { state } = desk('karen');
		expect(state.openPanel('agent')).toBe(false);
		expect(state.actor).toEqual({ role: 'end-user', id: 'karen' });
	});

	it('runs a command in the role of the panel: an admin command needs the Admin Panel', async () => {
		const { state } = desk('ada-agent');
		const added = await state.run({ type: 'user.create', name: 'Amy', email: 'amy@example.com' });
		expect(added.ok).toBe(true); // agents may add users (user.create)
		const asAgent = await state.run({ type: 'access.revoke', agentId: 'john', deptId: 'support' });
		expect(asAgent.ok).toBe(false);
		state.openPanel('admin');
		const grant = await state.run({
			type: 'access.grant',
			agentId: 'john',
			deptId: 'sysadmins',
			roleId: 'view-only'
		});
		expect(grant.ok).toBe(true);
	});
});

describe('Log Out and signing in', () => {
	it('signs out until a staff persona signs in, through the persona switch', () => {
		const { state, switched } = desk('john');
		state.signOut();
		expect(state.signedOut).toBe(true);
		expect(state.signIn('karen')).toBe(false);
		expect(state.signedOut).toBe(true);
		expect(state.signIn('admin')).toBe(true);
		expect(state.signedOut).toBe(false);
		expect(state.persona.id).toBe('admin');
		expect(state.panel).toBe('admin');
		expect(switched).toEqual(['admin']);
	});

	it('is signed in again by the persona switcher too', () => {
		const { state } = desk('john');
		state.signOut();
		state.switchTo('john');
		expect(state.signedOut).toBe(false);
	});
});
