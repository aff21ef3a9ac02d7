/**
 * `npm run screenshots`: builds the app, serves the build and photographs the
 * main screens at 1366×768 and 390×844 into `screenshots/` (ignored by git),
 * so a reviewer can look at every screen in a minute. Not part of `npm test`:
 * a screen that cannot be reached is reported and skipped, never fatal.
 *
 * SHOTS_NO_BUILD=1 reuses the current build; SHOTS_ONLY=report,settings takes
 * only the named screens.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';

const PORT = Number(process.env.SHOTS_PORT ?? 4188);
const BASE = `http://localhost:${PORT}`;
const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'screenshots');
const SIZES = [
	{ name: 'desktop', width: 1366, height: 768 },
	{ name: 'phone', width: 390, height: 844 }
];
const ONLY = process.env.SHOTS_ONLY?.split(',').filter(Boolean);

type Shot = { name: string; take: (page: Page) => Promise<void>; fullPage?: boolean };

async function startPractice(page: Page, lab: string) {
	await page.goto(`${BASE}/`);
	await page
		.locator(`[data-lab="${lab}"]`)
		.getByRole('button', { name: /^Start practice/ })
		.click();
	await page.waitForURL(/\/lab\//);
	await closeBriefing(page);
}

/** The briefing opens when a lab starts; close it when a shot wants the desk. */
async function closeBriefing(page: Page) {
	const briefing = page.getByRole('dialog', { name: /^Briefing/ });
	await briefing.waitFor();
	await briefing.getByRole('button', { name: 'Start the lab' }).click();
	await briefing.waitFor({ state: 'hidden' });
}

async function playAs(page: Page, persona: string) {
	await page.getByRole('button', { name: persona, exact: true }).click();
}

