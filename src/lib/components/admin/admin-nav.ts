/**
 * The Admin Panel's navigation, as osTicket 1.18's AdminNav (include/class.nav.php)
 * orders it: Dashboard · Settings · Manage · Emails · Agents, each with its
 * sub-menu. Only what Deskdrill's help desk has is listed (absent rather than
 * dead): no Dashboard (system logs) and no Emails (mailboxes, templates), and
 * within the others only the pages a lab uses.
 */
import type { Persona } from '$lib/state/desk.svelte';

export type AdminPage =
	| 'settings-system'
	| 'settings-tickets'
	| 'topics'
	| 'slas'
	| 'agents'
	| 'teams'
	| 'roles'
	| 'departments';

export interface AdminTab {
	id: 'settings' | 'manage' | 'staff';
	/** The tab's name, osTicket's `desc`. */
	label: string;
	pages: readonly { id: AdminPage; label: string }[];
}

/** In osTicket's order; a tab opens on its first page, as its link does. */
export const ADMIN_NAV: readonly AdminTab[] = [
	{
		id: 'settings',
		label: 'Settings',
		pages: [
			{ id: 'settings-system', label: 'System' },
			{ id: 'settings-tickets', label: 'Tickets' }
		]
	},
	{
		id: 'manage',
		label: 'Manage',
		pages: [
			{ id: 'topics', label: 'Help Topics' },
			{ id: 'slas', label: 'SLA' }
		]
	},
	{
		id: 'staff',
		label: 'Agents',
		pages: [
			{ id: 'agents', label: 'Agents' },
			{ id: 'teams', label: 'Teams' },
			{ id: 'roles', label: 'Roles' },
			{ id: 'departments', label: 'Departments' }
		]
	}
];

/** Where the Admin Panel opens: Agents, where the labs' admin steps start. */
export const ADMIN_HOME: AdminPage = 'agents';

export function tabOf(page: AdminPage): AdminTab {
	const tab = ADMIN_NAV.find((t) => t.pages.some((p) => p.id === page));
	if (!tab) throw new Error(`No admin tab has the page ${page}.`);
	return tab;
}

/**
 * The header's "Agent Panel" link: the same agent played in the Agent Panel,
 * when the lab has that persona (osTicket's admin is an agent too). None: the
 * link is left out rather than shown dead.
 */
export function agentPanelPersona(personas: readonly Persona[], me: Persona): Persona | null {
	return personas.find((p) => p.role === 'agent' && p.refId === me.refId) ?? null;
}
