import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../../tests/fixtures/scenarios';
import { workspaceDb } from '../db/attempts-db';
import { openWorldStore } from '../db/world-store';
import { startAttempt, getAttempt, deleteAttempt } from './attempts';
import { exportWorkspace, parseBackup, restoreWorkspace, BackupError } from './backup';

const scenario = () => loadLab('banking-outage');

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
			text: '---\nid: x\n---',
			importedAt: 1
		});

		const text = JSON.stringify(await exportWorkspace());
		await deleteAttempt(attempt.id);
		await workspaceDb().scenarios.clear();
		expect(await getAttempt(attempt.id)).toBeUndefined();

		const restored = await restoreWorkspace(parseBackup(text));
		expect(restored.attempts).toBeGreaterThanOrEqual(1);
		expect((await getAttempt(attempt.id))?.scenarioId).toBe(s.id);
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
});
