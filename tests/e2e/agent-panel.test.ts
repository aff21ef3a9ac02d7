/**
 * The Agent Panel against the sandbox's seed help desk (in memory, fresh on
 * every page load): opening a ticket for a caller, Edit, Assign ▾, a reply
 * that resolves, the queue tree and its counts, the More ▾ menu (Change Owner,
 * Manage Collaborators, Mark as Answered), Reply To, a note that resolves,
 * Transfer with a referral kept, the escalation that hides a ticket, hostile
 * ticket text, axe, and the keyboard alone.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { choose, openQueueMenu, queueButton, responseTab, transfer } from './lab-helpers';

async function playAs(page: Page, name: 'John' | 'Jane') {
	await page.getByRole('button', { name: `${name} (Agent)` }).click();
	await expect(page.getByRole('navigation', { name: 'Ticket queues' })).toBeVisible();
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
	await expect(properties(page)).toContainText(/Source\s*Phone/);
	// ticket-view.inc.php: User and Email on their own lines.
	await expect(properties(page)).toContainText(/User\s*Karen Karen\s*Email\s*karen@osTicket.com/);

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

	// Assign ▾ → Agent: Jane.
	await choose(page, 'Assign', 'Agent');
	await expect(page.getByLabel('Assignee')).toBeFocused();
	await page.getByLabel('Assignee').selectOption({ label: 'Jane Doe' });
	await page
		.getByRole('form', { name: 'Assign ticket' })
		.getByRole('button', { name: 'Assign' })
		.click();
	await expect(page.getByRole('status')).toHaveText('Ticket assigned to Jane Doe');
	await expect(thread(page)).toContainText('Assigned to Jane Doe by John Smith');

	// A draft note John leaves behind survives a persona switch.
	await responseTab(page, 'Post Internal Note');
	await page.getByLabel('Internal Note').fill('Check the mobile gateway');

	// Jane finds it in My Tickets and resolves it with her reply.
	await playAs(page, 'Jane');
	await queueButton(page, /^My Tickets \d/).click();
	const row = page.getByRole('row', { name: /Mobile banking is down/ });
	await expect(row).toContainText('Emergency');
	// My Tickets lists the Department rather than the assignee (queue.yaml).
	await expect(row).toContainText('Support');
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
	await expect(properties(page)).toContainText(/Closed By\s*Jane Doe/);

	await queueButton(page, /^Closed \d/).click();
	await expect(page.getByRole('row', { name: /Mobile banking is down/ })).toBeVisible();
	await queueButton(page, /^My Tickets \d/).click();
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
	await page.getByLabel('Department', { exact: true }).selectOption({ label: 'SysAdmins' });
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
	// Refer it to Jane (More ▾ → Manage Referrals), then transfer it to SysAdmins keeping
	// Support's referral access: John keeps seeing it through that referral, but has no
	// role in SysAdmins.
	await choose(page, 'More', 'Manage Referrals');
	await page.getByLabel('Refer To').selectOption({ label: 'Jane Doe' });
	await page
		.getByRole('form', { name: 'Manage Referrals' })
		.getByRole('button', { name: 'Refer' })
		.click();
	await expect(page.getByRole('status')).toHaveText('Ticket referred to Jane Doe');
	await expect(properties(page)).toContainText(/Referred To\s*Jane Doe/);
	await transfer(page, 'SysAdmins', true);
	await expect(page.getByRole('status')).toHaveText('Ticket transferred to SysAdmins');
	await expect(properties(page)).toContainText(/Referred To\s*Jane Doe, the Support department/);

	await expect(
		page.getByText('No role in SysAdmins (visible through a referral): you cannot edit,')
	).toBeVisible();
	// No Change Status, Assign ▾ (so no Claim), Transfer, Edit, nor More ▾ (so no Manage Referrals).
	for (const name of ['Change Status', 'Assign', 'Transfer', 'Edit', 'More'])
		await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Print', exact: true })).toBeVisible();
	await expect(page.getByRole('tab', { name: 'Post Reply' })).toHaveCount(0);
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
	test.setTimeout(120_000); // nine axe runs
	const number = await openTicketForKaren(page, 'Printer jam on floor 3');
	await page.getByRole('button', { name: 'Edit', exact: true }).click();
	await expectNoSeriousViolations(page);
	// Each menu open, and the form each kind of entry opens.
	for (const menu of ['Change Status', 'Assign', 'More']) {
		await page.getByRole('button', { name: menu, exact: true }).click();
		await expect(page.getByRole('menu')).toBeVisible();
		await expectNoSeriousViolations(page);
		await page.keyboard.press('Escape');
	}
	await choose(page, 'More', 'Manage Collaborators');
	await expectNoSeriousViolations(page);
	await choose(page, 'Change Status', 'Resolved');
	await expectNoSeriousViolations(page);
	await responseTab(page, 'Post Internal Note');
	await expectNoSeriousViolations(page);

	await page.getByRole('button', { name: 'Back to Open' }).click();
	await expect(page.getByRole('row', { name: new RegExp(number) })).toBeVisible();
	await expectNoSeriousViolations(page);

	await queueButton(page, /^Closed \d/).click();
	await expect(page.getByText('No tickets in this queue.')).toBeVisible();
	await expectNoSeriousViolations(page);

	await page.getByRole('button', { name: 'Open a New Ticket' }).click();
	await expectNoSeriousViolations(page);
});

test('keyboard alone: open a ticket from the queue, use a menu, and post a note', async ({
	page
}) => {
	const number = await openTicketForKaren(page, 'Keyboard only');
	await page.getByRole('button', { name: 'Back to Open' }).click();
	const link = page.getByRole('button', { name: `#${number}` });
	await link.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: `Ticket #${number}` })).toBeFocused();

	// More ▾ by keyboard: ArrowDown opens it on its first entry, arrows move, Escape
	// closes it and gives focus back; Enter on an entry opens its form.
	const more = page.getByRole('button', { name: 'More', exact: true });
	await more.focus();
	await page.keyboard.press('ArrowDown');
	await expect(more).toHaveAttribute('aria-expanded', 'true');
	await expect(page.getByRole('menuitem', { name: 'Change Owner' })).toBeFocused();
	await page.keyboard.press('ArrowUp');
	await expect(page.getByRole('menuitem', { name: 'Manage Collaborators' })).toBeFocused();
	await page.keyboard.press('Home');
	await expect(page.getByRole('menuitem', { name: 'Change Owner' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(page.getByRole('menu')).toHaveCount(0);
	await expect(more).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('menuitem', { name: 'Change Owner' })).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('form', { name: 'Manage Referrals' })).toBeVisible();
	await expect(page.getByLabel('Refer To')).toBeFocused();
	await page
		.getByRole('form', { name: 'Manage Referrals' })
		.getByRole('button', { name: 'Cancel' })
		.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: `Ticket #${number}` })).toBeFocused();

	// The response tabs: arrow to Post Internal Note, Tab into its panel.
	await page.getByRole('tab', { name: 'Post Reply' }).focus();
	await page.keyboard.press('ArrowRight');
	const noteTab = page.getByRole('tab', { name: 'Post Internal Note' });
	await expect(noteTab).toBeFocused();
	await expect(noteTab).toHaveAttribute('aria-selected', 'true');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Internal Note')).toBeFocused();
	await page.keyboard.type('Typed without a mouse');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Ticket Status')).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Post Note' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toHaveText('Internal note posted');
});

const queues = (page: Page) => page.getByRole('navigation', { name: 'Ticket queues' });

// include/staff/templates/queue-navigation.tmpl.php: the top queues in the sub-nav, each
// with a drop-down of its sub-queues and their counts (queue.yaml), and New Ticket.
test("the queue sub-nav shows osTicket's queues with counts; Answered and Assigned to Me follow a reply", async ({
	page
}) => {
	await expect(queues(page).getByRole('button')).toHaveText([
		/^Open\s*0$/,
		'▾',
		/^My Tickets\s*0$/,
		'▾',
		/^Closed\s*0$/,
		'▾',
		/New Ticket/
	]);
	// Each sub-queue is named after its parent too ("Open / Answered"), with its count.
	const expectMenu = async (top: 'Open' | 'My Tickets' | 'Closed', names: string[]) => {
		const subs = names.map((n) => new RegExp(`^${top} / ${n}\\s*0$`));
		await openQueueMenu(page, top);
		await expect(
			queues(page)
				.getByRole('list', { name: `${top} queues` })
				.getByRole('button')
		).toHaveText(subs);
		await page.keyboard.press('Escape');
		await expect(queues(page).getByRole('button', { name: `${top} queues` })).toBeFocused();
		await expect(queues(page).getByRole('list', { name: `${top} queues` })).toHaveCount(0);
	};
	await expectMenu('Open', ['Open', 'Answered', 'Overdue']);
	await expectMenu('My Tickets', ['Assigned to Me', 'Assigned to Teams']);
	await expectMenu('Closed', [
		'Today',
		'Yesterday',
		'This Week',
		'This Month',
		'This Quarter',
		'This Year'
	]);
	// No Unassigned queue: osTicket's default install has none.
	await openQueueMenu(page, 'Open');
	await expect(queues(page).getByRole('button', { name: /Unassigned/ })).toHaveCount(0);
	await page.keyboard.press('Escape');

	const number = await openTicketForKaren(page, 'Cannot print payslips');
	await expect(queueButton(page, /^Open \d/)).toHaveText(/Open\s*1/);
	await openQueueMenu(page, 'Open');
	await expect(queueButton(page, /^Open \/ Open \d/)).toHaveText(/Open\s*1/);
	await expect(queueButton(page, /^Open \/ Answered \d/)).toHaveText(/Answered\s*0/);
	await openQueueMenu(page, 'My Tickets');
	await expect(queueButton(page, /^My Tickets \/ Assigned to Me \d/)).toHaveText(
		/Assigned to Me\s*0/
	);
	await page.keyboard.press('Escape');

	// John's reply answers it and, as nobody holds it, claims it (osTicket's claim on response).
	await page.getByLabel('Response', { exact: true }).fill('Try the other printer meanwhile.');
	await page.getByRole('button', { name: 'Post Reply' }).click();
	await expect(page.getByRole('status')).toHaveText('Reply posted');
	await expect(queueButton(page, /^My Tickets \d/)).toHaveText(/My Tickets\s*1/);
	await openQueueMenu(page, 'Open');
	await expect(queueButton(page, /^Open \/ Open \d/)).toHaveText(/Open\s*0/);
	const answered = queueButton(page, /^Open \/ Answered \d/);
	await expect(answered).toHaveText(/Answered\s*1/);

	// A sub-queue's table is headed by its full name, and lists the ticket; its parent is marked.
	await answered.click();
	await expect(page.getByRole('heading', { name: 'Open / Answered', exact: true })).toBeFocused();
	await openQueueMenu(page, 'Open');
	await expect(answered).toHaveAttribute('aria-current', 'page');
	await page.keyboard.press('Escape');
	await expect(page.getByRole('row', { name: new RegExp(`#${number}`) })).toBeVisible();
	await openQueueMenu(page, 'My Tickets');
	const mine = queueButton(page, /^My Tickets \/ Assigned to Me \d/);
	await expect(mine).toHaveText(/Assigned to Me\s*1/);
	await mine.click();
	await expect(
		page.getByRole('heading', { name: 'My Tickets / Assigned to Me', exact: true })
	).toBeVisible();
	// My Tickets shows the Department where Open shows the assignee (queue.yaml).
	const row = page.getByRole('row', { name: new RegExp(`#${number}`) });
	await expect(row).toContainText('Support');
	await expect(page.getByRole('columnheader', { name: /Department/ })).toBeVisible();
	await expect(page.getByRole('columnheader', { name: /Assigned To/ })).toHaveCount(0);
});

test('More ▾: Change Owner, Manage Collaborators and Mark as Answered, each seen in the ticket', async ({
	page
}) => {
	const number = await openTicketForKaren(page, 'Shared mailbox access');

	// Change Owner: Ken, chosen by name and e-mail.
	await choose(page, 'More', 'Change Owner');
	const owner = page.getByRole('form', { name: 'Change Owner' });
	await expect(owner.getByLabel('User')).toBeFocused();
	await owner.getByLabel('User').selectOption({ label: 'Ken Ledger <ken@osTicket.com>' });
	await owner.getByRole('button', { name: 'Change Owner' }).click();
	await expect(page.getByRole('status')).toHaveText('Ticket owner changed to Ken Ledger');
	await expect(owner).toHaveCount(0);
	await expect(properties(page)).toContainText(/User\s*Ken Ledger\s*Email\s*ken@osTicket.com/);
	await expect(thread(page)).toContainText(
		'Owner changed from Karen Karen to Ken Ledger by John Smith'
	);

	// Manage Collaborators: add Karen, then remove her.
	await choose(page, 'More', 'Manage Collaborators');
	const collaborators = page.getByRole('form', { name: 'Manage Collaborators' });
	await expect(collaborators).toContainText('No collaborators');
	await collaborators
		.getByLabel('Add Collaborator')
		.selectOption({ label: 'Karen Karen <karen@osTicket.com>' });
	await collaborators.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('Karen Karen added as a collaborator');
	await expect(collaborators.getByRole('list', { name: 'Collaborators' })).toContainText(
		'Karen Karen <karen@osTicket.com>'
	);
	await expect(properties(page)).toContainText(/Collaborators\s*Karen Karen/);
	await expect(thread(page)).toContainText('Karen Karen added as a collaborator by John Smith');
	await collaborators.getByRole('button', { name: 'Remove Karen Karen' }).click();
	await expect(page.getByRole('status')).toHaveText('Karen Karen removed as a collaborator');
	await expect(collaborators).toContainText('No collaborators');
	await expect(properties(page)).not.toContainText('Collaborators');
	await expect(thread(page)).toContainText('Karen Karen removed as a collaborator by John Smith');
	await collaborators.getByRole('button', { name: 'Close' }).click();
	await expect(collaborators).toHaveCount(0);

	// Expanded Access cannot mark a ticket answered; the department's manager can.
	await page.getByRole('button', { name: 'More', exact: true }).click();
	await expect(page.getByRole('menuitem', { name: 'Mark as Answered' })).toHaveCount(0);
	await page.keyboard.press('Escape');
	await page.getByRole('button', { name: 'Admin (Admin)' }).click();
	await page.getByRole('button', { name: 'Departments', exact: true }).click();
	await page.getByRole('button', { name: 'Support', exact: true }).click();
	await page.getByLabel('Manager').selectOption({ label: 'John Smith' });
	await page.getByRole('button', { name: 'Save Changes' }).click();
	await expect(page.getByRole('status')).toContainText('Department “Support” saved');

	await playAs(page, 'John');
	await expect(page.getByRole('heading', { name: `Ticket #${number}` })).toBeVisible();
	await choose(page, 'More', 'Mark as Answered');
	const mark = page.getByRole('form', { name: 'Mark as Answered' });
	await mark.getByLabel('Comments').fill('Answered on the phone.');
	await mark.getByRole('button', { name: 'Mark as Answered' }).click();
	await expect(page.getByRole('status')).toHaveText('Ticket marked as answered');
	await expect(thread(page)).toContainText('Answered changed from no to yes by John Smith');
	await expect(thread(page)).toContainText('Answered on the phone.');
	await openQueueMenu(page, 'Open');
	await expect(queueButton(page, /^Open \/ Answered \d/)).toHaveText(/Answered\s*1/);
	await page.keyboard.press('Escape');
	await page.getByRole('button', { name: 'More', exact: true }).click();
	await expect(page.getByRole('menuitem', { name: 'Mark as Unanswered' })).toBeVisible();
});

test('Post Reply with "— Do Not Email Reply —" leaves the user\'s mailbox as it was', async ({
	page
}) => {
	const mailbox = () => page.getByRole('button', { name: /^Mailbox/ });
	const number = await openTicketForKaren(page, 'Badge does not open the door');
	await page.getByRole('button', { name: 'Karen (End user)' }).click();
	await expect(mailbox()).toHaveText('Mailbox (1)');

	await playAs(page, 'John');
	await expect(page.getByRole('heading', { name: `Ticket #${number}` })).toBeVisible();
	await expect(page.getByLabel('Reply To')).toHaveValue('all');
	await expect(page.getByLabel('Reply To').locator('option')).toHaveText([
		'All Active Recipients',
		'Ticket Owner (karen@osTicket.com)',
		'— Do Not Email Reply —'
	]);
	await page.getByLabel('Reply To').selectOption({ label: '— Do Not Email Reply —' });
	await page.getByLabel('Response', { exact: true }).fill('Noted on the call; no e-mail needed.');
	await page.getByRole('button', { name: 'Post Reply' }).click();
	await expect(page.getByRole('status')).toHaveText('Reply posted (not e-mailed)');
	await expect(thread(page)).toContainText('Noted on the call; no e-mail needed.');
	// The choice goes back to All Active Recipients for the next reply.
	await expect(page.getByLabel('Reply To')).toHaveValue('all');

	await page.getByRole('button', { name: 'Karen (End user)' }).click();
	await expect(mailbox()).toHaveText('Mailbox (1)');

	// An ordinary reply is e-mailed.
	await playAs(page, 'John');
	await page.getByLabel('Response', { exact: true }).fill('The badge is re-enabled.');
	await page.getByRole('button', { name: 'Post Reply' }).click();
	await expect(page.getByRole('status')).toHaveText('Reply posted');
	await page.getByRole('button', { name: 'Karen (End user)' }).click();
	await expect(mailbox()).toHaveText('Mailbox (2)');
});

test('Post Internal Note with Ticket Status Resolved closes the ticket', async ({ page }) => {
	const number = await openTicketForKaren(page, 'Monitor flickers');
	await responseTab(page, 'Post Internal Note');
	// Only the chosen tab's form is on screen: one Ticket Status.
	await expect(page.getByLabel('Ticket Status')).toHaveCount(1);
	await expect(page.getByLabel('Response', { exact: true })).toHaveCount(0);
	await page.getByLabel('Internal Note').fill('Swapped the cable; fixed.');
	await expect(page.getByLabel('Ticket Status').locator('option')).toHaveText([
		'Open (current)',
		'Resolved',
		'Closed'
	]);
	await page.getByLabel('Ticket Status').selectOption({ label: 'Resolved' });
	await page.getByRole('button', { name: 'Post Note' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Internal note posted; ticket status set to Resolved'
	);
	const note = thread(page).getByRole('listitem').filter({ hasText: 'Swapped the cable; fixed.' });
	await expect(note).toContainText('Internal Note');
	await expect(thread(page)).toContainText('Closed by John Smith with status Resolved');
	await expect(properties(page)).toContainText(/Status\s*Resolved/);
	await expect(properties(page)).toContainText(/Closed By\s*John Smith/);
	await expect(properties(page)).not.toContainText('Assigned To');
	await expect(queueButton(page, /^Closed \d/)).toHaveText(/Closed\s*1/);
	await openQueueMenu(page, 'Closed');
	await queueButton(page, /^Closed \/ Today \d/).click();
	await expect(page.getByRole('row', { name: new RegExp(`#${number}`) })).toBeVisible();
});

test('Transfer with "Maintain referral access" keeps the ticket in view', async ({ page }) => {
	const number = await openTicketForKaren(page, 'Firewall rule request');
	await transfer(page, 'SysAdmins', true);
	// No "Access denied": Support keeps a referral, and John is in Support.
	await expect(page.getByRole('status')).toHaveText('Ticket transferred to SysAdmins');
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(page.getByRole('heading', { name: `Ticket #${number}` })).toBeVisible();
	await expect(properties(page)).toContainText(/Department\s*SysAdmins/);
	await expect(properties(page)).toContainText(/Referred To\s*the Support department/);
	await expect(page.getByText('(the ticket is referred to you)')).toBeVisible();
	await expect(thread(page)).toContainText('Transferred from Support to SysAdmins by John Smith');

	await page.getByRole('button', { name: 'Back to Open' }).click();
	await expect(page.getByRole('row', { name: new RegExp(`#${number}`) })).toBeVisible();
});
