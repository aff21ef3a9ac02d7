/** A command in words for the timeline: "Post Reply on #123456 (status Resolved)". */
import type { Command, World } from '$lib/domain';

export function describeCommand(world: World, command: Command): string {
	const ticket = 'ticketId' in command ? world.tickets[command.ticketId] : undefined;
	const on = ticket ? ` on #${ticket.number}` : '';
	const agent = (id: string | null | undefined) =>
		id ? `${world.agents[id]?.firstName ?? id}` : '';
	switch (command.type) {
		case 'ticket.open':
			return `Open a ticket: “${command.subject}”${command.source ? ` (${command.source})` : ''}`;
		case 'ticket.view':
			return `Open ticket${on}`;
		case 'ticket.reply':
			return `Post Reply${on}${command.status ? ` (status ${command.status})` : ''}: “${command.body}”`;
		case 'mail.reply':
			return `Reply by e-mail: “${command.body}”`;
		case 'ticket.note':
			return `Post Internal Note${on}: “${command.body}”`;
		case 'ticket.assign':
			return `Assign${on} to ${[agent(command.agentId), command.teamId ? (world.teams[command.teamId]?.name ?? command.teamId) : ''].filter(Boolean).join(' / ')}`;
		case 'ticket.claim':
			return `Claim${on}`;
		case 'ticket.release':
			return `Release${on}`;
		case 'ticket.transfer':
			return `Transfer${on} to ${world.departments[command.deptId]?.name ?? command.deptId}`;
		case 'ticket.refer':
			return `Refer${on} to ${command.to.kind} ${command.to.id}`;
		case 'ticket.edit':
			return `Edit${on}: ${Object.entries(command.changes)
				.map(([k, v]) => `${k} = ${String(v)}`)
				.join(', ')}`;
		case 'ticket.status':
			return `Set status${on} to ${command.status}`;
		case 'access.grant':
			return `Grant ${agent(command.agentId)} ${world.roles[command.roleId]?.name ?? command.roleId} access to ${world.departments[command.deptId]?.name ?? command.deptId}`;
		case 'access.revoke':
			return `Revoke ${agent(command.agentId)}'s access to ${world.departments[command.deptId]?.name ?? command.deptId}`;
		case 'clock.advance':
			return command.minutes ? `Time passes: ${command.minutes} min` : 'Time passes';
		default:
			return command.type;
	}
}
