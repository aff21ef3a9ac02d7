/** The catalogue lists every shipped lab, filters by skill, and unknown routes still load the app. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('the catalogue lists the six shipped labs and filters them by skill', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Help desk labs');
	const labs = page.locator('[data-lab]');
	await expect(labs).toHaveCount(6);
	await expect(page.getByText('Labs that could not be loaded')).toHaveCount(0);
	await page.getByLabel('Skill').selectOption('permissions');
	await expect(labs).toHaveCount(1);
	await expect(labs).toContainText('Escalation');
	const results = await new AxeBuilder({ page }).analyze();
	expect(
		results.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => v.id)
	).toEqual([]);
});

test('unknown routes fall back to the SPA shell', async ({ page }) => {
	await page.goto('/does-not-exist');
	await expect(page.locator('header')).toContainText('Deskdrill');
});

test('an attempt that does not exist is explained, not a blank page', async ({ page }) => {
	await page.goto('/lab/no-such-attempt');
	await expect(page.getByRole('alert')).toContainText(
		'There is no such lab attempt in this browser'
	);
	await expect(page.getByRole('link', { name: 'Back to the labs' })).toBeVisible();
});
