/**
 * Results to a real learning record store (Learning Locker's statements
 * service, started by playwright.config.ts): Settings' Test connection says
 * what it found or why not; a completed lab's statements arrive exactly once
 * (launched, one answered per step, passed or failed, completed), and a
 * forced resend adds none; an offline period queues them (the report says
 * waiting) and they go when the browser is back online; a wrong secret is
 * said in words, and fixing it sends what waited; with automatic sending
 * off, nothing leaves until "Send now".
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { CLIENT, LRS_ENDPOINT, statementsOf, type StoredStatement } from '../lrs/lrs';
import {
	controlledByServiceWorker,
	playAs,
	portalOpenTicket,
	start,
	startAssessment,
	workTheCfoLaptop
} from './lab-helpers';

const VERB = (name: string) => `http://adlnet.gov/expapi/verbs/${name}`;
/** The CFO laptop lab has six steps. */
const CFO_STEPS = 6;

/** A learner e-mail no other run of these tests used (the LRS keeps everything). */
const learner = (label: string) =>
	`${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@deskdrill.test`;

const lrsSection = (page: Page) => page.getByRole('region', { name: 'Learning Record Store' });
const sendingBadge = (page: Page) => page.getByTestId('lrs-state');

async function configure(
	page: Page,
	options: { email: string; secret?: string; auto?: boolean; endpoint?: string }
) {
	await page.goto('/settings');
	const section = lrsSection(page);
	await section.getByLabel('Endpoint').fill(options.endpoint ?? LRS_ENDPOINT);
	await section.getByLabel('Key').fill(CLIENT.key);
	await section.getByLabel('Secret').fill(options.secret ?? CLIENT.secret);
	await section.getByLabel('Learner e-mail').fill(options.email);
	await section.getByLabel('Learner name').fill('Rae Ortiz');
	await section.getByLabel('Send results automatically').setChecked(options.auto ?? true);
	await section.getByRole('button', { name: 'Save' }).click();
	await expect(section.getByRole('status')).toContainText('Saved.');
}

/** The CFO laptop in practice: Ken reports it (one step passes), then Submit; ends on the report. */
async function shortPractice(page: Page) {
	await start(page, 'cfo-laptop');
	await playAs(page, 'Ken Ledger (End user)');
	await portalOpenTicket(
		page,
		'General Inquiry',
		"CFO's laptop will no longer turn on",
		'No lights.'
	);
	await submit(page);
}

