/**
 * Every screen at a laptop's size (1366×768) and a phone's (390×844): the page
 * never scrolls sideways, no element reaches past the viewport unless it sits
 * inside a box that scrolls (or clips) within the viewport, and axe finds no
 * serious or critical violation. Each case is named by its route and size.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, openFromQueue, playAs, start } from './lab-helpers';
import { attempt, learner, postToLrs, saveConfig } from './class-helpers';
import { CLIENT, LRS_ENDPOINT } from '../lrs/lrs';

const SIZES = [
	{ name: '1366×768', width: 1366, height: 768 },
	{ name: '390×844', width: 390, height: 844 }
];

/** The briefing a lab may open with: closed, so the help desk itself is measured. */
async function closeBriefing(page: Page) {
	const close = page.getByRole('button', { name: /^Start the lab$|^Close briefing$/ });
	if (await close.isVisible().catch(() => false)) await close.click();
}

async function startLab(page: Page, lab: string) {
	await start(page, lab);
	await closeBriefing(page);
}

const ROUTES: { name: string; open: (page: Page) => Promise<void> }[] = [
	{
		name: 'catalogue /',
		open: async (page) => {
			await page.goto('/');
			await expect(page.locator('[data-lab]').first()).toBeVisible();
		}
	},
	{
		name: 'catalogue / exporting labs as a pack',
		open: async (page) => {
			await page.goto('/');
			await page.getByRole('button', { name: 'Export labs as a pack…' }).click();
			await expect(page.getByRole('dialog', { name: 'Export labs as a pack' })).toBeVisible();
		}
	},
	{
		name: 'settings /settings',
		open: async (page) => {
			await page.goto('/settings');
			await expect(page.getByText('Space used by Deskdrill')).toBeVisible();
		}
	},
	{
		name: 'class results /class',
		open: async (page) => {
			// A learner with a long name in the real test LRS, so the table is there to measure.
			const who = learner('Maximiliana', 'Featherstonehaugh-Wolfeschlegel', 'layout');
			await postToLrs(page, attempt(who, { start: new Date(), scaled: 0.75, hints: 2 }));
			await saveConfig(page);
			await page.goto('/class');
			await expect(page.getByRole('region', { name: 'Class results table' })).toBeVisible();
		}
	},
	{
		name: 'assessments /assessments',
		open: async (page) => {
			await page.goto('/assessments');
			await page.getByLabel('Name of the assessment').fill('Service desk analyst, March');
			await page.getByRole('checkbox', { name: /CFO's laptop/ }).check();
			await page
				.getByLabel(/^Candidates/)
				.fill('maximiliana.featherstonehaugh@example.com\nSam Lee');
			await page.getByRole('button', { name: 'Create the links' }).click();
			await expect(page.getByRole('list', { name: /^Links for/ }).first()).toBeVisible();
		}
	},
	{
		name: 'take /take (a valid link)',
		open: async (page) => {
			await page.goto('/assessments');
			await page.getByLabel('Name of the assessment').fill('Layout check');
			await page.getByRole('checkbox', { name: /CFO's laptop/ }).check();
			await page.getByLabel(/^Candidates/).fill('Rae Ortiz');
			await page.getByRole('button', { name: 'Create the links' }).click();
			const link = page.getByRole('list', { name: 'Links for Layout check' }).getByRole('link');
			await page.goto((await link.first().getAttribute('href')) ?? '');
			await expect(page.getByRole('button', { name: 'Start the assessment' })).toBeVisible();
		}
	},
	{
		name: 'review results /review',
		open: async (page) => {
			await page.goto('/review');
			await expect(page.getByRole('heading', { name: 'Import result files' })).toBeVisible();
		}
	},
	{
		name: 'guide /guide',
		open: async (page) => {
			await page.goto('/guide');
			await expect(page.getByRole('heading', { level: 1, name: 'Writing a lab' })).toBeVisible();
		}
	},
	{
		name: 'author /author (editor, preview and self-test)',
		open: async (page) => {
			await page.goto('/author?lab=adobe-upgrade');
			await expect(page.locator('.cm-line', { hasText: 'id: adobe-upgrade' })).toBeVisible();
			await page.getByRole('button', { name: 'Run the self-test' }).click();
			await expect(page.getByRole('region', { name: /^Self-test/ })).toBeVisible();
			await expect(page.getByRole('button', { name: 'Open a New Ticket' })).toBeVisible();
		}
	},
	{
		name: 'free play /sandbox',
		open: async (page) => {
			await page.goto('/sandbox');
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expect(page.getByRole('button', { name: 'Karen (End user)' })).toBeVisible();
		}
	},
	{
		name: 'lab /lab/<id> as the end user (portal)',
		open: async (page) => {
			await startLab(page, 'banking-outage');
			await playAs(page, 'Karen Karen (End user)');
			await expect(page.getByRole('button', { name: 'Open a New Ticket' })).toBeVisible();
		}
	},
	{
		name: 'lab /lab/<id> as an agent (queue)',
		open: async (page) => {
			await startLab(page, 'escalation-permissions');
			await playAs(page, 'John Smith (Agent)');
			await expect(page.getByRole('row', { name: /CFO's laptop/ })).toBeVisible();
		}
	},
	{
		name: 'lab /lab/<id> as an agent (ticket view)',
		open: async (page) => {
			await startLab(page, 'escalation-permissions');
			await playAs(page, 'John Smith (Agent)');
			const row = page.getByRole('row', { name: /CFO's laptop will no longer turn on/ });
			const number = ((await row.getByRole('button', { name: /^#\d{6}$/ }).textContent()) ?? '')
				.trim()
				.replace('#', '');
			await openFromQueue(page, /^Open \d/, number);
		}
	},
	{
		name: 'lab /lab/<id> as the admin (admin panel)',
		open: async (page) => {
			await startLab(page, 'escalation-permissions');
			await page
				.getByRole('button', { name: /\(Admin\)$/ })
				.first()
				.click();
			await expect(page.getByRole('heading', { name: /Admin Panel/ }).first()).toBeVisible();
		}
	},
	{
		name: 'report /report/<id>',
		open: async (page) => {
			await startLab(page, 'banking-outage');
			await playAs(page, 'Karen Karen (End user)');
			await page.getByRole('button', { name: 'Submit' }).click();
			await page.getByRole('button', { name: 'Yes, submit' }).click();
			await expect(page).toHaveURL(/\/report\//);
			await expect(page.locator('p.total')).toContainText('/ 100');
		}
	},
	{
		name: 'report /report/<id> with results waiting for an LRS (a wrong secret, said in words)',
		open: async (page) => {
			await page.goto('/settings');
			const lrs = page.getByRole('region', { name: 'Learning Record Store' });
			await lrs.getByLabel('Endpoint').fill(LRS_ENDPOINT);
			await lrs.getByLabel('Key').fill(CLIENT.key);
			await lrs.getByLabel('Secret').fill('not-the-secret');
			await lrs.getByLabel('Learner e-mail').fill('layout@deskdrill.test');
			await lrs.getByLabel('Send results automatically').check();
			await lrs.getByRole('button', { name: 'Save' }).click();
			await lrs.getByRole('button', { name: 'Test connection' }).click();
			await expect(lrs.getByRole('alert')).toContainText('HTTP 401');
			expect(await overflow(page)).toEqual([]);
			await expectAccessible(page);
			await startLab(page, 'cfo-laptop');
			await page.getByRole('button', { name: 'Submit' }).click();
			await page.getByRole('button', { name: 'Yes, submit' }).click();
			await expect(page).toHaveURL(/\/report\//);
			await expect(page.getByTestId('lrs-state')).toHaveText('Waiting');
			await expect(page.locator('.lrs-detail')).toContainText('HTTP 401');
		}
	},
	{
		name: 'unknown route /no-such-page',
		open: async (page) => {
			await page.goto('/no-such-page');
			await expect(page.locator('header').first()).toContainText('Deskdrill');
		}
	}
];

/**
 * What reaches past the viewport's sides, as "tag.class (left–right)": the
 * page's own width first, then each element not held by a scrolling or
 * clipping ancestor that itself fits in the viewport.
 */
async function overflow(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const root = document.documentElement;
		const width = root.clientWidth;
		const found: string[] = [];
		if (root.scrollWidth > width)
			found.push(`the page is ${root.scrollWidth} px wide in a ${width} px viewport`);
		const fits = (r: DOMRect) => r.left >= -1 && r.right <= width + 1;
		const held = (el: Element) => {
			for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
				const x = getComputedStyle(p).overflowX;
				if (x !== 'visible' && fits(p.getBoundingClientRect())) return true;
			}
			return false;
		};
		for (const el of document.body.querySelectorAll('*')) {
			const r = el.getBoundingClientRect();
			if (r.width === 0 || r.height === 0 || fits(r) || held(el)) continue;
			const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList]
				.filter((c) => !c.startsWith('svelte-'))
				.map((c) => `.${c}`)
				.join('')}`;
			found.push(`${name} (${Math.round(r.left)}–${Math.round(r.right)} px)`);
			if (found.length >= 8) break;
		}
		return found;
	});
}

// The service worker's first activation must not reload a page mid-measure.
test.use({ serviceWorkers: 'block' });

for (const size of SIZES) {
	test.describe(`at ${size.name}`, () => {
		test.use({ viewport: { width: size.width, height: size.height } });
		for (const route of ROUTES) {
			test(`${route.name} at ${size.name}: no sideways overflow, accessible`, async ({ page }) => {
				await route.open(page);
				expect(await overflow(page)).toEqual([]);
				await expectAccessible(page);
			});
		}
	});
}

test('the overflow check finds an element wider than the viewport', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/settings');
	// Inject into the rendered page, not the shell the app replaces as it starts.
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.evaluate(() => {
		const wide = document.createElement('div');
		wide.className = 'too-wide';
		wide.style.width = '600px';
		wide.style.height = '10px';
		document.querySelector('main')?.append(wide);
	});
	const found = await overflow(page);
	expect(found.some((f) => f.startsWith('div.too-wide'))).toBe(true);
	expect(found[0]).toMatch(/^the page is \d+ px wide in a 390 px viewport$/);
});
