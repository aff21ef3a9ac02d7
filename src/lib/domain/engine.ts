/**
 * The engine: runs one command for one actor against a world. `execute` never
 * touches the world: it returns either the whole change set or a refusal.
 * `commit` applies a change set. Together they make every command atomic, and
 * the same commands at the same clock times always give the same world.
 */
import * as admin from './admin-commands';
import type { Command, CommandType } from './commands';
import { commandShapeProblem } from './command-fields';
import { resolveActor, type Acting } from './context';
import { CommandRefused, refuse, type DomainError } from './errors';
import type { Actor } from './events';
import { refreshOverdue } from './lifecycle';
import { updateSettings } from './settings-commands';
import * as tickets from './ticket-commands';
import { MINUTE } from './schedule';
import { stateOf, type SimTime } from './types';
import { Draft, applyChanges, type ChangeSet, type World } from './world';

export type CommandResult =
	| {
			ok: true;
			changes: ChangeSet;
			/** The entity the command made or touched, if any. */ subjectId: string | null;
	  }
	| { ok: false; error: DomainError };

type Handler = (d: Draft, acting: Acting, command: never) => { id: string } | null;

const HANDLERS: Record<CommandType, Handler> = {
	'ticket.open': tickets.openTicket,
	'ticket.view': tickets.viewTicket,
	'ticket.reply': tickets.replyToTicket,
	'mail.reply': tickets.replyByMail,
	'ticket.note': tickets.postNote,
	'ticket.assign': tickets.assignTicket,
	'ticket.claim': tickets.claimTicket,
	'ticket.release': tickets.releaseTicket,
	'ticket.transfer': tickets.transferTicket,
	'ticket.refer': tickets.referTicket,
	'ticket.edit': tickets.editTicket,
	'ticket.status': tickets.setStatus,
	'ticket.collaborator.add': tickets.addCollaborator,
	'ticket.collaborator.remove': tickets.removeCollaborator,
	'ticket.markanswered': tickets.markAnswered,
	'ticket.owner': tickets.changeOwner,
	'agent.create': admin.createAgent,
	'agent.update': admin.updateAgent,
	'access.grant': admin.grantAccess,
	'access.revoke': admin.revokeAccess,
	'department.create': admin.createDepartment,
	'department.update': admin.updateDepartment,
	'team.create': admin.createTeam,
	'team.update': admin.updateTeam,
	'role.create': admin.createRole,
	'role.update': admin.updateRole,
	'sla.create': admin.createSla,
	'sla.update': admin.updateSla,
	'topic.create': admin.createTopic,
	'topic.update': admin.updateTopic,
	'canned.create': admin.createCanned,
	'user.create': admin.createUser,
	'settings.update': updateSettings,
	'clock.advance': advanceClock
};

/** Move the simulated clock forward and flag every open ticket that passed its due date, in due order. */
function advanceClock(
	d: Draft,
	acting: Acting,
	c: Extract<Command, { type: 'clock.advance' }>
): null {
	if (acting.kind === 'user') refuse('forbidden', 'End users cannot move the clock.');
	const from = d.now;
	const to: SimTime = c.to ?? from + Math.round((c.minutes ?? 0) * MINUTE);
	if (!Number.isFinite(to) || to <= from)
		refuse('invalid', 'The clock only moves forward.', { field: 'to' });
	d.meta.clock = to;
	d.emit('clock.advanced', null, { from, to }, from);
	const due = d
		.all('tickets')
		.filter((t) => !t.overdue && stateOf(t) === 'open' && t.dueAt !== null && t.dueAt < to)
		.sort((a, b) => (a.dueAt as number) - (b.dueAt as number) || a.id.localeCompare(b.id));
	for (const ticket of due) refreshOverdue(d, ticket, Math.max(ticket.dueAt as number, from));
	return null;
}

/** Every command type the engine carries out. */
export const COMMAND_TYPES = Object.keys(HANDLERS) as CommandType[];

/** Check and carry out a command without changing the world. */
export function execute(world: World, actor: Actor, command: Command): CommandResult {
	const draft = new Draft(world, actor);
	try {
		if (!command || typeof command !== 'object' || !Object.hasOwn(HANDLERS, command.type))
			refuse('invalid', `Unknown command "${String((command as { type?: unknown })?.type)}".`);
		const shape = commandShapeProblem(command as unknown as Command & Record<string, unknown>);
		if (shape)
			refuse('invalid', `${command.type}: ${shape.field} must be ${shape.expected}.`, {
				field: shape.field
			});
		const acting = resolveActor(draft);
		const handler = HANDLERS[command.type] as (
			d: Draft,
			a: Acting,
			c: Command
		) => { id: string } | null;
		const subject = handler(draft, acting, command);
		return { ok: true, changes: draft.changes(), subjectId: subject?.id ?? null };
	} catch (error) {
		if (error instanceof CommandRefused) return { ok: false, error: error.error };
		throw error;
	}
}

/** Apply what `execute` produced. */
export function commit(world: World, result: CommandResult): void {
	if (result.ok) applyChanges(world, result.changes);
}

/** Execute and commit in one step; returns the result. */
export function run(world: World, actor: Actor, command: Command): CommandResult {
	const result = execute(world, actor, command);
	commit(world, result);
	return result;
}
