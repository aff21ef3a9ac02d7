/** A command in words for the timeline: "Post Reply on #123456 (status Resolved)", with names from the thread's labels. */
import type { Command, Reader } from '$lib/domain';
import {
	agentLabel,
	assigneeLabel,
	deptLabel,
	priorityLabel,
	referralLabel,
	roleLabel,
	slaLabel,
	statusLabel,
	timeLabel,
	topicLabel
} from '../thread/names';

export function describeCommand(r: Reader, command: Command): string {
	const ticket = 'ticketId' in command ? r.get('tickets', command.ticketId) : undefined;
	const on = ticket ? ` on #${ticket.number}` : '';
	switch (command.type) {
		case 'ticket.open':
			return `Open a ticket: “${command.subject}”${command.source ? ` (${command.source})` : ''}`;
		case 'ticket.view':
			return `Open ticket${on}`;
		case 'ticket.reply':
			return `Post Reply${on}${command.status ? ` (status ${statusLabel(command.status)})` : ''}: “${command.body}”`;
		case 'mail.reply':
			return `Reply by e-mail: “${command.body}”`;
		case 'ticket.note':
			return `Post Internal Note${on}: “${command.body}”`;
		case 'ticket.assign':
			return `Assign${on} to ${assigneeLabel(r, command.agentId ?? null, command.teamId ?? null) ?? 'nobody'}`;
		case 'ticket.claim':
			return `Claim${on}`;
		case 'ticket.release':
			return `Release${on}`;
		case 'ticket.transfer':
			return `Transfer${on} to ${deptLabel(r, command.deptId)}`;
		case 'ticket.refer':
			return `Refer${on} to ${referralLabel(r, command.to)}`;
		case 'ticket.edit': {
			const c = command.changes;
			const parts = [
				c.priority !== undefined && `Priority ${priorityLabel(c.priority)}`,
				c.slaId !== undefined && `SLA Plan ${slaLabel(r, c.slaId)}`,
				c.topicId !== undefined && `Help Topic ${topicLabel(r, c.topicId)}`,
				c.dueAt !== undefined && `Due Date ${timeLabel(r, c.dueAt)}`,
				c.source !== undefined && `Source ${c.source}`,
				c.subject !== undefined && `Subject “${c.subject}”`
			].filter(Boolean);
			return `Edit${on}: ${parts.join(', ')}`;
		}
		case 'ticket.status':
			return `Set status${on} to ${statusLabel(command.status)}`;
		case 'access.grant':
			return `Grant ${agentLabel(r, command.agentId)} ${roleLabel(r, command.roleId)} access to ${deptLabel(r, command.deptId)}`;
		case 'access.revoke':
			return `Revoke ${agentLabel(r, command.agentId)}'s access to ${deptLabel(r, command.deptId)}`;
		case 'clock.advance':
			return command.minutes ? `Time passes: ${command.minutes} min` : 'Time passes';
		default:
			return command.type;
	}
}
