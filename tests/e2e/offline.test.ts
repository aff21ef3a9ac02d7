/**
 * Offline-first: after one visit the app, with its bundled labs, works with the
 * network off; progress made offline survives a reload offline. Settings show
 * the storage used, and a foreign backup file is refused without changes.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { controlledByServiceWorker, startTheLab } from './lab-helpers';

const steps = (page: Page) => page.getByRole('complementary', { name: 'Lab steps' });

test('load once, go offline, open a lab, complete a step, reload: the progress is still there', async ({
	page,
	context
}) => {
	await controlledByServiceWorker(page);
	await expect(page.getByRole('heading', { name: 'Help desk labs' })).toBeVisible();

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Help desk labs' })).toBeVisible();
	await page
		.locator('[data-lab="banking-outage"]')
		.getByRole('button', { name: /^Start practice/ })
		.click();
	await expect(page).toHaveURL(/\/lab\//);
	await startTheLab(page);

	await page.getByRole('button', { name: 'Karen Karen (End user)', exact: true }).click();
	await page.getByRole('button', { name: 'Open a New Ticket' }).click();
	await page
		.getByLabel('Help Topic', { exact: true })
		.selectOption({ label: 'Business Critical Outage' });
	await page.getByLabel('Issue Summary').fill('Entire mobile online banking is down');
	await page.getByLabel('Issue Details').fill('Customers get a 404 error.');
	await page.getByRole('button', { name: 'Create Ticket' }).click();
	await expect(page.getByRole('heading', { name: /^Ticket #\d{6} created$/ })).toBeVisible();
	const step = steps(page).getByRole('listitem').filter({ hasText: 'Karen reports the outage' });
	await expect(step).toContainText('Passed');

	await page.reload();
	await expect(steps(page)).toBeVisible();
	await expect(
		steps(page).getByRole('listitem').filter({ hasText: 'Karen reports the outage' })
	).toContainText('Passed');
	// 10 for the report, 5 for the right help topic; routing earns nothing before anyone routes it.
	await expect(steps(page)).toContainText('Score: 15 / 100');

	// A deep link to another page works offline too (the cached app shell).
	await page.goto('/settings');
	await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
	await context.setOffline(false);
});

test('settings show the space used; a foreign backup file is refused and changes nothing', async ({
	page
}) => {
	await page.goto('/');
	await page
		.locator('[data-lab="cfo-laptop"]')
		.getByRole('button', { name: /^Start practice/ })
		.click();
	await expect(page).toHaveURL(/\/lab\//);
	await page.goto('/settings');
	await expect(page.getByText('Space used by Deskdrill')).toBeVisible();
	await expect(page.getByText(/Lab attempts saved/)).toBeVisible();
	const saved = page.locator('dd').nth(1);
	await expect(saved).toHaveText('1');

	await page.getByLabel('Restore a backup file').setInputFiles({
		name: 'holiday-photos.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify({ photos: ['beach.jpg'] }))
	});
	await expect(page.getByRole('alert')).toHaveText('This is not a Deskdrill backup file.');
	await page.getByLabel('Restore a backup file').setInputFiles({
		name: 'broken.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"format": "deskdrill-backup", "version": 1, "attem')
	});
	await expect(page.getByRole('alert')).toContainText('not valid JSON');
	await page.reload();
	await expect(page.locator('dd').nth(1)).toHaveText('1');

	// A broken scenario import names the file, line and column.
	await page.getByLabel('Scenario file').setInputFiles({
		name: 'my-lab.md',
		mimeType: 'text/markdown',
		buffer: Buffer.from('---\nid: my-lab\ntitle: [unclosed\n---\n')
	});
	await expect(page.getByRole('alert')).toContainText('my-lab.md was not imported');
	await expect(page.getByText(/^my-lab\.md:\d+:\d+: /)).toBeVisible();
});

test('an instructor imports a lab file; it joins the catalogue and can be played', async ({
	page
}) => {
	const source = readFileSync('scenarios/cfo-laptop.md', 'utf8')
		.replace(/^id: cfo-laptop$/m, 'id: cfo-laptop-local')
		.replace(/^title: .*$/m, "title: 'Local copy: the CFO laptop'");
	await page.goto('/settings');
	await page.getByLabel('Scenario file').setInputFiles({
		name: 'cfo-laptop-local.md',
		mimeType: 'text/markdown',
		buffer: Buffer.from(source)
	});
	await expect(page.getByRole('status')).toContainText('Imported “Local copy: the CFO laptop”');
	await page.goto('/');
	const lab = page.locator('[data-lab="cfo-laptop-local"]');
	await expect(lab).toContainText('imported');
	await expect(page.locator('[data-lab]')).toHaveCount(7);
	await lab.getByRole('button', { name: /^Start practice/ }).click();
	await expect(page).toHaveURL(/\/lab\//);
	await startTheLab(page);
	await expect(page.getByRole('heading', { name: 'Local copy: the CFO laptop' })).toBeVisible();
	await expect(steps(page)).toContainText('Score: 0 / 100');
});
