/**
 * The portal's ways in, as osTicket 1.18's login.php decides them (luser for
 * "Sign In", lemail + lticket for "Check Ticket Status"), with its words.
 */
import { describe, expect, it } from 'vitest';
import { HelpDesk, readWorld, type EndUser } from '$lib/domain';
import { seedWorld } from '../../../../tests/fixtures/helpdesk';
import { accessTicket, signIn, ticketCount } from './sign-in';

function desk() {
	const d = new HelpDesk(seedWorld());
	const opened = d.run(
		{ role: 'end-user', id: 'karen' },
		{ type: 'ticket.open', topicId: 'general', subject: 'Printer jam', details: 'Tray 2.' }
	);
	if (!opened.ok) throw new Error(opened.error.message);
	const r = readWorld(d.world);
	const ticket = r.get('tickets', opened.subjectId);
	const karen = r.get('users', 'karen') as EndUser;
	const ken = r.get('users', 'ken') as EndUser;
	return { d, r, number: ticket?.number ?? '', id: ticket?.id ?? '', karen, ken };
}

describe('Sign In (login.inc.php)', () => {
	it('lets the persona in by her own address, whatever its case', () => {
		const { r, karen } = desk();
		expect(signIn(r, karen, ' KAREN@osticket.com ')).toEqual({ ok: true });
	});

	it("refuses an empty or unknown address in osTicket's words", () => {
		const { r, karen } = desk();
		expect(signIn(r, karen, '')).toEqual({
			ok: false,
			message: 'Valid username or email address is required'
		});
		expect(signIn(r, karen, 'nobody@example.com')).toEqual({
			ok: false,
			message: 'Invalid username or password - Please try again!'
		});
	});

	it("explains another user's address instead of letting the persona in as them", () => {
		const { r, karen } = desk();
		const outcome = signIn(r, karen, 'ken@osTicket.com');
		expect(outcome.ok).toBe(false);
		expect(!outcome.ok && outcome.message).toMatch(/Ken Ledger's address.*playing Karen Karen/);
	});
});

describe('Check Ticket Status (accesslink.inc.php)', () => {
	it('opens the ticket for the right e-mail and ticket number', () => {
		const { r, karen, number, id } = desk();
		expect(accessTicket(r, karen, 'karen@osticket.com', number)).toEqual({
			ok: true,
			ticketId: id
		});
		expect(accessTicket(r, karen, 'karen@osticket.com', `#${number}`)).toEqual({
			ok: true,
			ticketId: id
		});
	});

	it("refuses a wrong pair and a malformed address in osTicket's words", () => {
		const { r, karen, ken, number } = desk();
		expect(accessTicket(r, karen, 'karen@osticket.com', '000000')).toEqual({
			ok: false,
			message: 'Invalid email or ticket number - Please try again!'
		});
		// Ken's address with Karen's ticket: not his ticket, so the pair is wrong.
		expect(accessTicket(r, ken, 'ken@osTicket.com', number)).toEqual({
			ok: false,
			message: 'Invalid email or ticket number - Please try again!'
		});
		expect(accessTicket(r, karen, 'karen', number)).toEqual({
			ok: false,
			message: 'Valid email address and ticket number required'
		});
	});

	it("explains a right pair that is another user's", () => {
		const { r, ken, number } = desk();
		const outcome = accessTicket(r, ken, 'karen@osTicket.com', number);
		expect(!outcome.ok && outcome.message).toMatch(/Karen Karen's address.*playing Ken Ledger/);
	});

	it('counts the user\'s tickets for "Tickets (n)"', () => {
		const { r } = desk();
		expect(ticketCount(r, 'karen')).toBe(1);
		expect(ticketCount(r, 'ken')).toBe(0);
	});
});
