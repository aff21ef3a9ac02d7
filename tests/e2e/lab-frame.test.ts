/**
 * The lab frame gets out of the way (issue 13): one slim bar instead of three,
 * the help desk at the top and most of the width, the steps folding to a rail
 * (a drawer on a phone), the briefing when a lab starts and on demand, the
 * "Lab complete" moment, the assessment's timer, and a simulated clock that
 * idle time never moves.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	adobeToTheEnd,
	briefing,
	expectAccessible,
	keepExploring,
	labComplete,
	playAs,
	portalOpenTicket,
	start,
	startAssessment,
	startTheLab,
	stepItem,
	steps
} from './lab-helpers';

test.use({ serviceWorkers: 'block' });

const desk = (page: Page) => page.getByRole('main', { name: 'Help desk' });
const clockButton = (page: Page) => page.getByRole('button', { name: /^Help desk clock:/ });

async function noHorizontalOverflow(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

test.describe('at 1366×768', () => {
	test.use({ viewport: { width: 1366, height: 768 } });

	test('the help desk gets at least 70% of the width and starts within 80 px of the top', async ({
		page
	}) => {
		await start(page, 'banking-outage');
		// No site header on a lab: the lab bar carries the logo home.
		await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
		await expect(page.getByRole('banner').getByRole('link', { name: 'Deskdrill' })).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Banking outage: from intake to resolution'
		);

		const box = await desk(page).boundingBox();
		expect(box).not.toBeNull();
		expect(box!.width).toBeGreaterThanOrEqual(0.7 * 1366);
		expect(box!.y).toBeLessThanOrEqual(80);
		await noHorizontalOverflow(page);
		await expectAccessible(page);

		// Folded to its rail, the desk grows, and the choice survives a reload.
		await steps(page).getByRole('button', { name: 'Hide steps' }).click();
		await expect(steps(page).getByRole('button', { name: 'Show steps' })).toBeFocused();
		const railed = await desk(page).boundingBox();
		expect(railed!.width).toBeGreaterThan(box!.width + 200);
		await page.reload();
		await expect(steps(page).getByRole('button', { name: 'Show steps' })).toBeVisible();
		await expect(steps(page).getByText(/^Score:/)).toBeHidden();
		await expectAccessible(page);

		// A step number opens the pane at that step, its instructions readable.
		await steps(page)
			.getByRole('button', { name: /^Step 4: Apply the SLA plan, To do$/ })
			.click();
		await expect(steps(page).getByRole('heading', { name: 'Apply the SLA plan' })).toBeVisible();
		await expect(steps(page).getByText(/^Score:/)).toBeVisible();
	});

	test('an assessment shows the time left big, from when the briefing is closed', async ({
		page
	}) => {
		await page.clock.install();
		await page.goto('/');
		await page
			.locator('[data-lab="cfo-laptop"]')
			.getByRole('button', { name: /^Assessment/ })
			.click();
		await page.getByLabel('Candidate name').fill('Rae Ortiz');
		await page.getByLabel('Time limit (minutes)').fill('6');
		await page.getByRole('button', { name: 'Start assessment' }).click();
		await expect(briefing(page)).toContainText('counted from when you press Start the lab');
		// Reading the briefing costs no time.
		await page.clock.fastForward('02:00');
		const timer = page.getByRole('timer', { name: 'Time left' });
		await expect(timer).toHaveText('6:00');
		const background = () =>
			timer.evaluate((el) => getComputedStyle(el.parentElement as Element).backgroundColor);
		const calm = await background();
		const spoken = page.locator('.timer [aria-live="polite"]');
		await expect(spoken).toHaveText('');
		await startTheLab(page);

		// (The page's own clock also runs while the test acts: seconds may differ by one.)
		await page.clock.fastForward('01:30');
		await expect(timer).toHaveText(/^4:(2\d|30)$/);
		// Under five minutes: the warning colour, and one polite announcement.
		await expect(spoken).toHaveText('5 minutes left.');
		expect(await background()).not.toBe(calm);
		await page.clock.fastForward('03:40');
		await expect(timer).toHaveText(/^0:[45]\d$/);
		await expect(spoken).toHaveText('1 minute left.');
	});
});

test.describe('on a phone (390×844)', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('the steps are a strip and a drawer: the desk stays on screen', async ({ page }) => {
		await start(page, 'banking-outage');
		await noHorizontalOverflow(page);
		const before = await desk(page).boundingBox();
		expect(before!.y).toBeLessThan(844 / 3);
		await expectAccessible(page);

		const show = steps(page).getByRole('button', { name: 'Show steps' });
		await show.click();
		await expect(stepItem(page, 'Set the priority')).toBeVisible();
		await expect(
			steps(page).getByRole('heading', { name: 'Karen reports the outage' })
		).toBeVisible();
		// The drawer lies over the desk; it does not push it away.
		expect(await desk(page).boundingBox()).toEqual(before);
		await noHorizontalOverflow(page);
		await page.keyboard.press('Escape');
		await expect(stepItem(page, 'Set the priority')).toBeHidden();
		await expect(show).toBeFocused();
	});
});

test('the briefing opens when a lab starts, again on demand, and Escape closes it', async ({
	page
}) => {
	await page.goto('/');
	await page
		.locator('[data-lab="banking-outage"]')
		.getByRole('button', { name: /^Start practice/ })
		.click();
	const dialog = briefing(page);
	await expect(dialog).toBeVisible();
	// The lab's markdown body, after its front matter, rendered.
	await expect(dialog).toContainText('It is Monday morning at Deskdrill Bank');
	await expect(dialog.getByText('mobile online banking', { exact: true })).toHaveJSProperty(
		'tagName',
		'STRONG'
	);
	await expect(dialog).toContainText(
		'Clock: manual — it moves only when you press +1 hour or +4 hours.'
	);
	const begin = dialog.getByRole('button', { name: 'Start the lab' });
	await expect(begin).toBeFocused();
	// Focus stays in the dialog.
	await page.keyboard.press('Tab');
	await expect(begin).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	await expect(begin).toBeFocused();
	await expectAccessible(page);
	await begin.click();
	await expect(dialog).toBeHidden();
	await expect(desk(page)).toBeFocused();

	// A reload of an attempt begun does not show it again.
	await page.reload();
	await expect(steps(page)).toBeVisible();
	await expect(dialog).toBeHidden();

	// On demand, from the bar; Escape closes it and focus goes back to the button.
	const open = page.getByRole('button', { name: 'Briefing' });
	await open.click();
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('button', { name: 'Back to the lab' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(open).toBeFocused();
});

test('"Lab complete": shown once when every step has passed, again from the bar, and it submits', async ({
	page
}) => {
	await start(page, 'adobe-upgrade');
	await expect(labComplete(page)).toHaveCount(0);
	await adobeToTheEnd(page);

	const dialog = labComplete(page);
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('Every step has passed. Score: 100 / 100.');
	await expect(dialog.getByRole('button', { name: 'Submit', exact: true })).toBeFocused();
	await expect(dialog.getByRole('link', { name: 'See the report' })).toBeVisible();
	await expectAccessible(page);
	await keepExploring(page);

	// Remembered: a reload does not show it again, and the bar offers it.
	await page.reload();
	await expect(steps(page)).toContainText('Score: 100 / 100');
	await expect(dialog).toBeHidden();
	await page.getByRole('button', { name: 'Lab complete' }).click();
	await expect(dialog).toBeVisible();

	// The report of the attempt still open says so; the dialog's Submit ends it.
	await dialog.getByRole('link', { name: 'See the report' }).click();
	await expect(page).toHaveURL(/\/report\//);
	await expect(page.getByText('still in progress')).toBeVisible();
	await page.getByRole('link', { name: 'Back to the lab' }).click();
	await page.getByRole('button', { name: 'Lab complete' }).click();
	await dialog.getByRole('button', { name: 'Submit', exact: true }).click();
	await expect(page).toHaveURL(/\/report\//);
	await expect(page.locator('p.total')).toContainText('100 / 100');
	await expect(page.getByText('submitted', { exact: false }).first()).toBeVisible();
});

test('an assessment has no "Lab complete" moment: results wait for the end', async ({ page }) => {
	await startAssessment(page, 'adobe-upgrade', 'Rae Ortiz');
	await adobeToTheEnd(page);
	await expect(steps(page)).toContainText('results are shown when it ends');
	await expect(labComplete(page)).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Lab complete' })).toHaveCount(0);
});

test('a manual clock does not move while the trainee is away; +1 hour does', async ({ page }) => {
	await page.clock.install();
	await start(page, 'banking-outage');
	const clock = clockButton(page);
	await expect(clock).toContainText('Mar 2, 2026, 9:00 AM');
	await expect(clock).toContainText('manual');

	// Three hours away from the keyboard, then an action.
	await page.clock.fastForward('03:00:00');
	await playAs(page, 'Karen Karen (End user)');
	await portalOpenTicket(page, 'Business Critical Outage', 'Mobile banking is down', '404');
	// (The idle-time clock of old moved it up to an hour here.)
	await expect(clock).toContainText('Mar 2, 2026, 9:00 AM');

	// The bar says how it moves, and its button moves it.
	await clock.click();
	await expect(page.getByRole('group', { name: 'Help desk clock' })).toContainText(
		'Clock: manual — it moves only when you press +1 hour or +4 hours.'
	);
	await page.getByRole('button', { name: '+1 hour' }).click();
	await expect(clock).toContainText('Mar 2, 2026, 10:00 AM');
	await page.keyboard.press('Escape');
	await expect(clock).toBeFocused();
});

/** Tab (or Shift+Tab) until `target` has the focus: the keyboard's way of getting somewhere. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, back = false) {
	const handle = await target.elementHandle();
	for (let i = 0; i < 200; i++) {
		if (await page.evaluate((el) => document.activeElement === el, handle)) return;
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
	}
	throw new Error(`could not reach ${String(target)} with the keyboard`);
}

test('a lab by keyboard only: the Adobe upgrade to 100', async ({ page }) => {
	// Many key presses, each one waited for: more than the default 30 s on a busy machine.
	test.setTimeout(120_000);
	const key = (k: string) => page.keyboard.press(k);
	await page.goto('/');
	await tabTo(
		page,
		page.locator('[data-lab="adobe-upgrade"]').getByRole('button', { name: /^Start practice/ })
	);
	await key('Enter');
	await expect(briefing(page).getByRole('button', { name: 'Start the lab' })).toBeFocused();
	await key('Enter');
	await expect(briefing(page)).toBeHidden();

	// Ken opens the ticket in the portal.
	await tabTo(page, page.getByRole('button', { name: 'Ken Ledger (End user)', exact: true }));
	await key('Space');
	await tabTo(page, page.getByRole('button', { name: 'Open a New Ticket' }));
	await key('Enter');
	await tabTo(page, page.getByLabel('Help Topic', { exact: true }));
	await page.keyboard.type('Software');
	await expect(page.getByLabel('Help Topic', { exact: true })).toHaveValue(/./);
	await tabTo(page, page.getByLabel('Issue Summary'));
	await page.keyboard.type('Adobe upgrade is broken');
	await tabTo(page, page.getByLabel('Issue Details'));
	await page.keyboard.type('Acrobat closes as soon as it opens since the upgrade.');
	await tabTo(page, page.getByRole('button', { name: 'Create Ticket' }));
	await key('Enter');
	const created = page.getByRole('heading', { name: /^Ticket #\d{6} created$/ });
	await expect(created).toBeVisible();
	const number = ((await created.textContent()) ?? '').match(/#(\d{6})/)?.[1] as string;

	// John takes it, sets SEV-C, keeps Ken posted and resolves it.
	await tabTo(page, page.getByRole('button', { name: 'John Smith (Agent)', exact: true }), true);
	await key('Enter');
	await tabTo(page, page.getByRole('button', { name: `#${number}` }));
	await key('Enter');
	await expect(page.getByRole('heading', { name: `Ticket #${number}` })).toBeVisible();
	const actions = page.getByRole('group', { name: 'Ticket actions' });
	await tabTo(page, actions.getByRole('button', { name: 'Assign', exact: true }));
	await key('ArrowDown');
	await expect(page.getByRole('menuitem', { name: 'Claim', exact: true })).toBeFocused();
	await key('Enter');
	await tabTo(page, page.getByRole('button', { name: 'Edit', exact: true }));
	await key('Enter');
	await tabTo(page, page.getByLabel('SLA Plan', { exact: true }));
	await page.keyboard.type('SEV-C');
	await tabTo(page, page.getByRole('button', { name: 'Save' }));
	await key('Enter');
	await expect(page.getByRole('status')).toHaveText('Ticket updated');
	for (const [text, status] of [
		['I am running a repair install; open PDFs in the browser meanwhile.', null],
		['The repair install fixed Acrobat.', 'Resolved']
	] as const) {
		await tabTo(page, page.getByLabel('Response', { exact: true }));
		await page.keyboard.type(text);
		if (status) {
			await tabTo(page, page.getByLabel('Ticket Status', { exact: true }));
			await page.keyboard.type(status);
		}
		await tabTo(page, page.getByRole('button', { name: 'Post Reply' }));
		await key('Enter');
		await expect(page.getByRole('status')).toContainText('Reply posted');
	}

	await expect(labComplete(page)).toContainText('Score: 100 / 100');
	await expect(
		labComplete(page).getByRole('button', { name: 'Submit', exact: true })
	).toBeFocused();
	await key('Enter');
	await expect(page).toHaveURL(/\/report\//);
	await expect(page.locator('p.total')).toContainText('100 / 100');
});
