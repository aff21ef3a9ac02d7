/**
 * The End-user Portal and the Admin Panel against the sandbox's seed help desk:
 * the banking-outage intake (seed 000) as Karen, her mailbox and an e-mail
 * reply, Ken not seeing her ticket, the escalation lab's admin step (seed 004),
 * axe on both panels, and hostile user text staying text.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const SUBJECT = 'Entire mobile online banking is down';
const DETAILS =
	'Customers are reporting they are getting a 404 error when browsing to online banking';

async function playAs(page: Page, persona: string) {
	await page.getByRole('button', { name: persona }).click();
}

/** Open a New Ticket as the signed-in user: osTicket shows who it is from, the trainee fills the rest. */
async function openTicket(page: Page, subject: string, details: string, topic: string) {
	await page.getByRole('button', { name: 'Open a New Ticket' }).click();
	await page.getByLabel('Help Topic').selectOption({ label: topic });
	await page.getByLabel('Issue Summary').fill(subject);
	await page.getByLabel('Issue Details').fill(details);
	await page.getByRole('button', { name: 'Create Ticket' }).click();
	const heading = page.getByRole('heading', { name: /^Ticket #\d{6} created$/ });
	await expect(heading).toBeVisible();
	const number = /#(\d{6})/.exec((await heading.textContent()) ?? '')?.[1];
	expect(number).toBeTruthy();
	return number as string;
}

/** A page of the Admin Panel's Agents tab (Agents, Teams, Roles, Departments), from its sub-menu. */
async function agentsPage(page: Page, name: string) {
	await page
		.getByRole('navigation', { name: 'Agents pages' })
		.getByRole('button', { name, exact: true })
		.click();
}

async function seriousViolations(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

// The in-memory sandbox is rebuilt on every load; the app's service worker
// reloads the page when it first takes control, which would reset it mid-test.
test.use({ serviceWorkers: 'block' });

test.beforeEach(async ({ page }) => {
	await page.goto('/sandbox');
	await expect(page.getByRole('button', { name: 'Karen (End user)' })).toBeVisible({
		timeout: 15_000
	});
});

test('Karen opens the banking outage, finds it, reads the autoresponse and replies by e-mail; Ken does not see it', async ({
	page
}) => {
	await playAs(page, 'Karen (End user)');
	// Signed in, the form says who the ticket is from (open.inc.php: Email, Client).
	await page.getByRole('button', { name: 'Open a New Ticket' }).click();
	const form = page.getByRole('form', { name: 'Open a New Ticket' });
	await expect(form).toContainText('Email: karen@osTicket.com');
	await expect(form).toContainText('Client: Karen Karen');
	await expect(form.getByLabel('Email Address')).toHaveCount(0);
	// Private topics are not offered to end users.
	await expect(page.getByLabel('Help Topic').locator('option')).toHaveText([
		'— Select a Help Topic —',
		'Business Critical Outage',
		'General Inquiry'
	]);

	const number = await openTicket(page, SUBJECT, DETAILS, 'Business Critical Outage');

	// Check Ticket Status: in the Open tab.
	await page.getByRole('button', { name: /Check Ticket Status/ }).click();
	await expect(page.getByRole('tab', { name: /^Open/ })).toHaveAttribute('aria-selected', 'true');
	const row = page.getByRole('row', { name: new RegExp(`#${number}`) });
	await expect(row).toContainText(SUBJECT);
	await expect(row).toContainText('Open');
	await page.getByRole('tab', { name: /^Closed/ }).click();
	await expect(page.getByText('You have no closed tickets.')).toBeVisible();

	// The autoresponse in the Mailbox, read as text.
	await page.getByRole('button', { name: /^Mailbox/ }).click();
	await page
		.getByRole('button', { name: new RegExp(`Support Ticket Opened \\[#${number}\\]`) })
		.click();
	await expect(
		page.getByText(`A request for support has been created and assigned #${number}`)
	).toBeVisible();

	// Reply by e-mail: it lands in the ticket's thread.
	const reply = 'Still down for every customer as of 09:15.';
	await page.getByLabel('Reply', { exact: true }).fill(reply);
	await page.getByRole('button', { name: 'Send Reply' }).click();
	await expect(page.getByRole('status')).toContainText(`added to ticket #${number}`);
	await page.getByRole('button', { name: 'View Ticket' }).click();
	await expect(page.getByRole('heading', { name: new RegExp(`Ticket #${number}`) })).toBeVisible();
	const thread = page.getByRole('list', { name: 'Ticket thread' });
	await expect(thread).toContainText(DETAILS);
	await expect(thread).toContainText(reply);

	// A portal reply is refused when empty, with the field named.
	await page.getByRole('button', { name: 'Post Reply' }).click();
	await expect(page.getByRole('alert')).toContainText('reply is required');
	await expect(page.getByLabel('Reply', { exact: true })).toHaveAttribute('aria-invalid', 'true');

	// Ken sees none of Karen's tickets.
	await playAs(page, 'Ken (End user)');
	await page.getByRole('button', { name: /Check Ticket Status/ }).click();
	await expect(page.getByText('You have no open tickets.')).toBeVisible();
	await expect(page.getByText(SUBJECT)).toHaveCount(0);
	await page.getByRole('button', { name: /^Mailbox/ }).click();
	await expect(page.getByText('Your mailbox is empty.')).toBeVisible();
});

test('Admin grants John View only access to SysAdmins (escalation lab)', async ({ page }) => {
	await playAs(page, 'Admin (Admin)');
	await page.getByRole('button', { name: 'John Smith' }).click();
	await expect(page.getByRole('heading', { name: 'Agent: John Smith' })).toBeFocused();
	await expect(page.getByLabel('First Name')).toHaveValue('John');
	await expect(page.getByLabel('Username')).toHaveValue('john');

	await page.getByRole('tab', { name: 'Access' }).click();
	await expect(page.getByLabel('Primary Department')).toHaveValue('support');
	await expect(page.getByLabel('Role', { exact: true })).toHaveValue('expanded-access');
	await expect(page.getByText('No extended access')).toBeVisible();
	await page.getByLabel('Extended access department').selectOption({ label: 'SysAdmins' });
	await page.getByLabel('Extended access role').selectOption({ label: 'View only' });
	await page.getByRole('button', { name: 'Add Access' }).click();
	await page.getByRole('button', { name: 'Save Changes' }).click();
	await expect(page.getByRole('status')).toContainText(
		'John Smith saved: granted View only access to SysAdmins.'
	);

	// The world has it: the form reloads from the world, and so does the agents list.
	await expect(page.getByLabel('Role in SysAdmins')).toHaveValue('view-only');
	const john = page.getByRole('row', { name: /John Smith/ });
	await expect(john).toContainText('SysAdmins (View only)');

	// Saving again with nothing changed: the domain says so.
	await page.getByRole('button', { name: 'Save Changes' }).click();
	await expect(page.getByRole('alert')).toContainText('Nothing changed');
});

test("the department's Access tab grants John View only in SysAdmins, as the agent's own tab shows", async ({
	page
}) => {
	await playAs(page, 'Admin (Admin)');
	await page.getByRole('button', { name: 'Departments', exact: true }).click();
	await page.getByRole('button', { name: 'SysAdmins', exact: true }).click();
	await page.getByRole('tab', { name: 'Access' }).click();
	await expect(page.getByRole('tab', { name: 'Access' })).toHaveAttribute('aria-selected', 'true');
	await expect(page.getByRole('list', { name: 'Primary members' })).toHaveText(
		'Sam Root — All Access'
	);
	await expect(page.getByText('No agent has extended access to SysAdmins.')).toBeVisible();

	await page.getByLabel('Agent', { exact: true }).selectOption({ label: 'John Smith' });
	await page.getByLabel('Role', { exact: true }).selectOption({ label: 'View only' });
	await page.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText(
		'John Smith now has View only access to SysAdmins.'
	);
	const extended = page.getByRole('list', { name: 'Extended access' });
	await expect(extended).toContainText('John Smith — View only');

	// The same fact from the other side: the agents list and John's own Access tab.
	await agentsPage(page, 'Agents');
	await expect(page.getByRole('row', { name: /John Smith/ })).toContainText(
		'SysAdmins (View only)'
	);
	await page.getByRole('button', { name: 'John Smith', exact: true }).click();
	await page.getByRole('tab', { name: 'Access' }).click();
	await expect(page.getByLabel('Role in SysAdmins')).toHaveValue('view-only');

	// And it can be taken back from the department.
	await page.getByRole('button', { name: 'Departments', exact: true }).click();
	await page.getByRole('button', { name: 'SysAdmins', exact: true }).click();
	await page.getByRole('tab', { name: 'Access' }).click();
	await page.getByRole('button', { name: 'Remove John Smith' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'John Smith no longer has extended access to SysAdmins.'
	);
	await expect(page.getByText('No agent has extended access to SysAdmins.')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});

test('admin refusals name the field at fault', async ({ page }) => {
	await playAs(page, 'Admin (Admin)');
	// Manage → SLA, as osTicket's admin nav has it (include/class.nav.php, AdminNav).
	await page.getByRole('button', { name: 'Manage', exact: true }).click();
	await page.getByRole('button', { name: 'SLA', exact: true }).click();
	await page.getByRole('button', { name: 'Add New SLA Plan' }).click();
	await page.getByLabel('Name', { exact: true }).fill('SEV-D');
	await page.getByRole('button', { name: 'Create SLA Plan' }).click();
	await expect(page.getByRole('alert')).toContainText('Grace Period');
	await expect(page.getByLabel('Grace Period (hours)')).toBeFocused();
	await page.getByLabel('Grace Period (hours)').fill('24');
	await page.getByLabel('Schedule').selectOption({ label: 'Business hours' });
	await page.getByRole('button', { name: 'Create SLA Plan' }).click();
	await expect(page.getByRole('status')).toContainText('SLA plan “SEV-D” added');
	await expect(page.getByRole('row', { name: /SEV-D/ })).toContainText('Mon–Fri 08:00–17:00');

	// A new help topic shows at once in the portal.
	await page.getByRole('button', { name: 'Help Topics' }).click();
	await page.getByRole('button', { name: 'Add New Help Topic' }).click();
	await page.getByLabel('Topic', { exact: true }).fill('Card Services');
	await page.getByLabel('SLA Plan').selectOption({ label: 'SEV-D' });
	await page.getByRole('button', { name: 'Create Help Topic' }).click();
	await expect(page.getByRole('status')).toContainText('Help topic “Card Services” added');
	await playAs(page, 'Karen (End user)');
	await page.getByRole('button', { name: 'Open a New Ticket' }).click();
	await expect(
		page.getByLabel('Help Topic').locator('option', { hasText: 'Card Services' })
	).toHaveCount(1);
});

test('the portal and the admin panel have no serious or critical axe violations', async ({
	page
}) => {
	test.setTimeout(120_000); // a dozen axe runs
	await playAs(page, 'Karen (End user)');
	expect(await seriousViolations(page)).toEqual([]);
	await page.getByRole('button', { name: 'Open a New Ticket' }).click();
	await page.getByRole('button', { name: 'Create Ticket' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	const number = await openTicket(page, SUBJECT, DETAILS, 'Business Critical Outage');
	await page.getByRole('button', { name: `View Ticket #${number}` }).click();
	expect(await seriousViolations(page)).toEqual([]);
	await page.getByRole('button', { name: /Check Ticket Status/ }).click();
	expect(await seriousViolations(page)).toEqual([]);
	await page.getByRole('button', { name: /^Mailbox/ }).click();
	await page.getByRole('button', { name: /Support Ticket Opened/ }).click();
	expect(await seriousViolations(page)).toEqual([]);

	await playAs(page, 'Admin (Admin)');
	expect(await seriousViolations(page)).toEqual([]);
	await page.getByRole('button', { name: 'John Smith' }).click();
	for (const tab of ['Account', 'Access', 'Permissions']) {
		await page.getByRole('tab', { name: tab }).click();
		expect(await seriousViolations(page)).toEqual([]);
	}
	for (const [tab, section, add] of [
		['Agents', 'Departments', 'Add New Department'],
		['Agents', 'Teams', 'Add New Team'],
		['Agents', 'Roles', 'Add New Role'],
		['Manage', 'SLA', 'Add New SLA Plan'],
		['Manage', 'Help Topics', 'Add New Help Topic']
	] as const) {
		await page
			.getByRole('navigation', { name: 'Admin Panel' })
			.getByRole('button', { name: tab, exact: true })
			.click();
		await page
			.getByRole('navigation', { name: `${tab} pages` })
			.getByRole('button', { name: section, exact: true })
			.click();
		await page.getByRole('button', { name: add }).click();
		expect(await seriousViolations(page)).toEqual([]);
	}
});

test('the escalation grant works by keyboard alone', async ({ page }) => {
	await playAs(page, 'Admin (Admin)');
	await page.getByRole('button', { name: 'John Smith' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Agent: John Smith' })).toBeFocused();
	// Heading → Close → the Account tab; arrow right to Access.
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('tab', { name: 'Account' })).toBeFocused();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('tab', { name: 'Access' })).toBeFocused();
	await page.getByLabel('Extended access department').focus();
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Extended access role')).toBeFocused();
	await page.getByLabel('Extended access department').selectOption('sysadmins');
	await page.getByLabel('Extended access role').selectOption('view-only');
	await page.getByLabel('Extended access role').focus();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Add Access' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Role in SysAdmins')).toHaveValue('view-only');
	await page.getByRole('button', { name: 'Save Changes' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toContainText('granted View only access to SysAdmins');
});

test('hostile user text is shown as text and never runs', async ({ page }) => {
	const hostile = '<img src=x onerror="window.__pwned=1">';
	const script = '<script>window.__pwned=2</script> <b>bold?</b>';
	await playAs(page, 'Karen (End user)');
	const number = await openTicket(page, hostile, script, 'General Inquiry');
	await page.getByRole('button', { name: `View Ticket #${number}` }).click();
	await expect(page.getByText(hostile).first()).toBeVisible();
	await expect(page.getByText(script)).toBeVisible();
	await page.getByRole('button', { name: /Check Ticket Status/ }).click();
	await expect(page.getByRole('row', { name: new RegExp(`#${number}`) })).toContainText(hostile);
	await page.getByRole('button', { name: /^Mailbox/ }).click();
	await page.getByRole('button', { name: /Support Ticket Opened/ }).click();
	await expect(page.locator('img[src="x"]')).toHaveCount(0);
	await expect(page.locator('main b')).toHaveCount(0);
	expect(
		await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
	).toBeUndefined();
});
