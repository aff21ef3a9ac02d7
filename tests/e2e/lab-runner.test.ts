/**
 * The lab runner end to end, on the shipped scenario files: a trainee completes
 * the banking outage in practice mode to 100%; a reload mid-lab resumes with
 * nothing lost; an assessment of the CFO's laptop with a wrong SLA gets exactly
 * the partial score its rubric gives.
 */
import { expect, test } from '@playwright/test';
import {
	assign,
	expectAccessible,
	keepExploring,
	labComplete,
	openFromQueue,
	playAs,
	portalOpenTicket,
	queueButton,
	reply,
	responseTab,
	start,
	startAssessment,
	stepItem,
	steps,
	workTheCfoLaptop
} from './lab-helpers';

test.use({ serviceWorkers: 'block' });

test('a trainee completes the banking outage in practice mode to 100%', async ({ page }) => {
	await start(page, 'banking-outage');
	await expect(steps(page)).toContainText('Score: 0 / 100');

	await playAs(page, 'Karen Karen (End user)');
	const number = await portalOpenTicket(
		page,
		'Business Critical Outage',
		'Entire mobile online banking is down',
		'Customers are reporting they are getting a 404 error when browsing to online banking'
	);
	await expect(stepItem(page, 'Karen reports the outage')).toContainText('Passed');

	await playAs(page, 'John Smith (Agent)');
	await openFromQueue(page, /^Open \d/, number);
	await page.getByRole('button', { name: 'Edit', exact: true }).click();
	await page.getByLabel('Priority', { exact: true }).selectOption({ label: 'Emergency' });
	await page.getByLabel('SLA Plan', { exact: true }).selectOption({ label: 'SEV-A' });
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Ticket updated');
	await expect(stepItem(page, 'Set the priority')).toContainText('Passed');
	await expect(stepItem(page, 'Apply the SLA plan')).toContainText('Passed');
	await assign(page, 'Team', 'Online Banking Team');
	await assign(page, 'Agent', 'Jane Doe');
	await expect(stepItem(page, 'Route it to the Online Banking Team')).toContainText('Passed');

	await playAs(page, 'Jane Doe (Agent)');
	await openFromQueue(page, /^My Tickets \d/, number);
	await reply(page, 'Coordinating with Sys Admin Team to bring mobile banking back online.');
	await responseTab(page, 'Post Internal Note');
	await page
		.getByLabel('Internal Note', { exact: true })
		.fill('Called the SysAdmins; Jerry from System Engineering is on the servers.');
	await page.getByRole('button', { name: 'Post Note' }).click();
	await expect(page.getByRole('status')).toHaveText('Internal note posted');
	await reply(
		page,
		'Jerry from System Engineering found and connected a failed load balancer. Mobile banking should be back up.',
		'Resolved'
	);

	await expect(steps(page)).toContainText('Score: 100 / 100');
	await expect(steps(page).getByRole('listitem').filter({ hasText: 'Passed' })).toHaveCount(9);
	await expect(labComplete(page)).toContainText('Score: 100 / 100');
	await expectAccessible(page);
	await keepExploring(page);
	await queueButton(page, /^Closed \d/).click();
	await expect(
		page.getByRole('row', { name: /Entire mobile online banking is down/ })
	).toBeVisible();
});

test('a reload mid-lab resumes where it was, with nothing lost', async ({ page }) => {
	await start(page, 'banking-outage');
	await playAs(page, 'Karen Karen (End user)');
	const number = await portalOpenTicket(
		page,
		'Business Critical Outage',
		'Entire mobile online banking is down',
		'404 for every customer'
	);
	await playAs(page, 'John Smith (Agent)');
	await openFromQueue(page, /^Open \d/, number);
	await page.getByRole('button', { name: 'Edit', exact: true }).click();
	await page.getByLabel('Priority', { exact: true }).selectOption({ label: 'Emergency' });
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Ticket updated');
	const url = page.url();

	await page.reload();
	await expect(page).toHaveURL(url);
	// 10 (report) + 5 (Karen chose the right topic) + 6 (priority). The routing step's
	// "stays in Support" holds by default, but nobody has routed it: it earns nothing yet.
	await expect(steps(page)).toContainText('Score: 21 / 100');
	await expect(stepItem(page, 'Karen reports the outage')).toContainText('Passed');
	await expect(stepItem(page, 'Set the priority')).toContainText('Passed');
	// The persona being played is restored, and the help desk still holds the ticket as edited.
	await expect(
		page.getByRole('button', { name: 'John Smith (Agent)', exact: true })
	).toHaveAttribute('aria-pressed', 'true');
	await openFromQueue(page, /^Open \d/, number);
	await expect(page.getByRole('region', { name: 'Ticket properties' })).toContainText('Emergency');

	// The catalogue offers to resume it.
	await page.goto('/');
	const card = page.locator('[data-lab="banking-outage"]');
	await expect(card).toContainText('In progress 3/9 steps passed');
	await expect(card.getByRole('link', { name: /^Resume/ })).toBeVisible();
});

