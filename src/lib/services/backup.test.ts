import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../../tests/fixtures/scenarios';
import { workspaceDb } from '../db/attempts-db';
import { openWorldStore } from '../db/world-store';
import { startAttempt, getAttempt, deleteAttempt } from './attempts';
import { exportWorkspace, parseBackup, planRestore, restoreWorkspace, BackupError } from './backup';

const scenario = () => loadLab('banking-outage');

/** The banking lab's file under another lab id. */
function labText(id: string): string {
	return readFileSync('scenarios/banking-outage.md', 'utf8').replace(
		'id: banking-outage',
		`id: ${id}`
	);
}

describe('workspace backup', () => {
	it('exports attempts with their worlds and restores them elsewhere', async () => {
		const s = scenario();
		const attempt = await startAttempt(s, { mode: 'practice' }, 1000);
		const store = await openWorldStore(attempt.id);
		await store?.run({ role: 'system' }, { type: 'clock.advance', minutes: 5 });
		const worldBefore = JSON.stringify(store?.world);
		store?.close();
		await workspaceDb().scenarios.put({
			id: 'imported-lab',
			fileName: 'x.md',
			text: labText('imported-lab'),
			importedAt: 1
		});

		const text = JSON.stringify(await exportWorkspace());
		await deleteAttempt(attempt.id);
		await workspaceDb().scenarios.clear();
		expect(await getAttempt(attempt.id)).toBeUndefined();

		const restored = await restoreWorkspace(await planRestore(parseBackup(text)));
		expect(restored.attempts).toBeGreaterThanOrEqual(1);
		expect((await getAttempt(attempt.id))?.scenarioId).toBe(s.id);
		expect((await getAttempt(attempt.id))?.restoredAt).toBeGreaterThan(0);
		const back = await openWorldStore(attempt.id);
		expect(JSON.stringify(back?.world)).toBe(worldBefore);
		expect(back?.journal).toHaveLength(1);
		back?.close();
		expect(await workspaceDb().scenarios.get('imported-lab')).toBeDefined();
	});

	it('refuses damaged or foreign files with a clear message, and changes nothing', async () => {
		const before = await workspaceDb().attempts.count();
		const cases: [string, RegExp][] = [
			['not json at all {', /not valid JSON/],
			[JSON.stringify({ hello: 'world' }), /not a Deskdrill backup/],
			[
				JSON.stringify({ format: 'deskdrill-backup', version: 9, attempts: [], scenarios: [] }),
				/format version 9/
			],
			[
				JSON.stringify({
					format: 'deskdrill-backup',
					version: 1,
					attempts: [
						{
							record: { id: 'a', scenarioId: 's', mode: 'practice', status: 'inProgress' },
							world: { meta: {} },
							journal: []
						}
					],
					scenarios: []
				}),
				/Attempt 1.*damaged/
			]
		];
		for (const [text, message] of cases) {
			expect(() => parseBackup(text)).toThrow(BackupError);
			expect(() => parseBackup(text)).toThrow(message);
		}
		expect(await workspaceDb().attempts.count()).toBe(before);
	});

	it('stores each imported lab once, under the id its own file gives, and refuses a lab that does not load', async () => {
		await workspaceDb().scenarios.clear();
		const backup = parseBackup(JSON.stringify(await exportWorkspace()));
		backup.scenarios = [
			{ id: 'first', fileName: 'a.md', text: labText('twin'), importedAt: 1 },
			{ id: 'second', fileName: 'b.md', text: labText('twin'), importedAt: 2 }
		];
		const plan = await planRestore(backup);
		expect(plan.scenarios.map((s) => s.id)).toEqual(['twin']);
		await restoreWorkspace(plan);
		expect((await workspaceDb().scenarios.toArray()).map((s) => s.id)).toEqual(['twin']);
		const { fullCatalogue } = await import('./catalogue');
		const ids = (await fullCatalogue()).labs.map((l) => l.scenario.id);
		expect(ids.filter((id) => id === 'twin')).toHaveLength(1);

		backup.scenarios = [{ id: 'x', fileName: 'bad.md', text: '---\nid: x\n---', importedAt: 3 }];
		await expect(planRestore(backup)).rejects.toThrow(/Imported lab 1 \(bad\.md\) does not load/);
	});

	it('asks before an older file replaces newer work here, and can keep both', async () => {
		const s = scenario();
		const attempt = await startAttempt(s, { mode: 'practice' }, 1000);
		const old = parseBackup(JSON.stringify(await exportWorkspace()));
		const store = await openWorldStore(attempt.id);
		for (let i = 0; i < 5; i++)
			await store?.run({ role: 'system' }, { type: 'clock.advance', minutes: 1 });
		store?.close();
		const plan = await planRestore(old);
		const conflict = plan.conflicts.find((c) => c.id === attempt.id);
		expect(conflict).toMatchObject({ here: { actions: 5 }, file: { actions: 0 } });
		const result = await restoreWorkspace(plan, 'copy');
		expect(result.copies).toBeGreaterThanOrEqual(1);
		const kept = await openWorldStore(attempt.id);
		expect(kept?.journal).toHaveLength(5);
		kept?.close();
		const copies = (await workspaceDb().attempts.toArray()).filter((a) =>
			a.scenarioTitle.endsWith('(restored copy)')
		);
		expect(copies.length).toBeGreaterThanOrEqual(1);
	});

	it('refuses a help desk whose rows name what does not exist, naming the row', async () => {
		const s = scenario();
		await startAttempt(s, { mode: 'practice' }, 1000);
		const backup = parseBackup(JSON.stringify(await exportWorkspace()));
		const world = backup.attempts[0]!.world;
		world.tickets['t9'] = {
			...structuredClone(Object.values(world.tickets)[0] ?? ({} as never)),
			id: 't9',
			number: '999999',
			deptId: 'nowhere',
			userId: 'karen',
			status: 'open',
			priority: 'normal',
			collaborators: [],
			referrals: []
		};
		const before = await workspaceDb().attempts.count();
		expect(() => parseBackup(JSON.stringify(backup))).toThrow(
			/ticket #999999 is in a department “nowhere” that does not exist/
		);
		expect(await workspaceDb().attempts.count()).toBe(before);
	});
});
