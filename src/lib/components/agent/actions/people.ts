/**
 * The end users Change Owner and Manage Collaborators offer, by name. Who may
 * be added is the domain's call (it refuses the owner or a second entry);
 * this only leaves out the choices that would certainly be refused.
 */
import type { EndUser as User, Reader, Ticket } from '$lib/domain';

export function usersByName(r: Reader): User[] {
	return r.all('users').sort((a, b) => a.name.localeCompare(b.name));
}

/** Users who are neither the ticket's owner nor already collaborators. */
export function collaboratorCandidates(r: Reader, ticket: Ticket): User[] {
	return usersByName(r).filter(
		(u) => u.id !== ticket.userId && !ticket.collaborators.includes(u.id)
	);
}

/** "Karen Karen <karen@osTicket.com>" */
export function userOption(user: User): string {
	return `${user.name} <${user.email}>`;
}
