/**
 * One truth per attempt: a second tab, a failing storage or a restored file
 * cannot change a result behind the learner's back.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { playAs, portalOpenTicket, start, startTheLab, stepItem, steps } from './lab-helpers';

test.use({ serviceWorkers: 'block' });

async function startAssessment(page: Page, lab: string) {
	await page.goto('/');
	await page
		.locator(`[data-lab="${lab}"]`)
		.getByRole('button', { name: /^Assessment/ })
		.click();
	await page.getByLabel('Candidate name').fill('Rae Ortiz');
	await page.getByRole('button', { name: 'Start assessment' }).click();
	await expect(page).toHaveURL(/\/lab\//);
	await startTheLab(page);
}

/** Karen fills in the portal's new-ticket form, up to (not including) Create Ticket. */
async function karenFillsTheForm(page: Page) {
	await playAs(page, 'Karen Karen (End user)');
	await page.getByRole('button', { name: 'Open a New Ticket' }).click();
	await page
		.getByLabel('Help Topic', { exact: true })
		.selectOption({ label: 'Business Critical Outage' });
	await page.getByLabel('Issue Summary').fill('Entire mobile online banking is down');
	await page.getByLabel('Issue Details').fill('404 everywhere');
}

/** Karen tries to open a ticket in the portal (the second tab's "action"). */
async function karenTries(page: Page) {
	await karenFillsTheForm(page);
	await page.getByRole('button', { name: 'Create Ticket' }).click();
}

