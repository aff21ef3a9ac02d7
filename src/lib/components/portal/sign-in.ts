/**
 * The client portal's two ways in, as osTicket's login.php decides them:
 * sign in by e-mail (login.inc.php) and a ticket's guest access by e-mail and
 * ticket number (accesslink.inc.php, "Check Ticket Status"). Refusals use
 * osTicket's words. Deskdrill's one difference: the trainee plays one end
 * user, so another user's address is explained rather than let in.
 * Nothing here changes the world: who is signed in is the portal's view state.
 */
import { userTickets, type EndUser, type Reader, type Ticket } from '$lib/domain';

export type SignInOutcome = { ok: true } | { ok: false; message: string };
export type AccessOutcome = { ok: true; ticketId: string } | { ok: false; message: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Another end user of this help desk with that address, if any. */
function otherUser(r: Reader, me: EndUser, email: string): EndUser | undefined {
	return r.all('users').find((u) => u.id !== me.id && same(u.email, email));
}

function playing(me: EndUser, other: EndUser): string {
	return `${other.email} is ${other.name}'s address, and you are playing ${me.name}: switch persona to sign in as ${other.name}.`;
}

/** Sign in with "Email or Username" (login.php: luser). */
export function signIn(r: Reader, me: EndUser, email: string): SignInOutcome {
	if (!email.trim()) return { ok: false, message: 'Valid username or email address is required' };
	if (same(email, me.email)) return { ok: true };
	const other = otherUser(r, me, email);
	if (other) return { ok: false, message: playing(me, other) };
	return { ok: false, message: 'Invalid username or password - Please try again!' };
}

/**
 * Guest access to one ticket (login.php: lemail + lticket): the number must be
 * a ticket's, and the address its owner's or a collaborator's
 * (Ticket::lookupByNumber($number, $email)).
 */
export function accessTicket(r: Reader, me: EndUser, email: string, number: string): AccessOutcome {
	const wanted = number.trim().replace(/^#/, '');
	if (!EMAIL.test(email.trim()) || !wanted)
		return { ok: false, message: 'Valid email address and ticket number required' };
	const ticket: Ticket | undefined = r.all('tickets').find((t) => t.number === wanted);
	const people = ticket ? [ticket.userId, ...ticket.collaborators] : [];
	const holder = people
		.map((id) => r.get('users', id))
		.find((u): u is EndUser => !!u && same(u.email, email));
	if (!ticket || !holder)
		return { ok: false, message: 'Invalid email or ticket number - Please try again!' };
	if (holder.id !== me.id) return { ok: false, message: playing(me, holder) };
	return { ok: true, ticketId: ticket.id };
}

/** "Tickets (n)" in the header: every ticket the user sees in the portal, open and closed (Client::getNumTickets). */
export function ticketCount(r: Reader, userId: string): number {
	return userTickets(r, userId, 'open').length + userTickets(r, userId, 'closed').length;
}
