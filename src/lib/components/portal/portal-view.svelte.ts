/**
 * Where one end-user persona is in the client portal: the page (osTicket's
 * index.php, open.php, tickets.php, login.php, view.php), who is signed in
 * (the user, a guest on one ticket, or nobody), whether the Mailbox is shown
 * instead of the portal, and unsent input. Pure view state, no ticket rule:
 * commands go to the domain through `desk.run`, sign-in rules are sign-in.ts's.
 *
 * PanelFrame re-mounts the panel on every persona switch, so the state lives
 * in a WeakMap keyed by the DeskState (one per lab attempt) and persona id:
 * a persona who signed out is still signed out when the trainee comes back.
 */
import type { EndUser, Reader } from '$lib/domain';
import type { DeskState } from '$lib/state/desk.svelte';
import { accessTicket, signIn } from './sign-in';

/** The portal's pages: Support Center Home, Open a New Ticket, the tickets list, one ticket, Sign In, Check Ticket Status (guest access). */
export type PortalPage = 'home' | 'new' | 'tickets' | 'ticket' | 'sign-in' | 'access';

/** Who the portal serves: the persona signed in, a guest on one ticket (access link), or nobody. */
export type Session =
	{ kind: 'user' } | { kind: 'guest'; ticketId: string } | { kind: 'signed-out' };

/** The persona's screen: the help desk's portal, or their own e-mail inbox (outside osTicket). */
export type Screen = 'portal' | 'mailbox';

/** The three links of the portal's nav bar (include/class.nav.php, UserNav). */
export type NavItem = 'home' | 'new' | 'status';

export interface NewTicketDraft {
	email: string;
	name: string;
	topicId: string;
	subject: string;
	details: string;
}

export function blankTicket(): NewTicketDraft {
	return { email: '', name: '', topicId: '', subject: '', details: '' };
}

export class PortalView {
	page = $state<PortalPage>('home');
	screen = $state<Screen>('portal');
	session = $state<Session>({ kind: 'user' });
	ticketId = $state<string | null>(null);
	/** Open or Closed on the tickets list. */
	ticketsTab = $state('open');
	mailId = $state<string | null>(null);
	/** Bumped for a fresh "Open a New Ticket" form. */
	formKey = $state(0);
	draft = $state<NewTicketDraft>(blankTicket());
	/** Unsent replies, by ticket. */
	replies = $state<Record<string, string>>({});
	/** What the Sign In and Check Ticket Status forms hold, and their last refusal. */
	signInEmail = $state('');
	accessEmail = $state('');
	accessNumber = $state('');
	refusal = $state<string | null>(null);

	get signedIn(): boolean {
		return this.session.kind === 'user';
	}

	/** Signed in or a guest on a ticket: osTicket knows who it is ($thisclient), so forms need not ask. */
	get known(): boolean {
		return this.session.kind !== 'signed-out';
	}

	/** The nav item shown as current (login.php and view.php mark "status" active, as osTicket does). */
	get current(): NavItem {
		if (this.page === 'home') return 'home';
		if (this.page === 'new') return 'new';
		return 'status';
	}

	#show(page: PortalPage): void {
		this.screen = 'portal';
		this.page = page;
		this.refusal = null;
	}

	home(): void {
		this.#show('home');
	}

	/** Open a New Ticket: always a fresh form, as open.php is. */
	newTicket(): void {
		this.draft = blankTicket();
		this.formKey++;
		this.#show('new');
	}

	/**
	 * Check Ticket Status: the user's tickets (tickets.php), a guest's one ticket,
	 * or, signed out, the e-mail and ticket number form (view.php).
	 */
	status(): void {
		if (this.session.kind === 'user') this.#show('tickets');
		else if (this.session.kind === 'guest') this.viewTicket(this.session.ticketId);
		else this.#show('access');
	}

	viewTicket(ticketId: string): void {
		this.ticketId = ticketId;
		this.#show('ticket');
	}

	/** The header's "Sign In" (login.php?e=…: the address of the last guest, if any). */
	showSignIn(email = ''): void {
		if (email) this.signInEmail = email;
		this.#show('sign-in');
	}

	/** logout.php: the session ends and osTicket lands on the Support Center Home page. */
	signOut(): void {
		this.session = { kind: 'signed-out' };
		this.ticketId = null;
		this.draft = blankTicket();
		this.formKey++;
		this.#show('home');
	}

	/** login.php with luser: on success, osTicket shows the user's tickets. */
	signIn(r: Reader, me: EndUser): boolean {
		const outcome = signIn(r, me, this.signInEmail);
		if (!outcome.ok) {
			this.refusal = outcome.message;
			return false;
		}
		this.session = { kind: 'user' };
		this.signInEmail = '';
		this.#show('tickets');
		return true;
	}

	/** login.php with lemail + lticket: on success, the guest sees that ticket. */
	access(r: Reader, me: EndUser): boolean {
		const outcome = accessTicket(r, me, this.accessEmail, this.accessNumber);
		if (!outcome.ok) {
			this.refusal = outcome.message;
			return false;
		}
		this.session = { kind: 'guest', ticketId: outcome.ticketId };
		this.accessNumber = '';
		this.viewTicket(outcome.ticketId);
		return true;
	}

	showMailbox(): void {
		this.screen = 'mailbox';
	}

	showPortal(): void {
		this.screen = 'portal';
	}
}

const views = new WeakMap<DeskState, Map<string, PortalView>>();

/** The portal's state for this persona of this lab attempt. */
export function portalViewFor(desk: DeskState, personaId: string): PortalView {
	let byPersona = views.get(desk);
	if (!byPersona) {
		// Not UI state: which view belongs to which persona never changes.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		byPersona = new Map();
		views.set(desk, byPersona);
	}
	let view = byPersona.get(personaId);
	if (!view) byPersona.set(personaId, (view = new PortalView()));
	return view;
}
