/**
 * Packs in the workspace database: an import stores every lab with its pack's
 * name and version; the same version again changes nothing; a newer version
 * replaces changed labs, keeps their earlier texts so an attempt is graded on
 * the version it was played on, and removes labs the pack no longer has; a
 * lab owned by another pack refuses the import. The catalogue groups by pack.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { scaffoldText } from '../authoring/scaffold';
import { workspaceDb } from '../db/attempts-db';
import { scenarioHash } from '../scenarios/hash';
import { loadScenario } from '../scenarios/load';
import {
	fullCatalogue,
	groupLabs,
	importScenario,
	scenarioForAttempt
} from '../services/catalogue';
import { buildPack, PackError, type PackInfo } from './pack';
import { applyImport, exportPack, installedPacks, prepareImport, removePack } from './store';

const INFO: PackInfo = { name: 'Basics', version: '1.0.0', author: 'Ada', licence: 'MIT' };
const lab = (id: string, text = scaffoldText(id)) => ({ fileName: `${id}.md`, text });

async function packFile(info: PackInfo, labs: { fileName: string; text: string }[]) {
	return JSON.stringify(await buildPack(info, labs));
}

async function importFile(text: string) {
	const prepared = await prepareImport('pack.json', text);
	await applyImport(prepared);
	return prepared.plan;
}

beforeEach(async () => {
	await workspaceDb().scenarios.clear();
});

describe('lab packs in this browser', () => {
	it('imports a pack whole, and the catalogue groups its labs under its name', async () => {
		const plan = await importFile(await packFile(INFO, [lab('alpha'), lab('beta')]));
		expect(plan.kind).toBe('new');
		expect(plan.added.map((l) => l.id)).toEqual(['alpha', 'beta']);
		await importScenario('single.md', scaffoldText('single'));
		const rows = await workspaceDb().scenarios.toArray();
		expect(rows.filter((r) => r.pack?.name === 'Basics').map((r) => r.pack?.version)).toEqual([
			'1.0.0',
			'1.0.0'
		]);
		const groups = groupLabs((await fullCatalogue()).labs);
		expect(groups.map((g) => [g.title, g.labs.length])).toEqual([
			['Deskdrill labs', 6],
			['Basics', 2],
			['Imported labs', 1]
		]);
		expect(groups[1]?.detail).toBe('version 1.0.0 · by Ada · MIT');
		expect(await installedPacks()).toMatchObject([
			{ name: 'Basics', version: '1.0.0', labs: ['alpha', 'beta'] }
		]);
	});

	it('says "same" for the version already here, and "older" for an older one', async () => {
		const v1 = await packFile(INFO, [lab('alpha')]);
		await importFile(v1);
		expect((await prepareImport('p.json', v1)).plan.kind).toBe('same');
		expect(
			(await prepareImport('p.json', await packFile({ ...INFO, version: '0.9.0' }, [lab('alpha')])))
				.plan.kind
		).toBe('older');
	});

	it('updates to a newer version, and an attempt on the old version is still graded on it', async () => {
		await importFile(await packFile(INFO, [lab('alpha'), lab('beta'), lab('gamma')]));
		const oldAlpha = loadScenario(scaffoldText('alpha'), 'alpha.md');
		if (!oldAlpha.ok) throw new Error('scaffold');
		const playedOn = await scenarioHash(oldAlpha.scenario);

		const changed = scaffoldText('alpha').replace('points: 10', 'points: 15');
		const plan = await importFile(
			await packFile({ ...INFO, version: '1.1.0' }, [
				lab('alpha', changed),
				lab('beta'),
				lab('delta')
			])
		);
		expect(plan.kind).toBe('update');
		expect(plan.changed.map((l) => l.id)).toEqual(['alpha']);
		expect(plan.unchanged.map((l) => l.id)).toEqual(['beta']);
		expect(plan.added.map((l) => l.id)).toEqual(['delta']);
		expect(plan.removed.map((l) => l.id)).toEqual(['gamma']);

		const ids = (await workspaceDb().scenarios.toArray()).map((r) => r.id).sort();
		expect(ids).toEqual(['alpha', 'beta', 'delta']);
		const row = await workspaceDb().scenarios.get('alpha');
		expect(row?.pack?.version).toBe('1.1.0');
		expect(row?.previous).toEqual([
			{ hash: playedOn, fileName: 'alpha.md', text: scaffoldText('alpha'), version: '1.0.0' }
		]);

		const old = await scenarioForAttempt({ scenarioId: 'alpha', scenarioHash: playedOn });
		expect(old?.steps[0]?.points).toBe(10);
		const current = await scenarioForAttempt({ scenarioId: 'alpha', scenarioHash: row?.hash });
		expect(current?.steps[0]?.points).toBe(15);
		const legacy = await scenarioForAttempt({ scenarioId: 'alpha' });
		expect(legacy?.steps[0]?.points).toBe(15);
	});

	it('refuses a pack whose lab belongs to another pack here, and stores nothing', async () => {
		await importFile(await packFile(INFO, [lab('alpha')]));
		const other = await packFile({ ...INFO, name: 'Other' }, [lab('omega'), lab('alpha')]);
		await expect(prepareImport('other.json', other)).rejects.toThrow(PackError);
		await expect(prepareImport('other.json', other)).rejects.toThrow(
			'its lab “alpha” already comes with the pack “Basics” 1.0.0'
		);
		expect(await workspaceDb().scenarios.get('omega')).toBeUndefined();
	});

	it('exports bundled and imported labs with their texts as written', async () => {
		await importScenario('single.md', scaffoldText('single'));
		const catalogue = await fullCatalogue();
		const pick = catalogue.labs.filter((l) => ['banking-outage', 'single'].includes(l.scenario.id));
		const pack = await exportPack(
			INFO,
			pick.map((l) => l.scenario)
		);
		expect(pack.labs.map((l) => l.fileName).sort()).toEqual(['banking-outage.md', 'single.md']);
		const banking = pack.labs.find((l) => l.fileName === 'banking-outage.md');
		expect(banking?.text).toBe(readFileSync('scenarios/banking-outage.md', 'utf8'));
		expect((await prepareImport('p.json', JSON.stringify(pack))).plan.kind).toBe('new');
	});

	it("removes a pack's labs", async () => {
		await importFile(await packFile(INFO, [lab('alpha'), lab('beta')]));
		await removePack('Basics');
		expect(await workspaceDb().scenarios.count()).toBe(0);
	});
});