async function submit(page: Page) {
	await page.getByRole('button', { name: 'Submit' }).click();
	await page.getByRole('button', { name: 'Yes, submit' }).click();
	await expect(page).toHaveURL(/\/report\//);
}

/** Every statement of the outbox back to waiting, as if no acknowledgement had ever come. */
async function resetOutbox(page: Page) {
	await page.evaluate(
		() =>
			new Promise<void>((done, fail) => {
				const open = indexedDB.open('deskdrill-workspace');
				open.onsuccess = () => {
					const tx = open.result.transaction('outbox', 'readwrite');
					const store = tx.objectStore('outbox');
					store.getAll().onsuccess = (e) => {
						for (const row of (e.target as IDBRequest<Record<string, unknown>[]>).result)
							store.put({ ...row, state: 'waiting', stored: null, nextTryAt: 0 });
					};
					tx.oncomplete = () => (open.result.close(), done());
					tx.onerror = () => fail(tx.error);
				};
			})
	);
	expect(await storedTimes(page)).not.toContain(expect.any(String));
}

/** The LRS's stored time of each statement in the outbox (null until acknowledged). */
function storedTimes(page: Page): Promise<(string | null)[]> {
	return page.evaluate(
		() =>
			new Promise<(string | null)[]>((done) => {
				const open = indexedDB.open('deskdrill-workspace');
				open.onsuccess = () => {
					const request = open.result.transaction('outbox').objectStore('outbox').getAll();
					request.onsuccess = () => {
						open.result.close();
						done((request.result as { stored: string | null }[]).map((r) => r.stored));
					};
				};
			})
	);
}

/** Each kind once: launched, one answered per step, the verdict, completed; one registration. */
function expectOneOfEach(statements: StoredStatement[], verdict: 'passed' | 'failed') {
	const count = (verb: string) => statements.filter((s) => s.verb.id === VERB(verb)).length;
	expect(count('launched')).toBe(1);
	expect(count('answered')).toBe(CFO_STEPS);
	expect(count(verdict)).toBe(1);
	expect(count(verdict === 'passed' ? 'failed' : 'passed')).toBe(0);
	expect(count('completed')).toBe(1);
	expect(statements).toHaveLength(CFO_STEPS + 3);
	expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
	const steps = statements.filter((s) => s.verb.id === VERB('answered')).map((s) => s.object.id);
	expect(new Set(steps).size).toBe(CFO_STEPS);
	expect(new Set(statements.map((s) => s.context?.registration)).size).toBe(1);
}

test.describe('results to a learning record store', () => {
	test.use({ serviceWorkers: 'block' });

	test('Test connection says what it found, or why not, in words', async ({ page, baseURL }) => {
		await configure(page, { email: learner('connect') });
		const section = lrsSection(page);
		const test_ = section.getByRole('button', { name: 'Test connection' });
		await test_.click();
		await expect(section.getByRole('status')).toContainText(
			'Connected: the LRS speaks xAPI 1.0.3 and accepted the key and secret.'
		);

		await section.getByLabel('Secret').fill('not-the-secret');
		await test_.click();
		await expect(section.getByRole('alert')).toContainText(
			'The LRS refused the key or secret (HTTP 401, “Unauthorised”)'
		);

		await section.getByLabel('Endpoint').fill(`${baseURL}/`);
		await test_.click();
		await expect(section.getByRole('alert')).toContainText('not as an xAPI endpoint');

		await section.getByLabel('Endpoint').fill('http://127.0.0.1:9/xAPI/');
		await test_.click();
		await expect(section.getByRole('alert')).toContainText('could not be reached');
	});

	test('a completed lab’s statements arrive exactly once, and a forced resend adds none', async ({
		page
	}) => {
		const email = learner('complete');
		await configure(page, { email });
		await startAssessment(page, 'cfo-laptop', 'Rae Ortiz');
		await playAs(page, 'Ken Ledger (End user)');
		const number = await portalOpenTicket(
			page,
			'General Inquiry',
			"CFO's laptop will no longer turn on",
			'No lights at all.'
		);
		// Statements go as the lab goes: launched and the first step, before the end.
		await expect.poll(async () => (await statementsOf(email)).length).toBe(2);

		await workTheCfoLaptop(page, number, 'SEV-B');
		await submit(page);

		await expect(sendingBadge(page)).toHaveText('Sent');
		await expect(lrsSection(page).getByRole('status')).toContainText(
			`${CFO_STEPS + 3} statements received by the LRS, stored`
		);
		const first = await statementsOf(email);
		expectOneOfEach(first, 'passed');
		const verdict = first.find((s) => s.verb.id === VERB('passed'));
		expect(verdict?.result).toMatchObject({ success: true, score: { min: 0, max: 100 } });
		expect(verdict?.context?.extensions).toMatchObject({
			'https://deskdrill.app/xapi/extensions/mode': 'assessment'
		});
		const completed = first.find((s) => s.verb.id === VERB('completed'));
		expect(completed?.result?.['duration']).toMatch(/^PT/);

		// The report's xAPI export is the same statements, from the same (validated) builder.
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export xAPI' }).click();
		const exported = JSON.parse(
			readFileSync((await (await download).path()) as string, 'utf8')
		) as StoredStatement[];
		expect(exported.map((s) => s.id).sort()).toEqual(first.map((s) => s.id).sort());

		// Send now, and a forced resend of every statement (as if no acknowledgement had come).
		await page.getByRole('button', { name: 'Send now' }).click();
		await expect(sendingBadge(page)).toHaveText('Sent');
		// Listen first: the sender may pick the reset statements up before Send now is pressed.
		const posts: string[] = [];
		page.on('request', (r) => {
			if (r.method() === 'POST' && r.url().startsWith(LRS_ENDPOINT)) posts.push(r.url());
		});
		await resetOutbox(page);
		await page.getByRole('button', { name: 'Send now' }).click();
		await expect(sendingBadge(page)).toHaveText('Sent');
		await expect.poll(() => storedTimes(page)).not.toContain(null);
		expect(posts.length).toBeGreaterThan(0);
		const again = await statementsOf(email);
		expect(again.map((s) => s.id).sort()).toEqual(first.map((s) => s.id).sort());
	});

	test.describe('offline', () => {
		// The app itself comes from its service worker while the network is off.
		test.use({ serviceWorkers: 'allow' });

		test('an offline period queues the statements, and they go when back online', async ({
			page,
			context
		}) => {
			const email = learner('offline');
			await controlledByServiceWorker(page);
			await configure(page, { email });
			await start(page, 'cfo-laptop');
			await expect.poll(async () => (await statementsOf(email)).length).toBe(1);

			await context.setOffline(true);
			await playAs(page, 'Ken Ledger (End user)');
			await portalOpenTicket(page, 'General Inquiry', "CFO's laptop is dead", 'No lights.');
			await submit(page);
			await expect(sendingBadge(page)).toHaveText('Waiting');
			await expect(lrsSection(page).getByRole('status')).toContainText('could not be reached');
			expect(await statementsOf(email)).toHaveLength(1);

			await context.setOffline(false);
			await expect(sendingBadge(page)).toHaveText('Sent');
			expectOneOfEach(await statementsOf(email), 'failed');
		});
	});

	test('a wrong secret is said in words on the report, and fixing it sends what waited', async ({
		page
	}) => {
		const email = learner('secret');
		await configure(page, { email, secret: 'wrong-secret' });
		await shortPractice(page);
		await expect(sendingBadge(page)).toHaveText('Waiting');
		await expect(lrsSection(page).getByRole('status')).toContainText(
			'The LRS refused the key or secret (HTTP 401'
		);
		const report = page.url();
		expect(await statementsOf(email)).toHaveLength(0);

		await configure(page, { email });
		await page.goto(report);
		await expect(sendingBadge(page)).toHaveText('Sent');
		expectOneOfEach(await statementsOf(email), 'failed');
	});

	test('with automatic sending off, nothing leaves until “Send now”', async ({ page }) => {
		const email = learner('manual');
		await configure(page, { email, auto: false });
		await shortPractice(page);
		await expect(sendingBadge(page)).toHaveText('Not sent');
		expect(await statementsOf(email)).toHaveLength(0);
		await page.getByRole('button', { name: 'Send now' }).click();
		await expect(sendingBadge(page)).toHaveText('Sent');
		expectOneOfEach(await statementsOf(email), 'failed');
	});
});
