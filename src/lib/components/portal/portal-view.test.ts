/**
 * Where the portal goes, as osTicket's client pages send a user: Check Ticket
 * Status is tickets.php when signed in, the guest's ticket, or view.php's form
 * when signed out (class.nav.php, UserNav); logout.php lands on index.php;
 * login.php sends a signed-in user to tickets.php and a guest to the ticket.
 */
import { describe, expect, it } from 'vitest';
import { HelpDesk, readWorld, type EndUser } from '$lib/domain';
import { seedWorld } from '../../../../tests/fixtures/helpdesk';
import { PortalView } from './portal-view.svelte';

function setup() {
	const d = new HelpDesk(seedWorld());
	const opened = d.run(
		{ role: 'end-user', id: 'karen' },
		{ type: 'ticket.open', topicId: 'general', subject: 'Printer jam', details: 'Tray 2.' }
	);
	if (!opened.ok) throw new Error(opened.error.message);
	const r = readWorld(d.world);
	const karen = r.get('users', 'karen') as EndUser;
	const ticket = r.get('tickets', opened.subjectId);
	return { r, karen, id: ticket?.id ?? '', number: ticket?.number ?? '' };
}

describe('PortalView', () => {
	it('starts signed in on Support Center Home', () => {
		const view = new PortalView();
		expect([view.page, view.current, view.signedIn, view.known]).toEqual([
			'home',
			'home',
			true,
			true
		]);
		view.status();
		expect(view.page).toBe('tickets');
		expect(view.current).toBe('status');
	});

	it('signs out to the home page; Check Ticket Status then asks for e-mail and ticket number', () => {
		const view = new PortalView();
		view.newTicket();
		view.draft.subject = 'half-typed';
		view.signOut();
		expect([view.page, view.signedIn, view.known, view.draft.subject]).toEqual([
			'home',
			false,
			false,
			''
		]);
		view.status();
		expect(view.page).toBe('access');
	});

	it('lets a guest in on the right pair only, and sends Check Ticket Status to that ticket', () => {
		const { r, karen, id, number } = setup();
		const view = new PortalView();
		view.signOut();
		view.status();
		view.accessEmail = 'karen@osTicket.com';
		view.accessNumber = '999999';
		expect(view.access(r, karen)).toBe(false);
		expect(view.refusal).toBe('Invalid email or ticket number - Please try again!');
		expect(view.page).toBe('access');
		view.accessNumber = number;
		expect(view.access(r, karen)).toBe(true);
		expect([view.page, view.ticketId, view.refusal, view.known, view.signedIn]).toEqual([
			'ticket',
			id,
			null,
			true,
			false
		]);
		view.home();
		view.status();
		expect([view.page, view.ticketId]).toEqual(['ticket', id]);
	});

	it('signs in by e-mail and shows the tickets', () => {
		const { r, karen } = setup();
		const view = new PortalView();
		view.signOut();
		view.showSignIn('karen@osticket.com');
		expect(view.signIn(r, karen)).toBe(true);
		expect([view.page, view.signedIn, view.signInEmail]).toEqual(['tickets', true, '']);
	});

	it('opens a fresh form each time Open a New Ticket is chosen', () => {
		const view = new PortalView();
		view.newTicket();
		const key = view.formKey;
		view.draft.subject = 'typed';
		view.newTicket();
		expect(view.formKey).toBe(key + 1);
		expect(view.draft.subject).toBe('');
	});
});