async function karenOpensTheOutage(page: Page) {
	await playAs(page, 'Karen Karen (End user)');
	await page.getByRole('button', { name: 'Open a New Ticket' }).click();
	await page
		.getByLabel('Help Topic', { exact: true })
		.selectOption({ label: 'Business Critical Outage' });
	await page.getByLabel('Issue Summary').fill('Entire mobile online banking is down');
	await page.getByLabel('Issue Details').fill('Every customer gets a 404 since 08:40.');
	await page.getByRole('button', { name: 'Create Ticket' }).click();
	await page.getByRole('heading', { name: /^Ticket #\d{6} created$/ }).waitFor();
}

/** The Adobe upgrade, walked to 100 by seed 004's path (tests/e2e/seed-tutorials.test.ts). */
async function completeAdobe(page: Page) {
	await playAs(page, 'Ken Ledger (End user)');
	await page.getByRole('button', { name: 'Open a New Ticket' }).click();
	await page.getByLabel('Help Topic', { exact: true }).selectOption({ label: 'Software Request' });
	await page.getByLabel('Issue Summary').fill('Adobe upgrade is broken');
	await page.getByLabel('Issue Details').fill('Acrobat closes as soon as it opens.');
	await page.getByRole('button', { name: 'Create Ticket' }).click();
	await page.getByRole('heading', { name: /^Ticket #\d{6} created$/ }).waitFor();
	await playAs(page, 'John Smith (Agent)');
	await page
		.getByRole('row', { name: /Adobe upgrade is broken/ })
		.getByRole('button', { name: /^#\d{6}$/ })
		.click();
	const actions = page.getByRole('group', { name: 'Ticket actions' });
	await actions.getByRole('button', { name: 'Assign', exact: true }).click();
	await page.getByRole('menuitem', { name: 'Claim', exact: true }).click();
	await page.getByRole('button', { name: 'Edit', exact: true }).click();
	await page.getByLabel('SLA Plan', { exact: true }).selectOption({ label: 'SEV-C' });
	await page.getByRole('button', { name: 'Save' }).click();
	for (const [text, status] of [
		['I am running a repair install; open PDFs in the browser meanwhile.', null],
		['The repair install fixed Acrobat.', 'Resolved']
	] as const) {
		await page.getByRole('tab', { name: 'Post Reply' }).click();
		await page.getByLabel('Response', { exact: true }).fill(text);
		if (status)
			await page.getByLabel('Ticket Status', { exact: true }).selectOption({ label: status });
		await page.getByRole('button', { name: 'Post Reply' }).click();
		await page
			.getByText(/Reply posted/)
			.first()
			.waitFor();
	}
	await page.getByRole('dialog', { name: 'Lab complete' }).waitFor();
}

async function janeOpensIt(page: Page) {
	await karenOpensTheOutage(page);
	await playAs(page, 'Jane Doe (Agent)');
	await page
		.getByRole('row', { name: /Entire mobile online banking/ })
		.getByRole('button', { name: /^#\d{6}$/ })
		.click();
}

const SHOTS: Shot[] = [
	{ name: 'catalogue', take: async (page) => void (await page.goto(`${BASE}/`)), fullPage: true },
	{
		name: 'author',
		take: async (page) => {
			await page.goto(`${BASE}/author?lab=adobe-upgrade`);
			await page.locator('.cm-line', { hasText: 'id: adobe-upgrade' }).waitFor();
			await page.getByRole('button', { name: 'Run the self-test' }).click();
			await page.getByRole('button', { name: 'Record the solution' }).click();
		},
		fullPage: true
	},
	{
		name: 'lab-briefing',
		take: async (page) => {
			await page.goto(`${BASE}/`);
			await page
				.locator('[data-lab="banking-outage"]')
				.getByRole('button', { name: /^Start practice/ })
				.click();
			await page.waitForURL(/\/lab\//);
			await page.getByRole('dialog', { name: /^Briefing/ }).waitFor();
		}
	},
	{
		name: 'lab-rail',
		take: async (page) => {
			await startPractice(page, 'banking-outage');
			await karenOpensTheOutage(page);
			const steps = page.getByRole('complementary', { name: 'Lab steps' });
			const toggle = steps.getByRole('button', { name: /^(Hide|Show) steps$/ }).first();
			// A phone opens the drawer; a wide screen folds the pane to its rail.
			await toggle.click();
		}
	},
	{
		name: 'lab-assessment',
		take: async (page) => {
			await page.goto(`${BASE}/`);
			await page
				.locator('[data-lab="cfo-laptop"]')
				.getByRole('button', { name: /^Assessment/ })
				.click();
			await page.getByLabel('Candidate name').fill('Rae Ortiz');
			await page.getByLabel('Time limit (minutes)').fill('20');
			await page.getByRole('button', { name: 'Start assessment' }).click();
			await page.waitForURL(/\/lab\//);
			await closeBriefing(page);
			await playAs(page, 'John Smith (Agent)');
		}
	},
	{
		name: 'lab-complete',
		take: async (page) => {
			await startPractice(page, 'adobe-upgrade');
			await completeAdobe(page);
		}
	},
	{
		name: 'portal-home',
		take: async (page) => {
			await startPractice(page, 'banking-outage');
			await playAs(page, 'Karen Karen (End user)');
		}
	},
	{
		name: 'portal-ticket',
		take: async (page) => {
			await startPractice(page, 'banking-outage');
			await karenOpensTheOutage(page);
			await page.getByRole('button', { name: /^View Ticket #/ }).click();
		},
		fullPage: true
	},
	{
		name: 'portal-sign-in',
		take: async (page) => {
			await startPractice(page, 'banking-outage');
			await playAs(page, 'Karen Karen (End user)');
			await page.getByRole('button', { name: 'Sign Out' }).click();
			await page.getByRole('button', { name: 'Check Ticket Status' }).click();
		}
	},
	{
		name: 'portal-new-ticket',
		take: async (page) => {
			await startPractice(page, 'banking-outage');
			await playAs(page, 'Karen Karen (End user)');
			await page.getByRole('button', { name: 'Open a New Ticket' }).click();
		}
	},
	{
		name: 'agent-queue',
		take: async (page) => {
			await startPractice(page, 'banking-outage');
			await karenOpensTheOutage(page);
			await playAs(page, 'Jane Doe (Agent)');
		}
	},
	{
		name: 'agent-ticket',
		take: async (page) => {
			await startPractice(page, 'banking-outage');
			await janeOpensIt(page);
		},
		fullPage: true
	},
	{
		name: 'agent-users',
		take: async (page) => {
			await startPractice(page, 'banking-outage');
			await karenOpensTheOutage(page);
			await playAs(page, 'Jane Doe (Agent)');
			await page
				.getByRole('navigation', { name: 'Agent Panel' })
				.getByRole('button', { name: 'Users' })
				.click();
			await page.getByRole('button', { name: 'Karen Karen', exact: true }).click();
		}
	},
	{
		name: 'agent-profile',
		take: async (page) => {
			await startPractice(page, 'banking-outage');
			await playAs(page, 'Jane Doe (Agent)');
			await page
				.getByRole('navigation', { name: 'Account' })
				.getByRole('button', { name: 'Profile' })
				.click();
		}
	},
	{
		name: 'admin',
		take: async (page) => {
			await startPractice(page, 'escalation-permissions');
			const admin = page.getByRole('button', { name: /\(Admin\)$/ }).first();
			await admin.click();
		}
	},
	{
		name: 'admin-departments',
		take: async (page) => {
			await startPractice(page, 'escalation-permissions');
			await page
				.getByRole('button', { name: /\(Admin\)$/ })
				.first()
				.click();
			await page.getByRole('button', { name: 'Departments', exact: true }).click();
			await page.getByRole('button', { name: 'SysAdmins', exact: true }).click();
		},
		fullPage: true
	},
	{
		name: 'admin-settings',
		take: async (page) => {
			await startPractice(page, 'escalation-permissions');
			await page
				.getByRole('button', { name: /\(Admin\)$/ })
				.first()
				.click();
			await page.getByRole('button', { name: 'Settings', exact: true }).click();
			await page.getByRole('button', { name: 'Tickets', exact: true }).click();
		}
	},
	{
		name: 'report',
		take: async (page) => {
			await startPractice(page, 'banking-outage');
			await karenOpensTheOutage(page);
			await page.getByRole('button', { name: 'Submit' }).click();
			await page.getByRole('button', { name: 'Yes, submit' }).click();
			await page.waitForURL(/\/report\//);
		},
		fullPage: true
	},
	{
		name: 'settings',
		take: async (page) => void (await page.goto(`${BASE}/settings`)),
		fullPage: true
	},
	{
		name: 'guide',
		take: async (page) => void (await page.goto(`${BASE}/guide`)),
		fullPage: true
	},
	{ name: 'sandbox', take: async (page) => void (await page.goto(`${BASE}/sandbox`)) },
	{ name: 'class-results', take: async (page) => void (await page.goto(`${BASE}/class`)) },
	{
		name: 'assessments',
		take: async (page) => {
			await createAssessment(page);
		},
		fullPage: true
	},
	{
		name: 'take-start',
		take: async (page) => {
			await createAssessment(page);
			const href = await page.locator('ul.links a.link').first().getAttribute('href');
			await page.goto(href ?? `${BASE}/take`);
			await page.getByRole('heading', { level: 1 }).waitFor();
		}
	},
	{ name: 'review', take: async (page) => void (await page.goto(`${BASE}/review`)) }
];

/** A hiring manager's assessment of the CFO's laptop for two candidates, its links shown. */
async function createAssessment(page: Page) {
	await page.goto(`${BASE}/assessments`);
	await page.getByLabel('Name of the assessment').fill('Service desk hire, December');
	await page.getByRole('checkbox', { name: /CFO's laptop/ }).check();
	await page
		.getByLabel('Candidates (a name or an e-mail per line)')
		.fill('Ann Moreau\nbob@example.com');
	await page.getByRole('button', { name: 'Create the links' }).click();
	await page.locator('ul.links a.link').first().waitFor();
}

async function waitFor(url: string) {
	for (let i = 0; i < 120; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`the preview server did not answer at ${url}`);
}

async function main() {
	if (process.env.SHOTS_NO_BUILD !== '1') {
		const build = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
		if (build.status !== 0) process.exit(build.status ?? 1);
	}
	const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
		cwd: ROOT,
		stdio: 'ignore',
		detached: true
	});
	const stop = () => {
		try {
			if (server.pid) process.kill(-server.pid);
		} catch {
			/* already gone */
		}
	};
	process.on('exit', stop);
	await waitFor(BASE);
	if (!ONLY) rmSync(OUT, { recursive: true, force: true });
	mkdirSync(OUT, { recursive: true });
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu']
	});
	let failed = 0;
	for (const shot of SHOTS.filter((s) => !ONLY || ONLY.includes(s.name))) {
		for (const size of SIZES) {
			const context = await browser.newContext({
				viewport: { width: size.width, height: size.height },
				serviceWorkers: 'block'
			});
			const page = await context.newPage();
			page.setDefaultTimeout(5000);
			const file = join(OUT, `${shot.name}-${size.name}.png`);
			try {
				await shot.take(page);
				// The app renders after its script has loaded: let it settle before the picture.
				await page.waitForLoadState('networkidle');
				await page.waitForTimeout(200);
				await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
				console.log(`  ${file}`);
			} catch (error) {
				failed++;
				console.log(
					`  skipped ${shot.name} (${size.name}): ${(error as Error).message.split('\n')[0]}`
				);
			}
			await context.close();
		}
	}
	await browser.close();
	stop();
	console.log(
		`${failed === 0 ? 'All' : 'Some'} screens in ${OUT}${failed ? ` (${failed} skipped)` : ''}`
	);
}

main().catch((error) => {
	console.error(`screenshots: ${(error as Error).message}`);
	process.exit(1);
});
