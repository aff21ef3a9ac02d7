/**
 * The staff panel's chrome as osTicket 1.18 lays it out: the header
 * (include/staff/header.inc.php: "Welcome, John. | Agent Panel | Profile |
 * Log Out", "Admin Panel" for an administrator only), the top tabs
 * (include/class.nav.php: Users, Tickets), the User Directory and a user's
 * page (users.inc.php, user-view.inc.php, templates/tickets.tmpl.php), the
 * staff login after Log Out (login.tpl.php), and the queue table
 * (templates/queue-tickets.tmpl.php: sortable headings, 25 a page,
 * "Page: [1] 2", "Showing 1 - 25 of 31"), which must fit its box.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './lab-helpers';
import { startStaffLab } from './staff-lab';

const header = (page: Page) => page.getByRole('navigation', { name: 'Account' });
const tabs = (page: Page) => page.getByRole('navigation', { name: 'Agent Panel' });
const queueTable = (page: Page) => page.getByRole('region', { name: 'Open tickets' });

async function sandboxAs(page: Page, persona: 'John' | 'Jane') {
	await page.goto('/sandbox');
	await page.getByRole('button', { name: `${persona} (Agent)` }).click();
	await expect(page.getByRole('navigation', { name: 'Ticket queues' })).toBeVisible();
}

test('the header: Welcome, Agent Panel, Profile and Log Out, in that order; Profile shows access', async ({
	page
}) => {
	await sandboxAs(page, 'John');
	await expect(header(page)).toHaveText(
		/^Welcome, John\.\s*\|\s*Agent Panel\s*\|\s*Profile\s*\|\s*Log Out$/
	);
	// John is no administrator: no Admin Panel.
	await expect(page.getByRole('button', { name: 'Admin Panel' })).toHaveCount(0);
	// Only the tabs that work, in osTicket's order.
	await expect(tabs(page).getByRole('button')).toHaveText(['Users', 'Tickets']);
	await expect(tabs(page).getByRole('button', { name: 'Tickets' })).toHaveAttribute(
		'aria-current',
		'page'
	);

	await header(page).getByRole('button', { name: 'Profile' }).click();
	const profile = page.getByRole('region', { name: 'My Account Profile' });
	await expect(page.getByRole('heading', { name: 'My Account Profile' })).toBeFocused();
	await expect(profile).toContainText(/Name\s*John Smith/);
	await expect(profile).toContainText(/Email Address\s*john@osticket\.com/);
	await expect(profile).toContainText(/Primary Department\s*Support/);
	await expect(profile).toContainText(/Role\s*Expanded Access/);
	await expect(profile).toContainText('No access to other departments.');
	await expect(profile).toContainText('Not a member of any team.');
	// Under no tab, as osTicket's profile is under the (absent) Dashboard.
	await expect(tabs(page).locator('[aria-current]')).toHaveCount(0);
	await expectAccessible(page);

	// "Agent Panel" takes him back to the queues.
	await header(page).getByRole('button', { name: 'Agent Panel' }).click();
	await expect(page.getByRole('heading', { name: 'Open', exact: true })).toBeFocused();

	// Jane leads the Online Banking Team.
	await page.getByRole('button', { name: 'Jane (Agent)' }).click();
	await header(page).getByRole('button', { name: 'Profile' }).click();
	await expect(page.getByRole('region', { name: 'My Account Profile' })).toContainText(
		'Online Banking Team (lead)'
	);
});

test('Log Out shows the staff login; signing in as an agent is a persona switch', async ({
	page
}) => {
	await sandboxAs(page, 'John');
	await header(page).getByRole('button', { name: 'Log Out' }).click();
	await expect(page.getByRole('heading', { name: 'Authentication Required' })).toBeFocused();
	await expect(page.getByRole('navigation', { name: 'Ticket queues' })).toHaveCount(0);
	await expectAccessible(page);

	// Only staff personas can sign in here.
	const who = page.getByLabel('Email or Username');
	await expect(who.locator('option')).toHaveText([
		'John (john)',
		'Jane (jane.doe)',
		'Admin (admin)'
	]);
	await who.selectOption({ label: 'Jane (jane.doe)' });
	await page.getByRole('button', { name: 'Log In' }).click();
	await expect(header(page)).toContainText('Welcome, Jane.');
	// The persona switcher follows.
	await expect(page.getByRole('button', { name: 'Jane (Agent)' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);

	// The persona switcher signs in too.
	await header(page).getByRole('button', { name: 'Log Out' }).click();
	await page.getByRole('button', { name: 'John (Agent)' }).click();
	await expect(header(page)).toContainText('Welcome, John.');

	// An administrator signs in to the Admin Panel.
	await header(page).getByRole('button', { name: 'Log Out' }).click();
	await page.getByLabel('Email or Username').selectOption({ label: 'Admin (admin)' });
	await page.getByRole('button', { name: 'Log In' }).click();
	await expect(page.getByRole('heading', { name: 'Admin Panel' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Admin (Admin)' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
});

test('Admin Panel is offered to an administrator only, and opens for the same person', async ({
	page
}) => {
	await startStaffLab(page, 'John Smith (Agent)');
	await expect(header(page)).toContainText('Welcome, John.');
	await expect(page.getByRole('button', { name: 'Admin Panel' })).toHaveCount(0);

	await page.getByRole('button', { name: 'Ada as agent (Agent)', exact: true }).click();
	await expect(header(page)).toHaveText(
		/^Welcome, Ada\.\s*\|\s*Admin Panel\s*\|\s*Profile\s*\|\s*Log Out$/
	);
	await header(page).getByRole('button', { name: 'Admin Panel' }).click();
	await expect(page.getByRole('heading', { name: 'Admin Panel' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Ticket queues' })).toHaveCount(0);
	// Still Ada: the same person, in the other panel.
	await expect(page.getByRole('button', { name: 'Ada as agent (Agent)' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);

	// The persona switcher brings a persona back to the panel it names.
	await page.getByRole('button', { name: 'John Smith (Agent)', exact: true }).click();
	await page.getByRole('button', { name: 'Ada as agent (Agent)', exact: true }).click();
	await expect(page.getByRole('navigation', { name: 'Ticket queues' })).toBeVisible();
});

test('Users: the directory, a user, and a ticket opened for them', async ({ page }) => {
	test.setTimeout(90_000); // two axe runs and a ticket
	await sandboxAs(page, 'John');
	await tabs(page).getByRole('button', { name: 'Users' }).click();
	await expect(page.getByRole('heading', { name: 'User Directory' })).toBeFocused();
	const users = page.getByRole('region', { name: 'Users' });
	await expect(users.getByRole('columnheader')).toHaveText([/Name/, /Email/, /Tickets/, /Created/]);
	await expect(users.getByRole('row')).toHaveCount(3);
	await expect(users.getByRole('row').nth(1)).toContainText(
		/Karen Karen\s*karen@osTicket\.com\s*0/
	);
	await expectAccessible(page);

	// Sort by Name, Z to A, by the heading (keyboard).
	const name = users.getByRole('columnheader', { name: /Name/ });
	await expect(name).toHaveAttribute('aria-sort', 'ascending');
	await name.getByRole('button').focus();
	await page.keyboard.press('Enter');
	await expect(name).toHaveAttribute('aria-sort', 'descending');
	await expect(users.getByRole('row').nth(1)).toContainText('Ken Ledger');

	// Search.
	await page.getByLabel('Search users').fill('karen@');
	await expect(users.getByRole('row')).toHaveCount(2);
	await expect(page.getByText('Search Results: 1 user')).toBeVisible();

	// Karen's page: no tickets yet; Create New Ticket opens the form with her chosen.
	await users.getByRole('button', { name: 'Karen Karen' }).click();
	await expect(page.getByRole('heading', { name: 'Karen Karen' })).toBeFocused();
	await expect(page.getByText('User does not have any tickets')).toBeVisible();
	await page.getByRole('button', { name: 'Create New Ticket' }).click();
	await expect(page.getByRole('heading', { name: 'Open a New Ticket' })).toBeFocused();
	await expect(page.getByLabel('User', { exact: true })).toHaveValue('karen');
	await expect(tabs(page).getByRole('button', { name: 'Tickets' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await page.getByLabel('Help Topic').selectOption({ label: 'General Inquiry' });
	await page.getByLabel('Issue Summary').fill('Called about her statements');
	await page.getByLabel('Issue Details').fill('Statements arrive late.');
	await page.getByRole('button', { name: 'Open', exact: true }).click();
	await expect(page.getByRole('status')).toContainText(/Ticket #\d{6} opened for Karen Karen/);
	const number = ((await page.getByRole('status').textContent()) ?? '').match(/#(\d{6})/)?.[1];

	// Back on her page, the ticket is listed and opens.
	await tabs(page).getByRole('button', { name: 'Users' }).click();
	await page.getByLabel('Search users').fill('');
	await expect(users.getByRole('row', { name: /Karen Karen/ })).toContainText(
		/karen@osTicket\.com\s*1/
	);
	await users.getByRole('button', { name: 'Karen Karen' }).click();
	await expect(page.getByText('Showing 1 - 1 of 1')).toBeVisible();
	const row = page.getByRole('row', { name: /Called about her statements/ });
	await expect(row).toContainText('Open');
	await expect(row).toContainText('Support');
	await expectAccessible(page);
	await row.getByRole('button', { name: `#${number}` }).click();
	await expect(page.getByRole('heading', { name: `Ticket #${number}` })).toBeFocused();
});

test('the queue table pages by 25 and sorts by a heading, by mouse and keyboard', async ({
	page
}) => {
	await startStaffLab(page);
	const table = queueTable(page);
	const pager = page.getByRole('navigation', { name: 'Open tickets: pages' });
	await expect(table.getByRole('columnheader')).toHaveText([
		/Ticket/,
		/Last Updated/,
		/Subject/,
		/From/,
		/Priority/,
		/Assigned To/
	]);
	await expect(table.locator('tbody tr')).toHaveCount(25);
	await expect(pager).toContainText(/Page:\s*\[1\]\s*2/);
	await expect(pager).toContainText('Showing 1 - 25 of 31');

	await pager.getByRole('button', { name: 'Page 2' }).click();
	await expect(table.locator('tbody tr')).toHaveCount(6);
	await expect(pager).toContainText('Showing 26 - 31 of 31');
	await expect(pager.locator('[aria-current="page"]')).toHaveText('[2]');

	// Subject, A to Z: back to the first page.
	const subject = table.getByRole('columnheader', { name: /Subject/ });
	await expect(subject).not.toHaveAttribute('aria-sort');
	await subject.getByRole('button').click();
	await expect(subject).toHaveAttribute('aria-sort', 'ascending');
	await expect(pager).toContainText('Showing 1 - 25 of 31');
	await expect(table.locator('tbody tr').first()).toContainText("CFO's laptop");
	await expect(table.locator('tbody tr').nth(1)).toContainText('Request 01');

	// Z to A by the keyboard.
	await subject.getByRole('button').focus();
	await page.keyboard.press('Enter');
	await expect(subject).toHaveAttribute('aria-sort', 'descending');
	await expect(table.locator('tbody tr').first()).toContainText('Request 30');
	await page
		.getByRole('navigation', { name: 'Open tickets: pages' })
		.getByRole('button', { name: 'Page 2' })
		.click();
	await expect(table.locator('tbody tr').last()).toContainText("CFO's laptop");

	// From: Karen before Ken.
	await table.getByRole('columnheader', { name: /From/ }).getByRole('button').click();
	await expect(table.locator('tbody tr').first()).toContainText('Karen Karen');
	await expectAccessible(page);
});

test('the queue table fits its box at 1366×768, and scrolls in its own box on a phone', async ({
	page
}) => {
	await page.setViewportSize({ width: 1366, height: 768 });
	await startStaffLab(page);
	const wrap = queueTable(page);
	const table = wrap.getByRole('table');
	await expect(table.locator('tbody tr')).toHaveCount(25);
	const box = await wrap.boundingBox();
	const tableBox = await table.boundingBox();
	expect(box && tableBox).toBeTruthy();
	expect(tableBox!.width).toBeLessThanOrEqual(box!.width + 0.5);
	expect(tableBox!.x + tableBox!.width).toBeLessThanOrEqual(box!.x + box!.width + 0.5);
	// Subjects stay on one line: every row is one line high.
	for (const row of await table.locator('tbody tr').all())
		expect((await row.boundingBox())!.height).toBeLessThan(40);
	const overflow = () =>
		page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
	expect(await overflow()).toBeLessThanOrEqual(0);

	await page.setViewportSize({ width: 390, height: 844 });
	await expect(table.locator('tbody tr')).toHaveCount(25);
	expect(await overflow()).toBeLessThanOrEqual(0);
	const scroll = await wrap.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
	expect(scroll.scroll).toBeGreaterThan(scroll.client);
});
