/**
 * A lab for the Agent Panel's own tests, imported through Settings as an
 * instructor would: the escalation lab's help desk with 30 more tickets
 * (enough for a second page of 25), a second end user, and Ada, the
 * administrator, also playable as an agent (so the Agent Panel shows her
 * "Admin Panel" in its header).
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { steps } from './lab-helpers';

export const STAFF_LAB_ID = 'staff-panel-drill';
export const FILLERS = 30;

/** "Request 01" … "Request 30", opened by Karen (odd) and Ken (even), one minute apart. */
export function staffLabSource(): string {
	const tickets = Array.from({ length: FILLERS }, (_, i) => {
		const n = String(i + 1).padStart(2, '0');
		const at = new Date(Date.UTC(2026, 2, 2, 7, 0) + i * 60_000).toISOString().replace('.000', '');
		return [
			`    - ref: request-${n}`,
			`      as: ${i % 2 === 0 ? 'karen' : 'ken'}`,
			`      at: ${at}`,
			'      topicId: hardware',
			`      subject: Request ${n}`,
			'      details: Filler ticket for paging.'
		].join('\n');
	}).join('\n');
	const source = readFileSync('scenarios/escalation-permissions.md', 'utf8')
		.replace(/^id: escalation-permissions$/m, `id: ${STAFF_LAB_ID}`)
		.replace(/^title: .*$/m, "title: 'Staff panel drill'")
		.replace(
			/^( {4}- \{ id: ken, .*\})$/m,
			'$1\n    - { id: karen, name: Karen Karen, email: karen@osTicket.com }'
		)
		.replace(/^ {2}tickets:$/m, `  tickets:\n${tickets}`)
		.replace(
			/^( {2}- \{ id: admin, role: admin, agent: admin, label: Ada Admin \})$/m,
			'$1\n  - { id: ada, role: agent, agent: admin, label: Ada as agent }'
		);
	if (!source.includes('Ada as agent') || !source.includes('Request 30'))
		throw new Error('the escalation lab changed: update tests/e2e/staff-lab.ts');
	return source;
}

/** Imports the drill in Settings and starts it in practice mode, playing `persona`. */
export async function startStaffLab(page: Page, persona = 'John Smith (Agent)') {
	await page.goto('/settings');
	await page.getByLabel('Scenario file').setInputFiles({
		name: `${STAFF_LAB_ID}.md`,
		mimeType: 'text/markdown',
		buffer: Buffer.from(staffLabSource())
	});
	await expect(page.getByRole('status')).toContainText('Imported “Staff panel drill”');
	await page.goto('/');
	await page
		.locator(`[data-lab="${STAFF_LAB_ID}"]`)
		.getByRole('button', { name: /^Start practice/ })
		.click();
	await expect(page).toHaveURL(/\/lab\//);
	await expect(steps(page)).toBeVisible();
	// The briefing, where the lab shows one first.
	const begin = page.getByRole('button', { name: /^Start the lab$|^Close briefing$/ });
	if (await begin.isVisible().catch(() => false)) await begin.click();
	await page.getByRole('button', { name: persona, exact: true }).click();
}
