/**
 * The client portal as osTicket 1.18 shows it, on the sandbox's help desk:
 * the header (include/client/header.inc.php), the nav (include/class.nav.php,
 * UserNav), Support Center Home (index.php with templates/sidebar.tmpl.php),
 * Sign Out (logout.php lands on the home page), Sign In by e-mail
 * (login.inc.php) and guest access by e-mail and ticket number
 * (accesslink.inc.php, refused in login.php's words), and the Mailbox beside
 * the portal, which is Deskdrill's.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './lab-helpers';

test.use({ serviceWorkers: 'block' });

test.beforeEach(async ({ page }) => {
	await page.goto('/sandbox');
	await expect(page.getByRole('button', { name: 'Karen (End user)' })).toBeVisible({
		timeout: 15_000
	});
	await page.getByRole('button', { name: 'Karen (End user)' }).click();
});

const portalNav = (page: Page) => page.getByRole('navigation', { name: 'Support Center' });
const header = (page: Page) => page.locator('.ost-header .who');

async function openTicket(page: Page, subject: string) {
	await page.getByRole('button', { name: 'Open a New Ticket' }).click();
	await page.getByLabel('Help Topic', { exact: true }).selectOption({ label: 'General Inquiry' });
	await page.getByLabel('Issue Summary').fill(subject);
	await page.getByLabel('Issue Details').fill('Since this morning.');
	await page.getByRole('button', { name: 'Create Ticket' }).click();
	const heading = page.getByRole('heading', { name: /^Ticket #\d{6} created$/ });
	await expect(heading).toBeVisible();
	return /#(\d{6})/.exec((await heading.textContent()) ?? '')?.[1] as string;
}

async function noHorizontalOverflow(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

test('header, nav and Support Center Home are osTicket’s', async ({ page }) => {
	// Signed in: "Name | Tickets (n) - Sign Out" (Profile is absent: Deskdrill has none).
	await expect(header(page)).toHaveText(/^Karen Karen\s*\|\s*Tickets \(0\)\s*-\s*Sign Out$/);
	await expect(portalNav(page).getByRole('button')).toHaveText([
		'Support Center Home',
		'Open a New Ticket',
		'Check Ticket Status'
	]);
	await expect(
		portalNav(page).getByRole('button', { name: 'Support Center Home' })
	).toHaveAttribute('aria-current', 'page');
	await expect(
		page.getByRole('heading', { name: 'Welcome to the Support Center', level: 2 })
	).toBeVisible();
	await expect(
		page.getByText('A valid email address is required to submit a ticket.')
	).toBeVisible();

	// The front page's two buttons (sidebar.tmpl.php) work.
	const sidebar = page.getByRole('navigation', { name: 'Get help' });
	await expect(sidebar.getByRole('link')).toHaveText(['Open a New Ticket', 'Check Ticket Status']);
	await sidebar.getByRole('link', { name: 'Open a New Ticket' }).click();
	await expect(page.getByRole('heading', { name: 'Open a New Ticket' })).toBeFocused();
	await expect(portalNav(page).getByRole('button', { name: 'Open a New Ticket' })).toHaveAttribute(
		'aria-current',
		'page'
	);

	// "Tickets (n)" counts her tickets and opens the list.
	const number = await openTicket(page, 'Printer jam on floor 2');
	await expect(header(page)).toContainText('Tickets (1)');
	await header(page).getByRole('button', { name: 'Tickets (1)' }).click();
	await expect(page.getByRole('heading', { name: 'Tickets', exact: true })).toBeFocused();
	await expect(page.getByRole('row', { name: new RegExp(`#${number}`) })).toContainText(
		'Printer jam on floor 2'
	);
	await expect(page.getByText('Showing 1 - 1 of 1 Open Tickets')).toBeVisible();

	await page.getByRole('button', { name: 'Support Center Home' }).click();
	await page
		.getByRole('navigation', { name: 'Get help' })
		.getByRole('link', { name: 'Check Ticket Status' })
		.click();
	await expect(page.getByRole('heading', { name: 'Tickets', exact: true })).toBeVisible();
	await expectAccessible(page);
});

test('Sign Out, then Check Ticket Status by e-mail and ticket number: a wrong pair is refused, the right one opens the ticket', async ({
	page
}) => {
	const number = await openTicket(page, 'Badge does not open the door');
	await header(page).getByRole('button', { name: 'Sign Out' }).click();
	// logout.php lands on the Support Center Home, now as a guest.
	await expect(header(page)).toHaveText(/^Guest User\s*\|\s*Sign In$/);
	await expect(page.getByRole('heading', { name: 'Welcome to the Support Center' })).toBeFocused();

	await portalNav(page).getByRole('button', { name: 'Check Ticket Status' }).click();
	const access = page.getByRole('form', { name: 'Check Ticket Status' });
	await expect(
		page.getByText('Please provide your email address and a ticket number.')
	).toBeVisible();
	await expectAccessible(page);

	// A wrong pair: osTicket's words, nothing opened.
	await access.getByLabel('Email Address').fill('karen@osTicket.com');
	await access.getByLabel('Ticket Number').fill('000000');
	await access.getByRole('button', { name: 'View Ticket' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Invalid email or ticket number - Please try again!'
	);
	await expect(access.getByLabel('Email Address')).toBeFocused();
	await expect(access.getByLabel('Ticket Number')).toHaveAttribute('aria-invalid', 'true');
	// Not an address at all.
	await access.getByLabel('Email Address').fill('karen');
	await access.getByLabel('Ticket Number').fill(number);
	await access.getByRole('button', { name: 'View Ticket' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Valid email address and ticket number required'
	);

	// The right pair: the ticket, as a guest.
	await access.getByLabel('Email Address').fill('KAREN@osticket.com');
	await access.getByRole('button', { name: 'View Ticket' }).click();
	await expect(
		page.getByRole('heading', {
			name: new RegExp(`Badge does not open the door Ticket #${number}`)
		})
	).toBeFocused();
	await expect(header(page)).toHaveText(/^Guest User\s*\|\s*Sign Out$/);
	await expect(
		page
			.getByRole('table', { name: 'Basic Ticket Information' })
			.getByRole('row', { name: /Ticket Status:\s*Open/ })
	).toBeVisible();
	// A guest may reply too.
	await page.getByLabel('Reply', { exact: true }).fill('It still beeps red.');
	await page.getByRole('button', { name: 'Post Reply' }).click();
	await expect(page.getByRole('status')).toContainText('Your reply was posted');
	await expect(page.getByRole('list', { name: 'Ticket thread' })).toContainText(
		'It still beeps red.'
	);

	// "Looking for your other tickets? Sign In": the sign-in page, with her address.
	await expect(page.getByText('Looking for your other tickets?')).toBeVisible();
	await page.locator('.msg-info').getByRole('button', { name: 'Sign In' }).click();
	const signIn = page.getByRole('form', { name: 'Sign In' });
	await expect(signIn.getByLabel('Email or Username')).toHaveValue('karen@osTicket.com');
	await signIn.getByRole('button', { name: 'Sign In' }).click();
	await expect(page.getByRole('heading', { name: 'Tickets', exact: true })).toBeVisible();
	await expect(header(page)).toHaveText(/^Karen Karen\s*\|\s*Tickets \(1\)\s*-\s*Sign Out$/);
});

test('Sign In by e-mail: her own address signs her in, others are refused or explained', async ({
	page
}) => {
	await header(page).getByRole('button', { name: 'Sign Out' }).click();
	await header(page).getByRole('button', { name: 'Sign In' }).click();
	await expect(page.getByRole('heading', { name: 'Sign In', level: 2 })).toBeFocused();
	const form = page.getByRole('form', { name: 'Sign In' });
	await expectAccessible(page);

	await form.getByRole('button', { name: 'Sign In' }).click();
	await expect(page.getByRole('alert')).toHaveText('Valid username or email address is required');
	await form.getByLabel('Email or Username').fill('someone@example.com');
	await form.getByRole('button', { name: 'Sign In' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Invalid username or password - Please try again!'
	);
	await form.getByLabel('Email or Username').fill('ken@osTicket.com');
	await form.getByRole('button', { name: 'Sign In' }).click();
	await expect(page.getByRole('alert')).toContainText("Ken Ledger's address");
	await expect(header(page)).toHaveText(/^Guest User/);

	await form.getByLabel('Email or Username').fill('karen@osTicket.com');
	await form.getByRole('button', { name: 'Sign In' }).click();
	// login.php sends a signed-in user to tickets.php.
	await expect(page.getByRole('heading', { name: 'Tickets', exact: true })).toBeVisible();
	await expect(header(page)).toHaveText(/^Karen Karen/);
});

test('signed out, Open a New Ticket asks for the contact information; the state outlives a persona switch', async ({
	page
}) => {
	await header(page).getByRole('button', { name: 'Sign Out' }).click();
	await portalNav(page).getByRole('button', { name: 'Open a New Ticket' }).click();
	const form = page.getByRole('form', { name: 'Open a New Ticket' });
	await expect(form.getByText('Contact Information')).toBeVisible();
	await form.getByLabel('Email Address').fill('karen@osTicket.com');
	await form.getByLabel('Full Name').fill('Karen Karen');
	await form.getByLabel('Help Topic', { exact: true }).selectOption({ label: 'General Inquiry' });
	await form.getByLabel('Issue Summary').fill('Monitor flickers');
	await form.getByLabel('Issue Details').fill('Every few seconds.');
	await form.getByRole('button', { name: 'Create Ticket' }).click();
	await expect(page.getByRole('status')).toHaveText('Support ticket request created');
	await expect(page.getByText('Thank you for contacting us.')).toBeVisible();
	// A guest is not signed in, so there is no ticket to view from here.
	await expect(page.getByRole('button', { name: /^View Ticket/ })).toHaveCount(0);

	// Ken is signed in as ever; Karen is still signed out when she comes back.
	await page.getByRole('button', { name: 'Ken (End user)' }).click();
	await expect(header(page)).toHaveText(/^Ken Ledger\s*\|\s*Tickets \(0\)/);
	await page.getByRole('button', { name: 'Karen (End user)' }).click();
	await expect(header(page)).toHaveText(/^Guest User\s*\|\s*Sign In$/);
});

test('the Mailbox sits beside the portal, outside its chrome', async ({ page }) => {
	const screens = page.getByRole('group', { name: "Karen's screen" });
	await expect(screens.getByRole('button')).toHaveText(['Support Center', 'Mailbox (0)']);
	await expect(screens.getByRole('button', { name: 'Support Center' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await openTicket(page, 'VPN drops every hour');
	await screens.getByRole('button', { name: 'Mailbox (1)' }).click();
	await expect(portalNav(page)).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Mailbox' })).toBeVisible();
	await screens.getByRole('button', { name: 'Support Center' }).click();
	await expect(portalNav(page)).toBeVisible();
});

for (const size of [
	{ width: 1366, height: 768 },
	{ width: 390, height: 844 }
]) {
	test(`no horizontal overflow in the portal at ${size.width}×${size.height}`, async ({ page }) => {
		await page.setViewportSize(size);
		await noHorizontalOverflow(page);
		const number = await openTicket(page, 'A rather long subject about the printer on floor two');
		await page.getByRole('button', { name: `View Ticket #${number}` }).click();
		await noHorizontalOverflow(page);
		await portalNav(page).getByRole('button', { name: 'Check Ticket Status' }).click();
		await noHorizontalOverflow(page);
		await header(page).getByRole('button', { name: 'Sign Out' }).click();
		await portalNav(page).getByRole('button', { name: 'Check Ticket Status' }).click();
		await noHorizontalOverflow(page);
	});
}
