/**
 * The Agent Panel against the sandbox's seed help desk (in memory, fresh on
 * every page load): opening a ticket for a caller, Edit, Assign, a reply that
 * resolves, the escalation that hides a ticket, hostile ticket text, and axe.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function playAs(page: Page, name: 'John' | 'Jane') {
	await page.getByRole('button', { name: `${name} (Agent)` }).click();
	await expect(page.getByRole('heading', { name: 'Agent Panel' })).toBeVisible();
}

/** Opens a ticket for Karen by phone through "Open a New Ticket"; returns its number. */
async function openTicketForKaren(page: Page, subject: string, details = 'Called the help desk.') {
	await page.getByRole('button', { name: 'Open a New Ticket' }).click();
	await expect(page.getByRole('heading', { name: 'Open a New Ticket' })).toBeFocused();
	await page.getByLabel('User', { exact: true }).selectOption('karen');
	await expect(page.getByLabel('Ticket Source')).toHaveValue('Phone');
	await page.getByLabel('Help Topic').selectOption({ label: 'General Inquiry' });
	await page.getByLabel('Issue Summary').fill(subject);
	await page.getByLabel('Issue Details').fill(details);
	await page.getByRole('button', { name: 'Open', exact: true }).click();

	const notice = page.getByRole('status');
	await expect(notice).toContainText(/Ticket #\d{6} opened for Karen Karen/);
	const number = (await notice.textContent())?.match(/#(\d{6})/)?.[1];
	expect(number).toBeTruthy();
	await expect(page.getByRole('heading', { name: `Ticket #${number}` })).toBeFocused();
	return number as string;
}

const properties = (page: Page) => page.getByRole('region', { name: 'Ticket properties' });
const thread = (page: Page) => page.getByRole('list', { name: 'Ticket thread' });

async function expectNoSeriousViolations(page: Page) {
	const results = await new AxeBuilder({ page }).include('.agent-panel').analyze();
	const serious = results.violations.filter(
		(v) => v.impact === 'serious' || v.impact === 'critical'
	);
	expect(
		serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
	).toEqual([]);
}

test.beforeEach(async ({ page }) => {
	await page.goto('/sandbox');
	await playAs(page, 'John');
});

test('John opens a ticket for Karen, sets Emergency and SEV-A, assigns Jane; Jane resolves it', async ({
	page
}) => {
	const number = await openTicketForKaren(page, 'Mobile banking is down');
	await expect(properties(page)).toContainText('Phone');
	await expect(properties(page)).toContainText('Karen Karen <karen@osTicket.com>');

	// Edit: priority and SLA plan.
	await page.getByRole('button', { name: 'Edit', exact: true }).click();
	await expect(page.getByLabel('Priority')).toBeFocused();
	await page.getByLabel('Priority').selectOption({ label: 'Emergency' });
	await page.getByLabel('SLA Plan').selectOption({ label: 'SEV-A' });
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Ticket updated');
	await expect(properties(page)).toContainText('Emergency');
	await expect(properties(page)).toContainText('SEV-A');
	await expect(thread(page)).toContainText(
		'Priority changed from Normal to Emergency by John Smith'
	);
	await expect(thread(page)).toContainText('SLA Plan changed from SEV-C to SEV-A by John Smith');

	// Assign to Jane.
	await page.getByRole('button', { name: 'Assign', exact: true }).click();
	await page.getByLabel('Assignee').selectOption({ label: 'Jane Doe' });
	await page
		.getByRole('form', { name: 'Assign ticket' })
		.getByRole('button', { name: 'Assign' })
		.click();
	await expect(page.getByRole('status')).toHaveText('Ticket assigned to Jane Doe');
	await expect(thread(page)).toContainText('Assigned to Jane Doe by John Smith');

	// A draft note John leaves behind survives a persona switch.
	await page.getByLabel('Internal Note').fill('Check the mobile gateway');

	// Jane finds it in My Tickets and resolves it with her reply.
	await playAs(page, 'Jane');
	await page.getByRole('button', { name: /^My Tickets/ }).click();
	const row = page.getByRole('row', { name: /Mobile banking is down/ });
	await expect(row).toContainText('Emergency');
	await expect(row).toContainText('Jane Doe');
	await row.getByRole('button', { name: `#${number}` }).click();
	await expect(page.getByRole('heading', { name: `Ticket #${number}` })).toBeFocused();

	await page.getByLabel('Canned Response').selectOption({ label: 'Acknowledge' });
	await expect(page.getByLabel('Response', { exact: true })).toHaveValue(
		`Hi Karen, we received ticket #${number} and are on it.`
	);
	await page.getByLabel('Response', { exact: true }).fill('The gateway is back. Please try again.');
	await page.getByLabel('Ticket Status').selectOption({ label: 'Resolved' });
	await page.getByRole('button', { name: 'Post Reply' }).click();
	await expect(page.getByRole('status')).toContainText('Reply posted');
	await expect(thread(page)).toContainText('The gateway is back. Please try again.');
	await expect(thread(page)).toContainText('Closed by Jane Doe with status Resolved');
	await expect(properties(page)).toContainText('Resolved');

	await page.getByRole('button', { name: /^Closed/ }).click();
	await expect(page.getByRole('row', { name: /Mobile banking is down/ })).toBeVisible();
	await page.getByRole('button', { name: /^My Tickets/ }).click();
	await expect(page.getByText('No tickets in this queue.')).toBeVisible();

	// Back to John: still on the ticket, with his unsent note.
	await playAs(page, 'John');
	await expect(page.getByRole('heading', { name: `Ticket #${number}` })).toBeVisible();
	await expect(page.getByLabel('Internal Note')).toHaveValue('Check the mobile gateway');
	await page.getByRole('button', { name: 'Post Note' }).click();
	await expect(page.getByRole('status')).toHaveText('Internal note posted');
	const note = thread(page).getByRole('listitem').filter({ hasText: 'Check the mobile gateway' });
	await expect(note).toContainText('Internal Note');
	await expect(note).toContainText('John Smith');
});

test('escalation: after John transfers a ticket to SysAdmins it is hidden from him, and says why', async ({
	page
}) => {
	const number = await openTicketForKaren(page, 'Server room alarm');

	await page.getByRole('button', { name: 'Transfer', exact: true }).click();
	await page.getByLabel('Department').selectOption({ label: 'SysAdmins' });
	await page
		.getByRole('form', { name: 'Transfer ticket' })
		.getByRole('button', { name: 'Transfer' })
		.click();
	// As in osTicket, his access is checked again: he is back on his queue, told why.
	await expect(page.getByRole('alert')).toHaveText(
		/^Ticket transferred to SysAdmins\. Access denied\. John has no access to the SysAdmins department/
	);
	await expect(page.getByRole('heading', { name: 'Open', exact: true })).toBeVisible();

	// Gone from his Open queue.
	await expect(page.getByRole('row', { name: /Server room alarm/ })).toHaveCount(0);

	// Opening it by number is refused by the engine, with the same explanation.
	await page.getByLabel('Search').fill(`#${number}`);
	await page.getByRole('button', { name: 'Search', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Access denied' })).toBeFocused();
	await expect(
		page.getByText(/Access denied\. John has no access to the SysAdmins department/)
	).toBeVisible();
	await page.getByRole('button', { name: 'Back to Open' }).click();
	await expect(page.getByRole('heading', { name: 'Open', exact: true })).toBeFocused();
});

test('what the persona may not do is not offered, and the screen says why', async ({ page }) => {
	await openTicketForKaren(page, 'VPN certificate expired');
	// Refer it to Support (John's department), then transfer it away: John keeps seeing it
	// through the referral, but has no role in SysAdmins.
	await page.getByRole('button', { name: 'Refer', exact: true }).click();
	await page.getByLabel('Refer To').selectOption({ label: 'Support' });
	await page
		.getByRole('form', { name: 'Refer ticket' })
		.getByRole('button', { name: 'Refer' })
		.click();
	await expect(page.getByRole('status')).toHaveText('Ticket referred to the Support department');
	await page.getByRole('button', { name: 'Transfer', exact: true }).click();
	await page.getByLabel('Department').selectOption({ label: 'SysAdmins' });
	await page
		.getByRole('form', { name: 'Transfer ticket' })
		.getByRole('button', { name: 'Transfer' })
		.click();
	await expect(page.getByRole('status')).toHaveText('Ticket transferred to SysAdmins');

	await expect(
		page.getByText('No role in SysAdmins (visible through a referral): you cannot edit,')
	).toBeVisible();
	for (const name of ['Edit', 'Assign', 'Claim', 'Transfer', 'Refer'])
		await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
	await expect(page.getByLabel('Response', { exact: true })).toHaveCount(0);
	await expect(
		page.getByText(/You cannot reply to this ticket\. John has no role in SysAdmins/)
	).toBeVisible();

	// Internal notes need no permission beyond seeing the ticket.
	await page.getByLabel('Internal Note').fill('Sam, can you renew it?');
	await page.getByRole('button', { name: 'Post Note' }).click();
	await expect(page.getByRole('status')).toHaveText('Internal note posted');
});

test('a refusal is shown in words, in an alert', async ({ page }) => {
	await page.getByRole('button', { name: 'Open a New Ticket' }).click();
	await page.getByRole('button', { name: 'Open', exact: true }).click();
	await expect(page.getByRole('alert')).toHaveText('Issue Summary is required.');
});

test('hostile ticket text is shown as text and never runs', async ({ page }) => {
	const hostile = '<img src=x onerror="window.__pwned=1">';
	const number = await openTicketForKaren(page, hostile, '<script>window.__pwned=2</script>');
	await expect(page.getByText(hostile, { exact: true })).toBeVisible();
	await expect(thread(page)).toContainText('<script>window.__pwned=2</script>');
	await page.getByRole('button', { name: 'Back to Open' }).click();
	await expect(page.getByRole('row', { name: new RegExp(number) })).toContainText(hostile);
	expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
	await expect(page.locator('.agent-panel img')).toHaveCount(0);
});

test('axe finds no serious or critical violations in the queue and ticket views', async ({
	page
}) => {
	const number = await openTicketForKaren(page, 'Printer jam on floor 3');
	await page.getByRole('button', { name: 'Edit', exact: true }).click();
	await expectNoSeriousViolations(page);

	await page.getByRole('button', { name: 'Back to Open' }).click();
	await expect(page.getByRole('row', { name: new RegExp(number) })).toBeVisible();
	await expectNoSeriousViolations(page);

	await page.getByRole('button', { name: /^Closed/ }).click();
	await expect(page.getByText('No tickets in this queue.')).toBeVisible();
	await expectNoSeriousViolations(page);

	await page.getByRole('button', { name: 'Open a New Ticket' }).click();
	await expectNoSeriousViolations(page);
});

test('keyboard alone: open a ticket from the queue and post a note', async ({ page }) => {
	const number = await openTicketForKaren(page, 'Keyboard only');
	await page.getByRole('button', { name: 'Back to Open' }).click();
	const link = page.getByRole('button', { name: `#${number}` });
	await link.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: `Ticket #${number}` })).toBeFocused();
	await page.getByLabel('Internal Note').focus();
	await page.keyboard.type('Typed without a mouse');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Post Note' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toHaveText('Internal note posted');
});
