/**
 * Driving a lab the way a trainee does, by the labels osTicket uses (Open a
 * New Ticket, Help Topic, Issue Summary, Edit, Assign ▾, Transfer, Change
 * Status, More ▾, the Post Reply and Post Internal Note tabs, Ticket
 * Status...), shared by the lab-runner tests, the walks of the seed tutorials
 * and the Agent Panel's own tests.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** No serious or critical accessibility violation on the whole page. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	const serious = results.violations.filter(
		(v) => v.impact === 'serious' || v.impact === 'critical'
	);
	expect(
		serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
	).toEqual([]);
}

export const steps = (page: Page) => page.getByRole('complementary', { name: 'Lab steps' });
export const stepItem = (page: Page, title: string) =>
	steps(page).getByRole('listitem').filter({ hasText: title });

/** The briefing a fresh lab opens with (and the bar's Briefing button opens again). */
export const briefing = (page: Page) => page.getByRole('dialog', { name: /^Briefing/ });

/** A fresh lab opens with its briefing: read, then "Start the lab". */
export async function startTheLab(page: Page) {
	await briefing(page).getByRole('button', { name: 'Start the lab' }).click();
	await expect(briefing(page)).toBeHidden();
}

/** The "Lab complete" moment of a practice attempt whose every step has passed. */
export const labComplete = (page: Page) => page.getByRole('dialog', { name: 'Lab complete' });

/** Close the "Lab complete" moment to carry on in the lab. */
export async function keepExploring(page: Page) {
	await labComplete(page).getByRole('button', { name: 'Keep exploring' }).click();
	await expect(labComplete(page)).toBeHidden();
}

/** Start a lab in practice mode from the catalogue, past its briefing. */
export async function start(page: Page, lab: string) {
	await page.goto('/');
	await page
		.locator(`[data-lab="${lab}"]`)
		.getByRole('button', { name: /^Start practice/ })
		.click();
	await expect(page).toHaveURL(/\/lab\/[\w-]+$/);
	await startTheLab(page);
	await expect(steps(page)).toBeVisible();
}

