/**
 * The Admin Panel's navigation and settings, on the sandbox's help desk, as
 * osTicket 1.18 has them: AdminNav's tabs and sub-menus (include/class.nav.php;
 * Dashboard and Emails are absent, having nothing behind them here), every
 * present item opening a working page, the header (include/staff/header.inc.php:
 * "Welcome, Ada."), and Settings → Tickets and System changing what the help
 * desk does (settings.update: auto_claim_tickets, ticket_autoresponder,
 * schedule_id…), with refusals that name the field.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './lab-helpers';

test.use({ serviceWorkers: 'block' });

test.beforeEach(async ({ page }) => {
	await page.goto('/sandbox');
	await expect(page.getByRole('button', { name: 'Admin (Admin)' })).toBeVisible({
		timeout: 15_000
	});
	await page.getByRole('button', { name: 'Admin (Admin)' }).click();
});

const tabs = (page: Page) => page.getByRole('navigation', { name: 'Admin Panel' });
const pages = (page: Page, tab: string) => page.getByRole('navigation', { name: `${tab} pages` });

async function open(page: Page, tab: string, item: string) {
	await tabs(page).getByRole('button', { name: tab, exact: true }).click();
	await pages(page, tab).getByRole('button', { name: item, exact: true }).click();
}

test("the admin nav has osTicket's tabs and sub-menus, and every item opens a working page", async ({
	page
}) => {
	await expect(page.locator('.scp-info')).toHaveText('Welcome, Ada. | Agent Panel');
	await expect(tabs(page).getByRole('button')).toHaveText(['Settings', 'Manage', 'Agents']);
	// The panel opens on Agents → Agents.
	await expect(tabs(page).getByRole('button', { name: 'Agents' })).toHaveAttribute(
		'aria-current',
		'true'
	);
	await expect(page.getByRole('heading', { name: 'Agents', level: 3 })).toBeVisible();

	const expected: [string, string, string, string | null][] = [
		['Settings', 'System', 'System Settings', null],
		['Settings', 'Tickets', 'Ticket Settings and Options', null],
		['Manage', 'Help Topics', 'Help Topics', 'Business Critical Outage'],
		['Manage', 'SLA', 'Service Level Agreements', 'SEV-A'],
		['Agents', 'Agents', 'Agents', 'John Smith'],
		['Agents', 'Teams', 'Teams', 'Online Banking Team'],
		['Agents', 'Roles', 'Roles', 'View only'],
		['Agents', 'Departments', 'Departments', 'SysAdmins']
	];
	for (const tab of ['Settings', 'Manage', 'Agents']) {
		await tabs(page).getByRole('button', { name: tab, exact: true }).click();
		await expect(pages(page, tab).getByRole('button')).toHaveText(
			expected.filter(([t]) => t === tab).map(([, item]) => item)
		);
	}
	for (const [tab, item, heading, row] of expected) {
		await open(page, tab, item);
		await expect(pages(page, tab).getByRole('button', { name: item, exact: true })).toHaveAttribute(
			'aria-current',
			'page'
		);
		await expect(page.getByRole('heading', { name: heading, level: 3 })).toBeFocused();
		if (row) {
			// A list page: its rows are there and each opens its form.
			await page.getByRole('button', { name: row, exact: true }).click();
			await expect(page.getByRole('button', { name: 'Save Changes' })).toBeVisible();
		} else await expect(page.getByRole('button', { name: 'Save Changes' })).toBeVisible();
	}
});

test('Settings → Tickets: turning the New Ticket autoresponse off leaves Karen’s mailbox empty', async ({
	page
}) => {
	await open(page, 'Settings', 'Tickets');
	// The sandbox's desk has it on (a fresh osTicket has it off).
	await page.getByRole('tab', { name: 'Autoresponder' }).click();
	const autoresponse = page.getByLabel('New Ticket:');
	await expect(autoresponse).toBeChecked();
	await autoresponse.uncheck();
	await page.getByRole('tab', { name: 'Settings' }).click();
	await expect(page.getByLabel('Claim on Response:')).toBeChecked();
	await page.getByLabel('Default SLA:').selectOption({ label: 'SEV-B' });
	await page.getByRole('button', { name: 'Save Changes' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Successfully updated Ticket Settings and Options.'
	);
	await expectAccessible(page);

	// Saved in the world: the page reads it back, and saving again changes nothing.
	await open(page, 'Manage', 'Help Topics');
	await open(page, 'Settings', 'Tickets');
	await expect(page.getByLabel('Default SLA:')).toHaveValue('sev-b');
	await page.getByRole('tab', { name: 'Autoresponder' }).click();
	await expect(page.getByLabel('New Ticket:')).not.toBeChecked();
	await page.getByRole('button', { name: 'Save Changes' }).click();
	await expect(page.getByRole('alert')).toContainText('Nothing changed');

	// Karen opens a ticket: no autoresponse in her mailbox.
	await page.getByRole('button', { name: 'Karen (End user)' }).click();
	await page.getByRole('button', { name: 'Open a New Ticket' }).click();
	await page.getByLabel('Help Topic', { exact: true }).selectOption({ label: 'General Inquiry' });
	await page.getByLabel('Issue Summary').fill('Printer jam');
	await page.getByLabel('Issue Details').fill('Tray 2.');
	await page.getByRole('button', { name: 'Create Ticket' }).click();
	await expect(page.getByRole('heading', { name: /^Ticket #\d{6} created$/ })).toBeVisible();
	await expect(page.getByRole('button', { name: /^Mailbox/ })).toHaveText('Mailbox (0)');
});

test('Settings → System: a default schedule without working days is refused, naming the field', async ({
	page
}) => {
	await open(page, 'Settings', 'System');
	await expect(page.getByLabel('Default Time Zone:')).toHaveValue('UTC');
	const schedule = page.getByLabel('Default Schedule:');
	await schedule.selectOption({ label: 'Business hours' });
	for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])
		await page.getByLabel(day, { exact: true }).uncheck();
	await page.getByRole('button', { name: 'Save Changes' }).click();
	await expect(page.getByRole('alert')).toContainText('Default Schedule');
	await expect(page.getByRole('alert')).toContainText('at least one working day');
	await expect(schedule).toBeFocused();
	await expect(schedule).toHaveAttribute('aria-invalid', 'true');

	await page.getByLabel('Monday', { exact: true }).check();
	await page.getByLabel('Default Time Zone:').selectOption('America/New_York');
	await page.getByRole('button', { name: 'Save Changes' }).click();
	await expect(page.getByRole('status')).toHaveText('Successfully updated System Settings.');
	await expect(page.getByLabel('Default Time Zone:')).toHaveValue('America/New_York');
	await expectAccessible(page);
});

for (const size of [
	{ width: 1366, height: 768 },
	{ width: 390, height: 844 }
]) {
	test(`no horizontal overflow in the admin panel at ${size.width}×${size.height}`, async ({
		page
	}) => {
		await page.setViewportSize(size);
		const check = async () =>
			expect(
				await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				)
			).toBeLessThanOrEqual(0);
		await check();
		for (const [tab, item] of [
			['Agents', 'Departments'],
			['Manage', 'Help Topics'],
			['Manage', 'SLA'],
			['Settings', 'Tickets'],
			['Settings', 'System']
		] as const) {
			await open(page, tab, item);
			await check();
		}
		await open(page, 'Agents', 'Departments');
		await page.getByRole('button', { name: 'SysAdmins', exact: true }).click();
		await check();
	});
}

test('an administrator is an agent too: Agent Panel and Admin Panel switch as one person', async ({
	page
}) => {
	// include/staff/header.inc.php: the Admin Panel offers "Agent Panel", the Agent Panel
	// offers an administrator "Admin Panel".
	await page.getByRole('button', { name: 'Agent Panel' }).click();
	await expect(page.getByRole('navigation', { name: 'Agent Panel' })).toBeVisible();
	await page.getByRole('button', { name: 'Admin Panel' }).click();
	await expect(page.locator('.scp-info')).toHaveText('Welcome, Ada. | Agent Panel');
});
