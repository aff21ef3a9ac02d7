/**
 * Admin Panel → Settings: the help-desk-wide settings a lab meets, changed as
 * osTicket's Settings pages change them (scp/settings.php → Config::updateSettings).
 * Each key is osTicket's config key under another name:
 *   timezone → default_timezone, defaultSchedule → schedule_id (System);
 *   defaultPriority → default_priority_id, defaultSlaId → default_sla_id,
 *   autoClaimTickets → auto_claim_tickets, autoReferClosed → auto_refer_closed,
 *   autoRespondNewTicket → ticket_autoresponder, alertAdmins → ticket_alert_admin (Tickets).
 * The change is checked (references exist, the zone and the schedule are usable),
 * applied to the world's settings, and logged as an admin.updated event.
 */
import type { CommandOf } from './commands';
import { requireAdmin, type Acting } from './context';
import { refuse } from './errors';
import { scheduleProblem, timeZoneProblem } from './schedule';
import { isPriorityId } from './types';
import { settingsOf, type Draft, type Settings } from './world';

/** The settings the Admin Panel edits: what osTicket's Settings → System and Settings → Tickets offer that a lab meets. */
export const EDITABLE_SETTINGS = [
	'timezone',
	'defaultSchedule',
	'defaultPriority',
	'defaultSlaId',
	'autoClaimTickets',
	'autoReferClosed',
	'autoRespondNewTicket',
	'alertAdmins'
] as const satisfies readonly (keyof Settings)[];

export type EditableSetting = (typeof EDITABLE_SETTINGS)[number];
export type SettingsChanges = Partial<Pick<Settings, EditableSetting>>;

const BOOLEANS = [
	'autoClaimTickets',
	'autoReferClosed',
	'autoRespondNewTicket',
	'alertAdmins'
] as const satisfies readonly EditableSetting[];

/** Check the changes one key at a time, naming the field at fault (osTicket's "Selection required"…). */
function checkChanges(d: Draft, changes: SettingsChanges): void {
	for (const key of Object.keys(changes))
		if (!(EDITABLE_SETTINGS as readonly string[]).includes(key))
			refuse('invalid', `“${key}” is not a setting the Admin Panel changes.`, { field: key });
	if (changes.timezone !== undefined) {
		const problem = timeZoneProblem(changes.timezone);
		if (problem) refuse('invalid', `Default Time Zone: ${problem}.`, { field: 'timezone' });
	}
	if (changes.defaultSchedule !== undefined) {
		const problem = changes.defaultSchedule
			? scheduleProblem(changes.defaultSchedule)
			: 'a schedule is required';
		if (problem) refuse('invalid', `Default Schedule: ${problem}.`, { field: 'defaultSchedule' });
	}
	if (changes.defaultPriority !== undefined && !isPriorityId(changes.defaultPriority))
		refuse('invalid', 'Default Priority: selection required.', { field: 'defaultPriority' });
	if (changes.defaultSlaId != null) {
		const sla = d.get('slas', changes.defaultSlaId);
		if (!sla)
			refuse('not_found', `Default SLA: there is no SLA plan "${changes.defaultSlaId}".`, {
				field: 'defaultSlaId'
			});
		if (!sla.active)
			refuse('invalid', `Default SLA: ${sla.name} is disabled, so tickets cannot be given it.`, {
				field: 'defaultSlaId'
			});
	}
	for (const key of BOOLEANS)
		if (changes[key] !== undefined && typeof changes[key] !== 'boolean')
			refuse('invalid', `${key} must be true or false.`, { field: key });
}

/** settings.update: change some settings; the others keep their values. */
export function updateSettings(
	d: Draft,
	acting: Acting,
	c: CommandOf<'settings.update'>
): { id: string } {
	requireAdmin(acting, 'Changing the help desk settings');
	checkChanges(d, c.changes);
	const before = settingsOf(d);
	const changed: Record<string, { before: unknown; after: unknown }> = {};
	for (const [key, after] of Object.entries(c.changes) as [EditableSetting, unknown][]) {
		const was = before[key] ?? null;
		if (JSON.stringify(was) !== JSON.stringify(after ?? null))
			changed[key] = { before: was, after: after ?? null };
	}
	if (Object.keys(changed).length === 0)
		refuse('conflict', 'Nothing changed: the help desk already has these settings.');
	d.meta.settings = { ...before, ...c.changes };
	d.emit('admin.updated', null, {
		entity: 'settings',
		id: 'settings',
		name: 'System Settings',
		changes: changed
	});
	return { id: 'settings' };
}