export async function playAs(page: Page, persona: string) {
	await page.getByRole('button', { name: persona, exact: true }).click();
	await expect(page.getByRole('button', { name: persona, exact: true })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
}

/** The portal's Open a New Ticket, as the signed-in end user; returns the ticket number. */
export async function portalOpenTicket(
	page: Page,
	topic: string,
	subject: string,
	details: string
) {
	await page.getByRole('button', { name: 'Open a New Ticket' }).click();
	await page.getByLabel('Help Topic', { exact: true }).selectOption({ label: topic });
	await page.getByLabel('Issue Summary').fill(subject);
	await page.getByLabel('Issue Details').fill(details);
	await page.getByRole('button', { name: 'Create Ticket' }).click();
	const heading = page.getByRole('heading', { name: /^Ticket #\d{6} created$/ });
	await expect(heading).toBeVisible();
	return ((await heading.textContent()) ?? '').match(/#(\d{6})/)?.[1] as string;
}

export const queueButton = (page: Page, queue: RegExp) =>
	page.getByRole('navigation', { name: 'Ticket queues' }).getByRole('button', { name: queue });

/**
 * A top queue's drop-down of sub-queues (Open ▾, My Tickets ▾, Closed ▾), opened
 * by its ▾ button, so that queueButton finds "Open / Answered", "Closed / Today"...
 */
export async function openQueueMenu(page: Page, top: 'Open' | 'My Tickets' | 'Closed') {
	const toggle = page
		.getByRole('navigation', { name: 'Ticket queues' })
		.getByRole('button', { name: `${top} queues` });
	if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

export async function openFromQueue(page: Page, queue: RegExp, number: string) {
	await queueButton(page, queue).click();
	await page
		.getByRole('row', { name: new RegExp(`#${number}`) })
		.getByRole('button', { name: `#${number}` })
		.click();
	await expect(page.getByRole('heading', { name: `Ticket #${number}` })).toBeVisible();
}

/** Edit: each label (Priority, SLA Plan, Help Topic) set to the option shown. */
export async function edit(page: Page, fields: Record<string, string>) {
	await page.getByRole('button', { name: 'Edit', exact: true }).click();
	for (const [label, option] of Object.entries(fields))
		await page.getByLabel(label, { exact: true }).selectOption({ label: option });
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Ticket updated');
}

/** A menu of the ticket's action bar (Change Status, Assign, More): open it and choose an entry. */
export async function choose(page: Page, menu: string, entry: string) {
	const button = page
		.getByRole('group', { name: 'Ticket actions' })
		.getByRole('button', { name: menu, exact: true });
	await button.click();
	await expect(button).toHaveAttribute('aria-expanded', 'true');
	await page.getByRole('menuitem', { name: entry, exact: true }).click();
}

/** Assign ▾ → Agent or Team: the Assignee (as the option reads) and optional Comments. */
export async function assign(page: Page, to: 'Agent' | 'Team', label: string, comment?: string) {
	await choose(page, 'Assign', to);
	const form = page.getByRole('form', { name: 'Assign ticket' });
	await form.getByLabel('Assignee', { exact: true }).selectOption({ label });
	if (comment) await form.getByLabel('Comments').fill(comment);
	await form.getByRole('button', { name: 'Assign' }).click();
	await expect(page.getByRole('status')).toContainText('Ticket assigned');
}

/** Transfer: the Department, and "Maintain referral access to current department" if asked. */
export async function transfer(page: Page, department: string, keepReferral = false) {
	await page.getByRole('button', { name: 'Transfer', exact: true }).click();
	const form = page.getByRole('form', { name: 'Transfer ticket' });
	await form.getByLabel('Department', { exact: true }).selectOption({ label: department });
	if (keepReferral) await form.getByLabel('Maintain referral access to current department').check();
	await form.getByRole('button', { name: 'Transfer' }).click();
}

/** The Post Reply or Post Internal Note tab. */
export async function responseTab(page: Page, tab: 'Post Reply' | 'Post Internal Note') {
	await page.getByRole('tab', { name: tab }).click();
	await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
}

export async function reply(page: Page, text: string, status?: string) {
	await responseTab(page, 'Post Reply');
	await page.getByLabel('Response', { exact: true }).fill(text);
	if (status)
		await page.getByLabel('Ticket Status', { exact: true }).selectOption({ label: status });
	await page.getByRole('button', { name: 'Post Reply' }).click();
	await expect(page.getByRole('status')).toContainText('Reply posted');
}

export async function note(page: Page, text: string, status?: string) {
	await responseTab(page, 'Post Internal Note');
	await page.getByLabel('Internal Note', { exact: true }).fill(text);
	if (status)
		await page.getByLabel('Ticket Status', { exact: true }).selectOption({ label: status });
	await page.getByRole('button', { name: 'Post Note' }).click();
	await expect(page.getByRole('status')).toContainText('Internal note posted');
}

/** Change Status ▾ → the status: the ticket's status on its own (not with a reply). */
export async function setStatus(page: Page, status: string) {
	await choose(page, 'Change Status', status);
	const form = page.getByRole('form', { name: 'Change ticket status' });
	await expect(form.getByLabel('Status', { exact: true })).toHaveValue(status.toLowerCase());
	await form.getByRole('button', { name: /^(Close|Reopen)$/ }).click();
	await expect(page.getByRole('status')).toContainText(`Ticket status set to ${status}`);
}

/** The score the steps pane shows, as a number. */
export async function score(page: Page): Promise<number> {
	const text =
		(await steps(page)
			.getByText(/^Score:/)
			.textContent()) ?? '';
	return Number(/Score:\s*(\d+)/.exec(text)?.[1] ?? NaN);
}

/** Start a lab as an assessment of `candidate` from the catalogue, past its briefing. */
export async function startAssessment(
	page: Page,
	lab: string,
	candidate: string,
	minutes?: number
) {
	await page.goto('/');
	await page
		.locator(`[data-lab="${lab}"]`)
		.getByRole('button', { name: /^Assessment/ })
		.click();
	await page.getByLabel('Candidate name').fill(candidate);
	if (minutes !== undefined) await page.getByLabel('Time limit (minutes)').fill(String(minutes));
	await page.getByRole('button', { name: 'Start assessment' }).click();
	await expect(page).toHaveURL(/\/lab\//);
	await startTheLab(page);
}

/**
 * The CFO laptop lab after Ken's report (ticket `number`): John transfers it
 * to Support, sets the SLA plan `sla`, and resolves it with a reply.
 */
export async function workTheCfoLaptop(page: Page, number: string, sla: string) {
	await playAs(page, 'John Smith (Agent)');
	await openFromQueue(page, /^Open \d/, number);
	await page.getByRole('button', { name: 'Transfer', exact: true }).click();
	await page.getByLabel('Department', { exact: true }).selectOption({ label: 'Support' });
	await page
		.getByRole('form', { name: 'Transfer ticket' })
		.getByRole('button', { name: 'Transfer' })
		.click();
	await expect(page.getByRole('status')).toHaveText('Ticket transferred to Support');
	await page.getByRole('button', { name: 'Edit', exact: true }).click();
	await page.getByLabel('SLA Plan', { exact: true }).selectOption({ label: sla });
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Ticket updated');
	await reply(page, 'The charger had failed; we replaced it.', 'Resolved');
}

/** Open the app and wait until its service worker has installed and controls the page (offline works from then on). */
export async function controlledByServiceWorker(page: Page) {
	await page.goto('/');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.reload();
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
		.toBe(true);
}

/** Seed 004, scenario 2 (tests/e2e/seed-tutorials.test.ts): the Adobe upgrade to 100. */
export async function adobeToTheEnd(page: Page) {
	await playAs(page, 'Ken Ledger (End user)');
	const number = await portalOpenTicket(
		page,
		'Software Request',
		'Adobe upgrade is broken',
		'Acrobat closes as soon as it opens since the upgrade.'
	);
	await playAs(page, 'John Smith (Agent)');
	await openFromQueue(page, /^Open \d/, number);
	await assign(page, 'Agent', 'John Smith (me)');
	await edit(page, { 'SLA Plan': 'SEV-C' });
	await reply(page, 'I am running a repair install; open PDFs in the browser meanwhile.');
	await reply(page, 'The repair install fixed Acrobat.');
	await setStatus(page, 'Resolved');
}
