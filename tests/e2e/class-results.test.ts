/**
 * Class results against the real test LRS (tests/lrs/start-lrs.mjs): two
 * learners' statements, shaped as Deskdrill's sender shapes them, are posted
 * to the LRS; the page reads them back and shows each learner's best score,
 * sorts, filters, downloads the CSV, and says in words why a wrong secret
 * reads nothing. The LRS keeps statements between runs, so each run's
 * learners carry a run tag and the table is filtered to them. The browser's
 * settings are written to its IndexedDB (see class-helpers.ts).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ENDPOINT, LAB, LAB_TITLE, attempt, learner, postToLrs, saveConfig } from './class-helpers';

const run = Date.now().toString(36);
const ana = learner('Ana', 'Ortiz', run);
const ben = learner('Ben', 'Bauer', run);

const table = (page: Page) => page.getByRole('region', { name: 'Class results table' });
const rowOf = (page: Page, name: string) =>
	table(page)
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name }) });
const learnerRows = (page: Page) => table(page).locator('tbody tr');

test('without an LRS, Class results says so and points to Settings', async ({ page }) => {
	await page.goto('/class');
	await expect(
		page.getByRole('heading', { name: 'No learning record store is set up' })
	).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'Settings › Learning Record Store' })
	).toHaveAttribute('href', /\/settings#lrs-title$/);
});

test('two learners from the real LRS: best scores, sorting, filtering and the CSV', async ({
	page
}) => {
	const day = new Date(Date.UTC(2026, 2, 2, 9, 0));
	const later = (h: number) => new Date(day.getTime() + h * 3_600_000);
	// Ana: failed, then passed with 90 (1 hint, 12m30s), then started again and left it.
	// Ben: one attempt, 45. Sent out of order, as a flaky network might.
	const anaFirst = attempt(ana, {
		start: day,
		scaled: 0.6,
		hints: 3,
		intake: 6,
		duration: 'PT20M'
	});
	const anaBest = attempt(ana, {
		start: later(1),
		scaled: 0.9,
		hints: 1,
		intake: 9,
		duration: 'PT12M30S'
	});
	const anaLeft = attempt(ana, { start: later(2) });
	const benOnly = attempt(ben, {
		start: later(1),
		scaled: 0.45,
		hints: 0,
		intake: 4,
		duration: 'PT1H2M'
	});
	await postToLrs(page, [...anaLeft, ...benOnly.reverse(), ...anaBest]);
	await postToLrs(page, anaFirst);

	await saveConfig(page);
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Class results' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Class results' })).toBeVisible();
	await expect(page.getByText(`Reading from ${ENDPOINT}`)).toBeVisible();

	// All labs first (one query each): a Lab column says whose row is whose.
	const labHeading = table(page).getByRole('columnheader', { name: /^Lab\b/ });
	await page.getByRole('searchbox', { name: 'Find a learner' }).fill(run);
	await expect(learnerRows(page)).toHaveCount(2);
	await expect(labHeading).toBeVisible();
	await expect(learnerRows(page).first()).toContainText(LAB_TITLE);

	await page.getByLabel('Lab', { exact: true }).selectOption({ label: LAB_TITLE });
	await expect(labHeading).toHaveCount(0);
	await page.getByRole('searchbox', { name: 'Find a learner' }).fill(run);
	await expect(learnerRows(page)).toHaveCount(2);

	const anaRow = rowOf(page, ana.name);
	const benRow = rowOf(page, ben.name);
	// Learner, attempts, best score, passed, intake (best attempt), time, hints, last attempt.
	await expect(anaRow.getByRole('cell').nth(0)).toHaveText('3');
	await expect(anaRow.getByRole('cell').nth(1)).toHaveText('90%');
	await expect(anaRow.getByRole('cell').nth(2)).toHaveText('Passed');
	await expect(anaRow).toContainText('9 / 10');
	await expect(anaRow).toContainText('12 min 30 s');
	await expect(benRow.getByRole('cell').nth(0)).toHaveText('1');
	await expect(benRow.getByRole('cell').nth(1)).toHaveText('45%');
	await expect(benRow.getByRole('cell').nth(2)).toHaveText('Not yet');
	await expect(benRow).toContainText('1 h 2 min');

	// Sort by score: high to low first, then the other way.
	const scoreHeading = table(page).getByRole('columnheader', { name: /Best score/ });
	await scoreHeading.getByRole('button').click();
	await expect(scoreHeading).toHaveAttribute('aria-sort', 'descending');
	await expect(learnerRows(page).first().getByRole('rowheader')).toContainText(ana.name);
	await scoreHeading.getByRole('button').click();
	await expect(scoreHeading).toHaveAttribute('aria-sort', 'ascending');
	await expect(learnerRows(page).first().getByRole('rowheader')).toContainText(ben.name);

	// The CSV holds what the table shows, in its order.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download CSV' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(
		/^deskdrill-class-banking-outage-\d{4}-\d{2}-\d{2}\.csv$/
	);
	const csv = readFileSync((await download.path()) as string, 'utf8').split('\r\n');
	expect(csv[0]).toContain('"learner","e-mail","account","attempts","best score %","passed"');
	expect(csv[0]).toContain('"intake points","intake max","time (s)","hints","last attempt (UTC)"');
	expect(csv[1]).toBe(
		`"${LAB}","${LAB_TITLE}","${ben.name}","ben.${run}@example.org","","1","45","no","4","10","3720","0","2026-03-02T10:12:00.000Z"`
	);
	expect(csv[2]).toBe(
		`"${LAB}","${LAB_TITLE}","${ana.name}","ana.${run}@example.org","","3","90","yes","9","10","750","1","2026-03-02T11:00:00.000Z"`
	);
	expect(csv.slice(3)).toEqual(['']);

	// Filter to one learner by her e-mail.
	await page.getByRole('searchbox', { name: 'Find a learner' }).fill(`ana.${run}@`);
	await expect(learnerRows(page)).toHaveCount(1);
	await expect(rowOf(page, ana.name)).toBeVisible();
	await page.getByRole('searchbox', { name: 'Find a learner' }).fill(`nobody ${run}`);
	await expect(table(page)).toContainText(`No learner matches “nobody ${run}”.`);
});

test('a wrong secret reads nothing and says why, in words', async ({ page }) => {
	await saveConfig(page, 'not-the-secret');
	await page.goto('/class');
	await expect(page.getByRole('alert')).toHaveText(
		`The learning record store at ${ENDPOINT} refused the key and secret (HTTP 401: Unauthorised). Check them in Settings.`
	);
	await expect(table(page)).toHaveCount(0);
});