/** From now on every IndexedDB put fails as a full disk does. */
async function fillTheDisk(page: Page) {
	await page.evaluate(() => {
		IDBObjectStore.prototype.put = function () {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
		IDBObjectStore.prototype.add = IDBObjectStore.prototype.put;
	});
}

/**
 * A second tab of the same attempt that hears nothing from the others (as
 * when a broadcast is lost): only the stored record can stop its actions.
 */
async function deafTab(context: BrowserContext, url: string): Promise<Page> {
	const tab = await context.newPage();
	await tab.addInitScript(() => {
		Object.defineProperty(window, 'BroadcastChannel', { value: undefined });
	});
	await tab.goto(url);
	await expect(steps(tab)).toBeVisible();
	return tab;
}

test.describe('two tabs of one attempt', () => {
	test('submitting in one tab locks the other: its action is refused and the attempt stays submitted', async ({
		page,
		context
	}) => {
		await startAssessment(page, 'banking-outage');
		const other = await context.newPage();
		await other.goto(page.url());
		await expect(steps(other)).toBeVisible();

		await page.getByRole('button', { name: 'Submit' }).click();
		await page.getByRole('button', { name: 'Yes, submit' }).click();
		await expect(page).toHaveURL(/\/report\//);

		// The other tab hears it at once, and its action is refused by the stored status.
		await expect(
			other.getByText('This attempt has been submitted and can no longer be changed.').first()
		).toBeVisible();
		await karenTries(other);
		await expect(other.getByRole('heading', { name: /^Ticket #\d{6} created$/ })).toHaveCount(0);

		await page.reload();
		await expect(page.getByText('submitted', { exact: false }).first()).toBeVisible();
		await expect(page.getByText('still in progress')).toHaveCount(0);
	});

	test('a hint opened in one tab is kept when the other tab acts', async ({ page, context }) => {
		await start(page, 'banking-outage');
		const other = await context.newPage();
		await other.goto(page.url());
		await expect(steps(other)).toBeVisible();

		await page.getByRole('button', { name: /Apply the SLA plan/ }).click();
		await page.getByRole('button', { name: /^Show a hint/ }).click();
		await expect(page.getByText('SEV-A, SEV-B and SEV-C differ')).toBeVisible();

		await playAs(other, 'Karen Karen (End user)');
		await portalOpenTicket(
			other,
			'Business Critical Outage',
			'Entire mobile online banking is down',
			'404 for every customer'
		);
		await expect(stepItem(other, 'Karen reports the outage')).toContainText('Passed');

		await page.reload();
		await page.getByRole('button', { name: /Apply the SLA plan/ }).click();
		await expect(page.getByText('SEV-A, SEV-B and SEV-C differ')).toBeVisible();
	});

	test('a pause in one tab refuses an action in the other, even one that missed the news', async ({
		page,
		context
	}) => {
		await start(page, 'banking-outage');
		const listening = await context.newPage();
		await listening.goto(page.url());
		await expect(steps(listening)).toBeVisible();
		const other = await deafTab(context, page.url());
		// The deaf tab has its form ready before the pause, so only the stored record can stop it.
		await karenFillsTheForm(other);
		await page.getByRole('button', { name: 'Pause' }).click();
		// A tab that hears it locks at once.
		await expect(listening.getByText('The lab is paused. Resume it to carry on.')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
		await other.getByRole('button', { name: 'Create Ticket' }).click();
		await expect(
			other.getByText('The lab is paused. Resume it to carry on.').first()
		).toBeVisible();
		await expect(other.getByRole('heading', { name: /^Ticket #\d{6} created$/ })).toHaveCount(0);
	});
});

test.describe('when the storage fails', () => {
	test('a submission that cannot be stored says so, and the attempt is still in progress', async ({
		page
	}) => {
		await start(page, 'banking-outage');
		await fillTheDisk(page);
		await page.getByRole('button', { name: 'Submit' }).click();
		await page.getByRole('button', { name: 'Yes, submit' }).click();
		await expect(page.getByRole('alert').filter({ hasText: 'could not be saved' })).toHaveText(
			'The submission could not be saved (the browser storage is full), so nothing changed.'
		);
		await expect(page).toHaveURL(/\/lab\//);
		await expect(page.getByText('This attempt has been submitted')).toHaveCount(0);
		await page.reload();
		await expect(page.getByRole('button', { name: 'Submit' })).toBeVisible();
	});

	test('a hint that cannot be stored is not shown', async ({ page }) => {
		await start(page, 'banking-outage');
		await fillTheDisk(page);
		await page.getByRole('button', { name: /Apply the SLA plan/ }).click();
		await page.getByRole('button', { name: /^Show a hint/ }).click();
		await expect(
			page.getByRole('alert').filter({ hasText: 'The hint could not be saved' })
		).toBeVisible();
		await expect(page.getByText('SEV-A, SEV-B and SEV-C differ')).toHaveCount(0);
	});

	test('a reset that cannot be stored reopens the lab as it was, and says why', async ({
		page
	}) => {
		await start(page, 'banking-outage');
		await playAs(page, 'Karen Karen (End user)');
		await portalOpenTicket(
			page,
			'Business Critical Outage',
			'Entire mobile online banking is down',
			'404 for every customer'
		);
		await fillTheDisk(page);
		page.once('dialog', (dialog) => void dialog.accept());
		await page.getByRole('button', { name: 'Reset lab' }).click();
		await expect(page.getByRole('alert').filter({ hasText: 'could not be reset' })).toBeVisible();
		await expect(stepItem(page, 'Karen reports the outage')).toContainText('Passed');
	});
});

/** The Settings page's restore input, given a file made in the test. */
async function restoreFile(page: Page, content: unknown) {
	await page.goto('/settings');
	await page.getByLabel('Restore a backup file').setInputFiles({
		name: 'backup.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(content))
	});
}

async function exportBackup(page: Page): Promise<Record<string, unknown>> {
	await page.goto('/settings');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export backup' }).click();
	const path = await (await download).path();
	return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

const labText = (id: string) =>
	readFileSync('scenarios/banking-outage.md', 'utf8').replace('id: banking-outage', `id: ${id}`);

test.describe('restoring a backup', () => {
	test('two copies of one lab in the file become one lab in the catalogue', async ({ page }) => {
		await restoreFile(page, {
			format: 'deskdrill-backup',
			version: 1,
			exportedAt: new Date().toISOString(),
			attempts: [],
			scenarios: [
				{ id: 'one', fileName: 'a.md', text: labText('twin-lab'), importedAt: 1 },
				{ id: 'two', fileName: 'b.md', text: labText('twin-lab'), importedAt: 2 }
			]
		});
		await expect(page.getByRole('status')).toContainText('and 1 imported lab');
		await page.goto('/');
		await expect(page.locator('[data-lab="twin-lab"]')).toHaveCount(1);
		await page.goto('/settings');
		await page.getByRole('button', { name: 'Remove twin-lab' }).click();
		await page.goto('/');
		await expect(page.locator('[data-lab="twin-lab"]')).toHaveCount(0);
	});

	test('an older file over newer work asks first, and can keep both', async ({ page }) => {
		await start(page, 'banking-outage');
		const lab = page.url();
		const old = await exportBackup(page);
		await page.goto(lab);
		await playAs(page, 'Karen Karen (End user)');
		await portalOpenTicket(page, 'Business Critical Outage', 'Mobile banking is down', '404');
		await restoreFile(page, old);
		await expect(page.getByRole('alertdialog')).toContainText(
			'This file is older than your work here'
		);
		await page
			.getByRole('button', { name: "Keep my work and restore the file's as copies" })
			.click();
		await expect(page.getByRole('status')).toContainText('as copies beside newer work');
		await page.goto('/');
		await expect(page.locator('[data-lab="banking-outage"]')).toContainText('Resume');
	});

	test('a help desk whose tickets name a missing department is refused, naming the ticket', async ({
		page
	}) => {
		await start(page, 'banking-outage');
		await playAs(page, 'Karen Karen (End user)');
		const number = await portalOpenTicket(page, 'Business Critical Outage', 'Banking down', '404');
		const backup = await exportBackup(page);
		const attempts = backup['attempts'] as {
			world: { tickets: Record<string, { deptId: string }> };
		}[];
		for (const ticket of Object.values(attempts[0]!.world.tickets)) ticket.deptId = 'nowhere';
		await restoreFile(page, backup);
		await expect(page.getByRole('alert')).toContainText(
			`ticket #${number} is in a department “nowhere” that does not exist`
		);
	});

	test('a restored record whose score does not follow from its journal is marked inconsistent', async ({
		page
	}) => {
		await start(page, 'banking-outage');
		await page.getByRole('button', { name: 'Submit' }).click();
		await page.getByRole('button', { name: 'Yes, submit' }).click();
		await expect(page).toHaveURL(/\/report\//);
		const reportUrl = page.url();
		const backup = await exportBackup(page);
		const attempts = backup['attempts'] as { record: { score: number } }[];
		attempts[0]!.record.score = 100; // the forged pass
		await restoreFile(page, backup);
		await expect(page.getByRole('status')).toContainText('Restored 1 attempt');
		await page.goto(reportUrl);
		await expect(page.getByRole('alert')).toContainText(
			'Inconsistent: this result does not follow from its record.'
		);
		await expect(page.getByRole('alert')).toContainText(
			'The stored score (100) is not the score the journal earns (0).'
		);
		await expect(page.locator('p.total')).toContainText('0 / 100');
	});
});
