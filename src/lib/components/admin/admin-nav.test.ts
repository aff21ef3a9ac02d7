/**
 * The Admin Panel's navigation follows osTicket 1.18's AdminNav
 * (include/class.nav.php: getTabs and getSubMenus): the tabs and their pages
 * keep osTicket's names and order, with only what Deskdrill has.
 */
import { describe, expect, it } from 'vitest';
import type { Persona } from '$lib/state/desk.svelte';
import { ADMIN_HOME, ADMIN_NAV, agentPanelPersona, tabOf } from './admin-nav';

/** AdminNav::getTabs and AdminNav::getSubMenus, in osTicket's order. */
const OSTICKET = {
	Dashboard: ['System Logs', 'Information'],
	Settings: ['Company', 'System', 'Tickets', 'Tasks', 'Agents', 'Users', 'Knowledgebase'],
	Manage: [
		'Help Topics',
		'Filters',
		'SLA',
		'Schedules',
		'API',
		'Pages',
		'Forms',
		'Lists',
		'Plugins'
	],
	Emails: ['Emails', 'Settings', 'Banlist', 'Templates', 'Diagnostic'],
	Agents: ['Agents', 'Teams', 'Roles', 'Departments']
} as const;

/** Keeps the order of `list` for the items of `subset`. */
const inOrder = (subset: readonly string[], list: readonly string[]) =>
	subset.every((item, i) => i === 0 || list.indexOf(item) > list.indexOf(subset[i - 1] ?? ''));

describe('ADMIN_NAV', () => {
	it("has osTicket's tabs, in osTicket's order", () => {
		const tabs = ADMIN_NAV.map((t) => t.label);
		expect(tabs).toEqual(['Settings', 'Manage', 'Agents']);
		expect(tabs.every((t) => t in OSTICKET)).toBe(true);
		expect(inOrder(tabs, Object.keys(OSTICKET))).toBe(true);
	});

	it("gives every tab osTicket's pages, in osTicket's order", () => {
		for (const tab of ADMIN_NAV) {
			const pages = tab.pages.map((p) => p.label);
			const theirs = OSTICKET[tab.label as keyof typeof OSTICKET];
			expect(
				pages.every((p) => (theirs as readonly string[]).includes(p)),
				tab.label
			).toBe(true);
			expect(inOrder(pages, theirs), tab.label).toBe(true);
		}
		// Agents → Agents, Teams, Roles, Departments: all four, as osTicket has them.
		expect(tabOf('departments').pages.map((p) => p.label)).toEqual(OSTICKET.Agents);
	});

	it('opens on Agents', () => {
		expect(tabOf(ADMIN_HOME).label).toBe('Agents');
	});
});

describe('agentPanelPersona', () => {
	const admin: Persona = { id: 'ada', name: 'Ada', role: 'admin', refId: 'admin' };
	const john: Persona = { id: 'john', name: 'John', role: 'agent', refId: 'john' };

	it('is the same agent in the Agent Panel, when the lab has that persona', () => {
		const adaAgent: Persona = { id: 'ada-agent', name: 'Ada', role: 'agent', refId: 'admin' };
		expect(agentPanelPersona([john, admin, adaAgent], admin)).toBe(adaAgent);
	});

	it('is none otherwise, so the link is left out', () => {
		expect(agentPanelPersona([john, admin], admin)).toBeNull();
	});
});
