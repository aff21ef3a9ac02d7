/**
 * Replay: an attempt's journal run again from the scenario's starting world.
 * The engine is deterministic, so replaying the first n commands rebuilds the
 * help desk exactly as it was after command n; that gives the reviewer's
 * timeline (who did what, what changed, which step it completed) and the
 * panels "as they were" at any point.
 */
import {
	HelpDesk,
	formatSimTime,
	type DomainEvent,
	type JournalEntry,
	type World
} from '../domain';
import { grade } from '../grading';
import { scenarioWorld } from '../scenarios/world';
import type { Scenario } from '../scenarios/types';

export interface TimelineItem {
	entry: JournalEntry;
	/** Events the command produced (from the attempt's own world). */
	events: DomainEvent[];
	/** Steps that passed for the first time with this command. */
	completed: string[];
}

/** The help desk after the first `n` journal entries; `diverged` is set if a replayed outcome differs. */
export function replayTo(
	scenario: Scenario,
	journal: JournalEntry[],
	n: number
): { world: World; diverged: number | null } {
	const desk = new HelpDesk(scenarioWorld(scenario));
	let diverged: number | null = null;
	for (const entry of journal.slice(0, Math.max(0, n))) {
		const result = desk.run(entry.actor, entry.command, entry.wallAt);
		if ((result.ok ? 'ok' : 'refused') !== entry.outcome && diverged === null) diverged = entry.n;
	}
	return { world: desk.world, diverged };
}

export function timeline(
	scenario: Scenario,
	world: World,
	journal: JournalEntry[]
): TimelineItem[] {
	const bySeq = new Map(world.events.map((e) => [e.seq, e]));
	const desk = new HelpDesk(scenarioWorld(scenario));
	const passed = new Set<string>();
	return journal.map((entry) => {
		desk.run(entry.actor, entry.command, entry.wallAt);
		const g = grade(scenario, desk.world, desk.journal);
		const completed = g.steps
			.filter((s) => s.status === 'passed' && !passed.has(s.id))
			.map((s) => s.id);
		completed.forEach((id) => passed.add(id));
		const events: DomainEvent[] = [];
		if (entry.events)
			for (let seq = entry.events[0]; seq <= entry.events[1]; seq++) {
				const event = bySeq.get(seq);
				if (event) events.push(event);
			}
		return { entry, events, completed };
	});
}

/** A line of words for an event, naming people and places rather than ids. */
export function describeEvent(world: World, event: DomainEvent): string {
	const agent = (id: string | null | undefined) => {
		const a = id ? world.agents[id] : undefined;
		return a ? `${a.firstName} ${a.lastName}` : (id ?? 'nobody');
	};
	const dept = (id: string) => world.departments[id]?.name ?? id;
	switch (event.type) {
		case 'ticket.created':
			return `Ticket #${event.data.number} opened: “${event.data.subject}” (${event.data.source})`;
		case 'ticket.message':
			return `Message from ${world.users[event.data.userId]?.name ?? event.data.userId}${event.data.via === 'email' ? ' by e-mail' : ''}`;
		case 'ticket.response':
			return `Response by ${agent(event.data.agentId)}`;
		case 'ticket.note':
			return `Internal note: ${event.data.title}`;
		case 'ticket.assigned':
			return `${event.data.claimed ? 'Claimed' : 'Assigned'}: ${[event.data.agentId ? agent(event.data.agentId) : null, event.data.teamId ? (world.teams[event.data.teamId]?.name ?? event.data.teamId) : null].filter(Boolean).join(' / ')}`;
		case 'ticket.released':
			return 'Assignment released';
		case 'ticket.transferred':
			return `Transferred ${dept(event.data.from)} → ${dept(event.data.to)}`;
		case 'ticket.referred':
			return `Referred to ${event.data.to.kind} ${event.data.to.id}`;
		case 'ticket.edited':
			return `${event.data.field}: ${String(event.data.before ?? '—')} → ${String(event.data.after ?? '—')}`;
		case 'ticket.status':
			return `Status ${event.data.from} → ${event.data.to}`;
		case 'ticket.closed':
			return `Closed with status ${event.data.status}`;
		case 'ticket.reopened':
			return 'Reopened';
		case 'ticket.overdue':
			return `Marked overdue (due ${formatSimTime(event.data.dueAt)})`;
		case 'ticket.collab':
			return `Collaborator ${event.data.action}: ${world.users[event.data.userId]?.name ?? event.data.userId}`;
		case 'admin.created':
			return `Created ${event.data.entity} ${event.data.name}`;
		case 'admin.updated':
			return `Updated ${event.data.entity} ${event.data.name}: ${Object.keys(event.data.changes).join(', ')}`;
		case 'access.granted':
			return `${agent(event.data.agentId)} granted ${world.roles[event.data.roleId]?.name ?? event.data.roleId} access to ${dept(event.data.deptId)}`;
		case 'access.revoked':
			return `${agent(event.data.agentId)} lost access to ${dept(event.data.deptId)}`;
		case 'user.created':
			return `User ${event.data.name} <${event.data.email}> created`;
		case 'clock.advanced':
			return `Clock moved to ${formatSimTime(event.data.to)}`;
	}
}
