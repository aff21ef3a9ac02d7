import { expect, test } from '@playwright/test';

test('home page renders the Deskdrill heading', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deskdrill');
	await expect(page.getByText('Help desk labs, offline.')).toBeVisible();
});

test('unknown routes fall back to the SPA shell', async ({ page }) => {
	await page.goto('/does-not-exist');
	await expect(page.locator('header')).toContainText('Deskdrill');
});
