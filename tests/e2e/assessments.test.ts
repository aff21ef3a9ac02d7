/**
 * Hiring assessments end to end: a manager creates an assessment for two
 * candidates; each takes it through their own link on their own variant (one
 * passes, one fails); a third, with a 1-minute limit, runs out of time and is
 * graded as the lab stood. Review results re-grades the three files: all
 * Verified, with the right scores side by side; a file whose score was
 * edited by hand shows Mismatch with both figures.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { portalOpenTicket, startTheLab, steps, workTheCfoLaptop } from './lab-helpers';

const SUBJECT = "CFO's laptop will no longer turn on";

/** Create an assessment of the CFO's laptop; returns each candidate's link. */
async function createAssessment(page: Page, title: string, minutes: number, candidates: string[]) {
	await page.goto('/assessments');
	await page.getByLabel('Name of the assessment').fill(title);
	await page.getByRole('checkbox', { name: /CFO's laptop/ }).check();
	await page.getByLabel('Time limit per lab (minutes)').fill(String(minutes));
	await page.getByLabel('Pass mark (%)').fill('70');
	await page.getByRole('checkbox', { name: 'The candidate sees the score at the end' }).check();
	await page.getByLabel(/^Candidates/).fill(candidates.join('\n'));
	await page.getByRole('button', { name: 'Create the links' }).click();
	const table = page.getByRole('list', { name: `Links for ${title}`, exact: true });
	const links: string[] = [];
	for (const name of candidates)
		links.push(
			(await table
				.getByRole('listitem')
				.filter({ hasText: name })
				.getByRole('link')
				.getAttribute('href')) ?? ''
		);
	return links;
}

/** Open a link, read its start page, start the lab; returns the end user persona's name. */
async function begin(page: Page, link: string, minutes: number) {
	await page.goto(link);
	await expect(
		page.getByText(`${minutes} minute${minutes === 1 ? '' : 's'} per lab`)
	).toBeVisible();
	await expect(page.getByText('Pasting text and leaving this window are noted')).toBeVisible();
	await page.getByRole('button', { name: 'Start the assessment' }).click();
	await expect(page).toHaveURL(/\/lab\//);
	await startTheLab(page);
	// An assessment has no hints.
	await expect(page.getByRole('button', { name: /^Show .* hint/ })).toHaveCount(0);
	const endUser = page.getByRole('button', { name: /\(End user\)$/ });
	const name = (await endUser.textContent())?.trim() ?? '';
	await endUser.click();
	const number = await portalOpenTicket(page, 'General Inquiry', SUBJECT, 'No lights at all.');
	return { name, number };
}

async function submit(page: Page) {
	await page.getByRole('button', { name: 'Submit' }).click();
	await page.getByRole('button', { name: 'Yes, submit' }).click();
}

/** At the end: the score (shown, as the link allows) and the result file, saved to `path`. */
async function finish(page: Page, score: string, path: string) {
	await expect(page).toHaveURL(/\/take/);
	await expect(page.getByRole('heading', { name: 'You have finished' })).toBeVisible();
	await expect(page.getByText(`Your score: ${score}`)).toBeVisible();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download your result file' }).click();
	await (await download).saveAs(path);
}

test('create, take through two links, time out a third, review: Verified side by side, an edited score Mismatch', async ({
	page
}, info) => {
	test.setTimeout(240_000);
	await page.clock.install();
	const [ann, bob] = await createAssessment(page, 'Desk analyst', 20, [
		'Ann Avery',
		'bob@example.com'
	]);
	const [cy] = await createAssessment(page, 'Desk analyst, quick', 1, ['Cy Chen']);

	// Ann works the whole lab on her variant: 100.
	const a = await begin(page, ann!, 20);
	await steps(page).getByText('Set the SLA plan').click();
	const sla = (await steps(page).textContent())?.match(/SLA plan\s+(SEV-[AB])/)?.[1] ?? '';
	expect(sla).toMatch(/^SEV-[AB]$/);
	await workTheCfoLaptop(page, a.number, sla);
	await submit(page);
	const annFile = info.outputPath('ann.json');
	await finish(page, '100 / 100', annFile);

	// Bob, on another variant (another reporter), only reports it: 10, a fail.
	await page.goto('/');
	const b = await begin(page, bob!, 20);
	expect(b.name).not.toBe(a.name);
	await submit(page);
	const bobFile = info.outputPath('bob.json');
	await finish(page, '10 / 100', bobFile);

	// Cy has 1 minute: the clock runs out after the ticket is reported; graded as it stood.
	await page.goto('/');
	await begin(page, cy!, 1);
	await page.clock.fastForward('01:05');
	await expect(page.getByText('Time is up')).toBeVisible();
	await page.getByRole('link', { name: 'Continue' }).click();
	const cyFile = info.outputPath('cy.json');
	await finish(page, '10 / 100', cyFile);
	expect(JSON.parse(readFileSync(cyFile, 'utf8')).labs[0].attempt.status).toBe('timedOut');

	// Review: all three re-graded here and verified, side by side.
	await page.goto('/review');
	await page.getByLabel('Result files', { exact: true }).setInputFiles([annFile, bobFile, cyFile]);
	const table = page.getByRole('region', { name: 'Candidates side by side' });
	const row = (name: string) => table.getByRole('row', { name: new RegExp(name) });
	await expect(table.getByRole('row')).toHaveCount(4);
	await expect(row('Ann Avery')).toContainText('Verified');
	await expect(row('Ann Avery')).toContainText('100 / 100');
	await expect(row('Ann Avery')).toContainText('Pass');
	await expect(row('bob@example.com')).toContainText('Verified');
	await expect(row('bob@example.com')).toContainText('10 / 100');
	await expect(row('bob@example.com')).toContainText('Fail');
	await expect(row('Cy Chen')).toContainText('Verified');
	await expect(row('Cy Chen')).toContainText('10 / 100');

	// Bob's score edited by hand: Mismatch, with both figures.
	const edited = JSON.parse(readFileSync(bobFile, 'utf8'));
	edited.labs[0].stated.score = 100;
	edited.labs[0].stated.passed = true;
	const editedFile = info.outputPath('bob-edited.json');
	writeFileSync(editedFile, JSON.stringify(edited));
	await page.getByLabel('Result files', { exact: true }).setInputFiles(editedFile);
	await expect(row('bob@example.com')).toContainText('Mismatch');
	await expect(row('bob@example.com')).toContainText(
		'The file states 100 / 100; its journal earns 10 / 100.'
	);
	await expect(row('bob@example.com')).toContainText('Fail');

	// The comparison exports to CSV.
	const csv = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export CSV' }).click();
	const text = readFileSync((await (await csv).path()) ?? '', 'utf8');
	expect(text).toContain('"Ann Avery","Desk analyst"');
	expect(text).toContain('"mismatch"');

	// Replay of every action: Ann's result opens as a read-only report.
	await row('Ann Avery')
		.getByRole('button', { name: /^Replay/ })
		.click();
	await expect(page).toHaveURL(/\/report\//);
	await expect(page.getByText('100 / 100')).toBeVisible();
});
