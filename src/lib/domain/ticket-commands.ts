/**
 * The ticket commands: what end users and agents do to tickets. Each handler
 * checks osTicket's rules first (visibility, the role that applies in the
 * ticket's department, the lifecycle), then writes through the Draft.
 */
export { openTicket } from './ticket-open';
export { viewTicket, replyToTicket, replyByMail, postNote, markAnswered } from './ticket-thread';
export {
	assignTicket,
	claimTicket,
	releaseTicket,
	transferTicket,
	referTicket
} from './ticket-routing';
export {
	editTicket,
	setStatus,
	changeOwner,
	addCollaborator,
	removeCollaborator
} from './ticket-edit';
