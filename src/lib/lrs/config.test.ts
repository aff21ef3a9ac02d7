/**
 * The LRS configuration stays in this browser: a workspace backup (the only
 * export of the workspace) carries no secret, no key, no LRS setting at all.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../../tests/fixtures/scenarios';
import { deleteAttempt, startAttempt } from '../services/attempts';
import { exportWorkspace } from '../services/backup';
import { EMPTY_LRS_CONFIG, loadLrsConfig, saveLrsConfig } from './config';

describe('LRS configuration', () => {
	it('is saved with a slash-ended endpoint and never carried into a backup file', async () => {
		const attempt = await startAttempt(loadLab('banking-outage'), { mode: 'practice' }, 1000);
		await saveLrsConfig({
			...EMPTY_LRS_CONFIG,
			endpoint: ' https://lrs.example.org/xAPI ',
			key: 'class-key',
			secret: 'do-not-export-me',
			learnerEmail: 'rae@example.org',
			learnerName: 'Rae'
		});
		const saved = await loadLrsConfig();
		expect(saved).toMatchObject({
			endpoint: 'https://lrs.example.org/xAPI/',
			secret: 'do-not-export-me'
		});
		const text = JSON.stringify(await exportWorkspace());
		expect(text).toContain(attempt.id);
		expect(text).not.toContain('do-not-export-me');
		expect(text).not.toContain('class-key');
		expect(text).not.toContain('lrs.example.org');
		await deleteAttempt(attempt.id);
	});
});
