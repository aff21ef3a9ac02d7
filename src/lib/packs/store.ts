/**
 * Lab packs in this browser (services level): exporting labs from the
 * catalogue as a pack, and importing one into the workspace database's
 * `scenarios` table, each lab row carrying its pack's name and version. An
 * update keeps each replaced lab's previous text on its row, so attempts
 * played on the older version are still graded on it (catalogue.ts,
 * scenarioForAttempt). The rules themselves are in pack.ts.
 */
import { workspaceDb, type ImportedScenario, type PackRef } from '../db/attempts-db';
import { scenarioHash } from '../scenarios/hash';
import type { Scenario } from '../scenarios/types';
import {
	buildPack,
	planImport,
	PackError,
	verifyPack,
	type ImportPlan,
	type LabPack,
	type PackInfo,
	type PlanLab,
	type VerifiedPack
} from './pack';

/** The bundled labs' texts, loaded only when a pack is exported (a chunk of their own). */
const BUNDLED_TEXTS = import.meta.glob<string>('/scenarios/*.md', {
	query: '?raw',
	import: 'default'
});

async function rowHash(row: ImportedScenario): Promise<string> {
	if (row.hash) return row.hash;
	const { loadScenario } = await import('../scenarios/load');
	const result = loadScenario(row.text, row.fileName);
	return result.ok ? scenarioHash(result.scenario) : `unreadable:${row.id}`;
}

/** The text of a lab on offer: its imported row's, or the bundled file's. */
async function labText(scenario: Scenario): Promise<{ fileName: string; text: string }> {
	const row = await workspaceDb().scenarios.get(scenario.id);
	if (row) return { fileName: row.fileName, text: row.text };
	const file = scenario.file.replace(/^.*\//, '');
	const load = BUNDLED_TEXTS[`/scenarios/${file}`];
	if (!load) throw new PackError(`The text of “${scenario.title}” is not available here.`);
	return { fileName: file, text: await load() };
}

/** Make a pack of these labs, in this order. */
export async function exportPack(info: PackInfo, scenarios: readonly Scenario[]): Promise<LabPack> {
	const labs = [];
	for (const s of scenarios) labs.push(await labText(s));
	return buildPack(info, labs);
}

/** A pack file, checked and compared with the version here: what the learner confirms. */
export interface PreparedImport {
	fileName: string;
	verified: VerifiedPack;
	plan: ImportPlan;
}

/** The labs of the pack called `name` here, as the plan compares them. */
async function installed(name: string): Promise<{ version: string; labs: PlanLab[] } | null> {
	const rows = (await workspaceDb().scenarios.toArray()).filter((r) => r.pack?.name === name);
	if (rows.length === 0) return null;
	const labs: PlanLab[] = [];
	for (const row of rows) labs.push({ id: row.id, title: row.fileName, hash: await rowHash(row) });
	return { version: rows[0]!.pack!.version, labs };
}

/**
 * Check a pack file as a whole and plan its import; throws PackError (with
 * the labs' problems when a lab does not load). Refuses a pack whose lab
 * belongs to another pack here: two packs cannot both own a lab id.
 */
export async function prepareImport(fileName: string, text: string): Promise<PreparedImport> {
	const verified = await verifyPack(text, fileName);
	const name = verified.pack.manifest.name;
	for (const lab of verified.labs) {
		const row = await workspaceDb().scenarios.get(lab.scenario.id);
		if (row?.pack && row.pack.name !== name)
			throw new PackError(
				`${fileName} was not imported: its lab “${lab.scenario.id}” already comes with the pack “${row.pack.name}” ${row.pack.version}. Remove that pack first, or give the lab another id.`
			);
	}
	const plan = planImport(await installed(name), {
		name,
		version: verified.pack.manifest.version,
		labs: verified.labs.map((l) => ({ id: l.scenario.id, title: l.scenario.title, hash: l.hash }))
	});
	return { fileName, verified, plan };
}

/**
 * Store a prepared pack: every lab in one transaction (all or nothing). A lab
 * that changes keeps its previous text for the attempts played on it; a lab
 * the new version no longer has is removed from the catalogue.
 */
export async function applyImport(prepared: PreparedImport, now = Date.now()): Promise<void> {
	const { manifest } = prepared.verified.pack;
	const pack: PackRef = {
		name: manifest.name,
		version: manifest.version,
		author: manifest.author,
		licence: manifest.licence,
		checksum: manifest.checksum
	};
	const db = workspaceDb();
	const hashes = new Map<string, string>();
	for (const row of await db.scenarios.toArray()) hashes.set(row.id, await rowHash(row));
	await db.transaction('rw', db.scenarios, async () => {
		for (const lab of prepared.verified.labs) {
			const id = lab.scenario.id;
			const old = await db.scenarios.get(id);
			const previous = [...(old?.previous ?? [])];
			const oldHash = hashes.get(id);
			if (old && oldHash && oldHash !== lab.hash && !previous.some((p) => p.hash === oldHash))
				previous.push({
					hash: oldHash,
					fileName: old.fileName,
					text: old.text,
					version: old.pack?.version ?? null
				});
			await db.scenarios.put({
				id,
				fileName: lab.fileName,
				text: lab.text,
				importedAt: now,
				pack,
				hash: lab.hash,
				...(previous.length ? { previous } : {})
			});
		}
		await db.scenarios.bulkDelete(prepared.plan.removed.map((l) => l.id));
	});
}

/** The packs here, with their labs' ids, for Settings. */
export async function installedPacks(): Promise<(PackRef & { labs: string[] })[]> {
	const byName = new Map<string, PackRef & { labs: string[] }>();
	for (const row of await workspaceDb().scenarios.toArray()) {
		if (!row.pack) continue;
		const entry = byName.get(row.pack.name) ?? { ...row.pack, labs: [] };
		entry.labs.push(row.id);
		byName.set(row.pack.name, entry);
	}
	return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Remove a pack's labs from the catalogue (their attempts stay). */
export async function removePack(name: string): Promise<void> {
	const db = workspaceDb();
	const ids = (await db.scenarios.toArray()).filter((r) => r.pack?.name === name).map((r) => r.id);
	await db.scenarios.bulkDelete(ids);
}
