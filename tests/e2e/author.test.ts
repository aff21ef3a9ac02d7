/**
 * The Author page (issue 16): a copy of a lab opened from its catalogue card,
 * a YAML error marked at its line as it is typed and cleared when fixed, the
 * preview restarted or rebuilt keeping progress; and record-to-author: the
 * starter lab's solution recorded by playing it, after which the lab passes
 * its own self-test in the page, and a wrong attempt recorded with the steps
 * it fails filled in.
 */
import { expect, test, type Page } from '@playwright/test';
import { openFromQueue, playAs, portalOpenTicket } from './lab-helpers';

const editor = (page: Page) => page.locator('.cm-content');
const line = (page: Page, text: string) => page.locator('.cm-line', { hasText: text });
const problems = (page: Page) => page.getByRole('region', { name: /problem/ });
const preview = (page: Page) => page.getByRole('region', { name: 'Live preview' });
const selfTest = (page: Page) => page.getByRole('region', { name: /^Self-test/ });

/** The simulated time the preview shows beside its clock buttons. */
const clockText = (page: Page) =>
	preview(page).getByRole('group', { name: 'Simulated clock' }).locator('.hint');

test('a copy of a lab: a YAML error is marked at its line, fixed, and the preview restarts', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('link', { name: /^Edit a copy\s*: Adobe upgrade/ }).click();
	await expect(page).toHaveURL(/\/author\?lab=adobe-upgrade$/);
	await expect(line(page, 'id: adobe-upgrade')).toBeVisible();
	await expect(problems(page).getByRole('heading')).toHaveText('No problems');

	// Line 10 is "minutes: 15"; a second "minutes:" on line 11 is a YAML error (keys are unique).
	await line(page, 'minutes: 15').click();
	await page.keyboard.press('End');
	await page.keyboard.press('Enter');
	await page.keyboard.insertText('minutes: 20');
	await expect(problems(page).getByRole('heading')).toHaveText('1 problem');
	await expect(problems(page).getByRole('button')).toHaveText(
		'adobe-upgrade.md:11:1: bad YAML: Map keys must be unique'
	);
	// Marked in the editor on that line: the eleventh line holds the error's underline.
	await expect(page.locator('.cm-line').nth(10)).toHaveText('minutes: 20');
	await expect(page.locator('.cm-line').nth(10).locator('.cm-lintRange-error')).toHaveCount(1);
	await expect(page.getByRole('button', { name: 'Restart the preview' })).toBeDisabled();

	// The problem jumps to its place; deleting the line fixes it.
	await problems(page).getByRole('button').click();
	await page.keyboard.press('Shift+End');
	await page.keyboard.press('Backspace');
	await page.keyboard.press('Backspace');
	await expect(problems(page).getByRole('heading')).toHaveText('No problems');
	await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);

	// The preview: an hour passes, a restart starts afresh, "Keep my progress" replays the hour.
	const start = await clockText(page).textContent();
	await preview(page).getByRole('button', { name: '+1 hour' }).click();
	await expect(clockText(page)).not.toHaveText(start ?? '');
	const later = await clockText(page).textContent();
	await page.getByRole('button', { name: 'Keep my progress' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'rebuilt' })).toHaveText(
		'The preview was rebuilt and 1 command replayed.'
	);
	await expect(clockText(page)).toHaveText(later ?? '');
	await page.getByRole('button', { name: 'Restart the preview' }).click();
	await expect(clockText(page)).toHaveText(start ?? '');
});

test('record-to-author: the starter lab’s solution is recorded by playing it and passes its self-test', async ({
	page
}) => {
	await page.goto('/author');
	await expect(line(page, 'id: printer-reply')).toBeVisible();

	// As written, the placeholder solution does not pass.
	await page.getByRole('button', { name: 'Run the self-test' }).click();
	await expect(selfTest(page).getByRole('heading')).toHaveText('Self-test: FAIL');
	await expect(selfTest(page)).toContainText('reference solution: expected 10/10, got 0/10');

	await page.getByRole('button', { name: 'Record the solution' }).click();
	await expect(preview(page).getByText('Recording', { exact: true })).toBeVisible();
	await playAs(page, 'Karen Karen (End user)');
	const number = await portalOpenTicket(
		page,
		'General Inquiry',
		'My printer will not print',
		'Nothing comes out of the second-floor printer.'
	);
	await preview(page).getByRole('button', { name: '+1 hour' }).click();
	await playAs(page, 'John Smith (Agent)');
	await openFromQueue(page, /^Open \d/, number);
	await page.getByLabel('Response', { exact: true }).fill('I restarted the print queue.');
	await page.getByRole('button', { name: 'Post Reply' }).click();
	await expect(preview(page).getByText('Passed')).toBeVisible();
	await page.getByRole('button', { name: 'Stop and write' }).click();

	// Written as script lines, the ticket named by its binding, the hour as advance:.
	// The editor brings the written lines into view (it draws only the lines on screen).
	const written = async () => (await editor(page).innerText()).replace(/\u00a0/g, ' ');
	await expect.poll(written).toMatch(/solution:\n {2}- as: karen\n {4}do: ticket.open\n/);
	// John opening the ticket is a command too (ticket.view), so the hour goes on it.
	expect(await written()).toMatch(
		/- \{ advance: 1h, as: john, do: ticket.view, ticket: printer \}\n {2}- as: john\n {4}do: ticket.reply\n {4}ticket: printer\n {4}body: I restarted the print queue\.\n/
	);
	expect(await written()).not.toContain('advance: 1m');
	await expect(selfTest(page).getByRole('heading')).toHaveText('Self-test: PASS');
	await expect(selfTest(page)).toContainText('reference solution: expected 10/10, got 10/10');

	// A wrong attempt: Karen opens the ticket and nobody answers; it fails the one step.
	await page.getByLabel('Wrong attempt’s name').fill('nobody replies');
	await page.getByRole('button', { name: 'Record a wrong attempt' }).click();
	await playAs(page, 'Karen Karen (End user)');
	await portalOpenTicket(page, 'General Inquiry', 'Printer jammed', 'Paper jam on floor two.');
	await page.getByRole('button', { name: 'Stop and write' }).click();
	await expect(line(page, '- name: nobody replies')).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'nobody replies' })).toContainText(
		'it fails answer'
	);
	await expect(selfTest(page)).toContainText(
		'nobody replies: expected fails answer; got fails answer, scores 5'
	);
	await expect(selfTest(page).getByRole('heading')).toHaveText('Self-test: PASS');
});
