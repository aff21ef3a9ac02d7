/**
 * Lab packs end to end: labs exported from the catalogue as one file import
 * into a fresh browser profile and show as their pack's group; a pack with one
 * broken lab is refused with that lab's file:line:column problems, and one
 * changed after it was made is refused in words; a newer version says what it
 * changes and updates on confirmation, while an attempt begun on the older
 * version goes on with the version it was played on.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, start } from './lab-helpers';

interface Lab {
	fileName: string;
	text: string;
}

const lab = (id: string): Lab => ({
	fileName: `${id}.md`,
	text: readFileSync(`scenarios/${id}.md`, 'utf8')
});

/** A pack file as the app writes one (the checksum computed here, independently). */
function packFile(version: string, labs: Lab[], checksumOf: Lab[] = labs): Buffer {
	const hash = createHash('sha256');
	for (const l of checksumOf) hash.update(`${l.fileName}\n${l.text}\n`);
	const pack = {
		format: 'deskdrill-pack',
		manifest: {
			name: 'Service desk basics',
			version,
			author: 'Ada Lovelace',
			licence: 'CC-BY-4.0',
			checksum: `sha256:${hash.digest('hex')}`,
			createdAt: '2026-03-02T09:00:00.000Z'
		},
		labs
	};
	return Buffer.from(JSON.stringify(pack));
}

async function importPack(page: Page, buffer: Buffer, name = 'basics.deskdrill-pack.json') {
	await page.goto('/settings');
	await page
		.getByLabel('Lab pack file')
		.setInputFiles({ name, mimeType: 'application/json', buffer });
}

const packSection = (page: Page) => page.getByRole('region', { name: 'Import a lab pack' });

test('two labs exported as a pack import into a fresh profile, grouped under the pack', async ({
	page,
	browser
}) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Export labs as a pack…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Export labs as a pack' });
	await expectAccessible(page);
	for (const box of await dialog.getByRole('checkbox').all()) await box.uncheck();
	await dialog.getByLabel('Banking outage: from intake to resolution').check();
	await dialog.getByLabel(/CFO/).check();
	await dialog.getByLabel('Name').fill('Service desk basics');
	await dialog.getByLabel('Version').fill('1.0.0');
	await dialog.getByLabel('Author').fill('Ada Lovelace');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		dialog.getByRole('button', { name: 'Download the pack' }).click()
	]);
	expect(download.suggestedFilename()).toBe('service-desk-basics-1.0.0.deskdrill-pack.json');
	await expect(dialog.getByRole('status')).toContainText('Downloaded');
	const file = readFileSync((await download.path()) as string);
	const pack = JSON.parse(file.toString('utf8'));
	expect(pack.labs.map((l: Lab) => l.fileName)).toEqual(['banking-outage.md', 'cfo-laptop.md']);
	expect(pack.labs[0].text).toBe(lab('banking-outage').text);

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await importPack(other, file, download.suggestedFilename());
	await expect(packSection(other).getByRole('status')).toHaveText(
		'Imported the pack “Service desk basics” 1.0.0: 2 labs, now in the catalogue.'
	);
	await expect(packSection(other).getByText('Service desk basics 1.0.0')).toBeVisible();
	await other.goto('/');
	await expectAccessible(other);
	const group = other.getByRole('region', { name: 'Service desk basics' });
	await expect(group.getByText('version 1.0.0 · by Ada Lovelace · CC-BY-4.0')).toBeVisible();
	await expect(group.locator('[data-lab]')).toHaveCount(2);
	await expect(group.locator('[data-lab="banking-outage"]')).toBeVisible();
	await expect(
		other.getByRole('region', { name: 'Deskdrill labs' }).locator('[data-lab]')
	).toHaveCount(4);
	await fresh.close();
});

test('a pack with one broken lab is refused with its problems; a tampered one in words', async ({
	page
}) => {
	const broken = lab('cfo-laptop');
	broken.text = broken.text.replace(/^(\s*)skill: (\S+)$/m, '$1skill: not-a-skill');
	await importPack(page, packFile('1.0.0', [lab('banking-outage'), broken]));
	const section = packSection(page);
	await expect(section.getByRole('alert')).toContainText(
		'the lab cfo-laptop.md does not load, and a pack is imported whole or not at all'
	);
	await expect(
		section.getByText(/^cfo-laptop\.md:\d+:\d+: steps\[\d+\]\.skill: skill "not-a-skill"/)
	).toBeVisible();

	const good = [lab('banking-outage'), lab('cfo-laptop')];
	const edited = [
		good[0]!,
		{ ...good[1]!, text: good[1]!.text.replace('points: 10', 'points: 99') }
	];
	await importPack(page, packFile('1.0.0', edited, good));
	await expect(packSection(page).getByRole('alert')).toContainText(
		'The checksum of basics.deskdrill-pack.json does not match its labs'
	);
	await page.goto('/');
	await expect(page.getByRole('region', { name: 'Service desk basics' })).toHaveCount(0);
});

test('a newer version says what it changes and updates; an attempt keeps the version it began on', async ({
	page
}) => {
	const v1 = [lab('banking-outage'), lab('cfo-laptop')];
	await importPack(page, packFile('1.0.0', v1));
	await expect(packSection(page).getByRole('status')).toContainText('1.0.0: 2 labs');

	// An attempt on 1.0.0's CFO laptop lab.
	await start(page, 'cfo-laptop');
	const attempt = page.url();
	const oldTitle = (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
	expect(oldTitle).not.toBe('');

	const changed = {
		...v1[1]!,
		text: v1[1]!.text.replace(/^title: .*$/m, "title: 'CFO laptop, revised'")
	};
	const v2 = [v1[0]!, changed, lab('intake-channels')];
	await importPack(page, packFile('1.1.0', v2));
	const offer = packSection(page).getByRole('alertdialog');
	await expect(offer.getByRole('heading')).toHaveText(
		'Update “Service desk basics” from 1.0.0 to 1.1.0?'
	);
	await expect(offer).toContainText('Adds 1 lab:');
	await expect(offer).toContainText('Changes 1 lab: “CFO laptop, revised”');
	await expect(offer).toContainText('Leaves 1 lab as it is.');
	await expectAccessible(page);
	await offer.getByRole('button', { name: 'Update to 1.1.0' }).click();
	await expect(packSection(page).getByRole('status')).toHaveText(
		'Updated “Service desk basics” from 1.0.0 to 1.1.0.'
	);

	await importPack(page, packFile('1.0.0', v1));
	await expect(packSection(page).getByRole('status')).toHaveText(
		'The pack “Service desk basics” 1.0.0 is older than the version 1.1.0 here, so nothing was changed.'
	);

	await page.goto('/');
	const group = page.getByRole('region', { name: 'Service desk basics' });
	await expect(group.getByText(/^version 1\.1\.0 ·/)).toBeVisible();
	await expect(group.locator('[data-lab]')).toHaveCount(3);
	await expect(group.locator('[data-lab="cfo-laptop"] h3')).toHaveText('CFO laptop, revised');

	// The attempt begun on 1.0.0 resumes on 1.0.0.
	await page.goto(attempt);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(oldTitle);
});