test('an assessment of the CFO laptop with a wrong SLA scores exactly its rubric', async ({
	page
}) => {
	await startAssessment(page, 'cfo-laptop', 'Rae Ortiz', 20);
	await expect(page.getByRole('timer', { name: 'Time left' })).toBeVisible();
	await expect(page.getByRole('button', { name: /^Show .* hint/ })).toHaveCount(0);
	await expect(page.getByRole('button', { name: /^Show solution/ })).toHaveCount(0);

	await playAs(page, 'Ken Ledger (End user)');
	const number = await portalOpenTicket(
		page,
		'General Inquiry',
		"CFO's laptop will no longer turn on",
		'No lights at all.'
	);
	// Feedback is held back during an assessment.
	await expect(steps(page)).toContainText('results are shown when it ends');
	await expect(stepItem(page, 'Report the broken laptop')).not.toContainText('Passed');

	await workTheCfoLaptop(page, number, 'SEV-A');

	await page.getByRole('button', { name: 'Submit' }).click();
	await page.getByRole('button', { name: 'Yes, submit' }).click();
	await expect(page).toHaveURL(/\/report\//);
	// 10 (report) + 10 (observe) + 0 (SLA) + 20 (department) + 10 (tell Ken) + 30 (resolve) = 80.
	await expect(page.getByText('80 / 100')).toBeVisible();
	await expect(page.getByText('Assessment of Rae Ortiz')).toBeVisible();
	const slaRow = page.getByRole('row', { name: /Set the SLA plan/ });
	await expect(slaRow).toContainText('Failed');
	await expect(slaRow).toContainText('The SLA plan is SEV-A');
	await expectAccessible(page);

	// The attempt can no longer be changed.
	await page.goBack();
	await expect(
		page.getByRole('status').filter({ hasText: 'can no longer be changed' })
	).toBeVisible();
});

test('the escalation lab through the panels, as seed 004 describes, to 100%', async ({ page }) => {
	await start(page, 'escalation-permissions');
	await playAs(page, 'John Smith (Agent)');
	const row = page.getByRole('row', { name: /CFO's laptop will no longer turn on/ });
	const number = (
		(await row.getByRole('button', { name: /^#\d{6}$/ }).textContent()) ?? ''
	).replace('#', '');
	await openFromQueue(page, /^Open \d/, number);

	// Set Sev-A (a SysAdmins ticket) last: the transfer takes it out of John's reach.
	await page.getByRole('button', { name: 'Edit', exact: true }).click();
	await page.getByLabel('SLA Plan', { exact: true }).selectOption({ label: 'SEV-A' });
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Ticket updated');
	await page.getByRole('button', { name: 'Transfer', exact: true }).click();
	await page.getByLabel('Department', { exact: true }).selectOption({ label: 'SysAdmins' });
	await page
		.getByRole('form', { name: 'Transfer ticket' })
		.getByRole('button', { name: 'Transfer' })
		.click();
	// osTicket checks access again after the transfer: John is back on his queue, told why.
	await expect(page.getByRole('alert')).toContainText(
		'Ticket transferred to SysAdmins. Access denied. John has no access to the SysAdmins department'
	);
	await expect(stepItem(page, 'Notice the ticket has vanished')).toContainText('Passed');

	// The ticket is gone from his queues; looking it up by number is refused, with the rule.
	await expect(queueButton(page, /^Open \d/)).toHaveText(/Open\s*0/);
	await page.getByLabel('Search').fill(`#${number}`);
	await page.getByRole('button', { name: 'Search', exact: true }).click();
	await expect(page.getByRole('region', { name: 'Access denied' })).toContainText(
		'Access denied. John has no access to the SysAdmins department'
	);
	await expect(stepItem(page, 'Notice the ticket has vanished')).toContainText('Passed');

	// The admin grants John View only access to SysAdmins.
	await playAs(page, 'Ada Admin (Admin)');
	await page.getByRole('button', { name: 'John Smith', exact: true }).click();
	await page.getByRole('tab', { name: 'Access' }).click();
	await page.getByLabel('Extended access department').selectOption({ label: 'SysAdmins' });
	await page.getByLabel('Extended access role').selectOption({ label: 'View only' });
	await page.getByRole('button', { name: 'Add Access' }).click();
	await page.getByRole('button', { name: 'Save Changes' }).click();
	await expect(page.getByRole('status')).toContainText('granted View only access to SysAdmins');

	// John sees it again, but cannot change it; the screen says why, and trying proves it.
	await playAs(page, 'John Smith (Agent)');
	await openFromQueue(page, /^Open \d/, number);
	await expect(page.getByText('View only in SysAdmins: you cannot')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
	await expect(page.getByRole('tab', { name: 'Post Reply' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Post Reply' })).toHaveCount(0);
	await page.getByText('Why, permission by permission').click();
	await page.getByRole('button', { name: 'Try to edit it' }).click();
	await expect(page.getByRole('alert')).toContainText(
		"John's role in SysAdmins is View only, which does not allow him to edit tickets"
	);

	await page
		.getByLabel('Internal Note', { exact: true })
		.fill('The CFO needs the laptop for the board meeting; a loaner is ready.');
	await page.getByRole('button', { name: 'Post Note' }).click();
	await expect(page.getByRole('status')).toHaveText('Internal note posted');
	await expect(steps(page)).toContainText('Score: 100 / 100');
});

test('hints cost points, the solution is shown on request, and Reset starts over', async ({
	page
}) => {
	await start(page, 'cfo-laptop');
	await page.getByRole('button', { name: /Set the SLA plan/ }).click();
	await page.getByRole('button', { name: 'Show a hint (costs 2 points)' }).click();
	await expect(page.getByText('SEV-C counts business hours only')).toBeVisible();
	await page.getByRole('button', { name: "Show solution (costs this step's 20 points)" }).click();
	await expect(page.getByRole('heading', { name: 'Solution' })).toBeVisible();
	await expect(
		page.getByText(
			"As John Smith, open the ticket “CFO's laptop will no longer turn on”, choose Edit, set SLA Plan to SEV-B, then Save."
		)
	).toBeVisible();

	// The hint survives a reload (it is part of the attempt), then Reset clears everything.
	await page.reload();
	await page.getByRole('button', { name: /Set the SLA plan/ }).click();
	await expect(page.getByText('SEV-C counts business hours only')).toBeVisible();
	page.once('dialog', (dialog) => void dialog.accept());
	await page.getByRole('button', { name: 'Reset lab' }).click();
	await expect(steps(page)).toContainText('Score: 0 / 100');
	await page.getByRole('button', { name: /Set the SLA plan/ }).click();
	await expect(page.getByText('SEV-C counts business hours only')).toHaveCount(0);
});

test('two tabs of the same lab stay in step', async ({ page, context }) => {
	await start(page, 'banking-outage');
	const other = await context.newPage();
	await other.goto(page.url());
	await expect(steps(other)).toContainText('Score: 0 / 100');

	await playAs(page, 'Karen Karen (End user)');
	await portalOpenTicket(
		page,
		'Business Critical Outage',
		'Entire mobile online banking is down',
		'404 everywhere'
	);
	await playAs(other, 'John Smith (Agent)');
	await expect(queueButton(other, /^Open \d/)).toHaveText(/Open\s*1/);
	await expect(stepItem(other, 'Karen reports the outage')).toContainText('Passed');
});

test('the report prints on at most two pages', async ({ page }) => {
	await start(page, 'banking-outage');
	await page.getByRole('button', { name: 'Submit' }).click();
	await page.getByRole('button', { name: 'Yes, submit' }).click();
	await expect(page).toHaveURL(/\/report\//);
	await expect(page.getByText('0 / 100')).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'Export CSV' })).toBeHidden();
	const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
	const pages = pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
	expect(pages).toBeGreaterThanOrEqual(1);
	expect(pages).toBeLessThanOrEqual(2);
});
