/**
 * The labs on offer: the scenario files bundled with the app (scenarios/*.md,
 * precached for offline use) and any the instructor imported into this
 * browser. A file that does not load is listed with its problems, never hidden.
 */
import bundled from 'virtual:deskdrill/scenarios';
import type { Problem, Scenario } from '../scenarios/types';
import { workspaceDb, type AttemptRecord, type PackRef } from '../db/attempts-db';
import { isEnded } from './session-machine';
import { variantOf } from './variant';

export interface CatalogueEntry {
	scenario: Scenario;
	source: 'bundled' | 'imported';
	/** The lab pack it came with, if it came with one. */
	pack?: PackRef;
}

/** Labs shown together: the bundled ones, each pack's, and the single files imported. */
export interface LabGroup {
	key: string;
	title: string;
	/** "version 1.2.0 · by Ada · CC-BY-4.0", for a pack. */
	detail: string | null;
	labs: CatalogueEntry[];
}

/** Group the catalogue by where its labs came from: Deskdrill's, then each pack by name, then single files. */
export function groupLabs(labs: readonly CatalogueEntry[]): LabGroup[] {
	const bundled: LabGroup = { key: 'bundled', title: 'Deskdrill labs', detail: null, labs: [] };
	const single: LabGroup = { key: 'imported', title: 'Imported labs', detail: null, labs: [] };
	const packs = new Map<string, LabGroup>();
	for (const lab of labs) {
		if (lab.source === 'bundled') bundled.labs.push(lab);
		else if (!lab.pack) single.labs.push(lab);
		else {
			const { name, version, author, licence } = lab.pack;
			const group = packs.get(name) ?? {
				key: `pack:${name}`,
				title: name,
				detail: `version ${version} · by ${author} · ${licence}`,
				labs: []
			};
			group.labs.push(lab);
			packs.set(name, group);
		}
	}
	const sorted = [...packs.values()].sort((a, b) => a.title.localeCompare(b.title));
	return [bundled, ...sorted, single].filter((g) => g.labs.length > 0);
}

export interface Catalogue {
	labs: CatalogueEntry[];
	broken: { file: string; problems: Problem[] }[];
}

/** Imported files are parsed in the browser: the YAML parser and validator load only then. */
async function load(
	files: { name: string; text: string; source: CatalogueEntry['source']; pack?: PackRef }[]
): Promise<Catalogue> {
	if (files.length === 0) return { labs: [], broken: [] };
	const { loadScenario } = await import('../scenarios/load');
	const labs: CatalogueEntry[] = [];
	const broken: Catalogue['broken'] = [];
	for (const file of files) {
		const result = loadScenario(file.text, file.name);
		if (result.ok)
			labs.push({
				scenario: result.scenario,
				source: file.source,
				...(file.pack ? { pack: file.pack } : {})
			});
		else broken.push({ file: file.name, problems: result.problems });
	}
	return { labs, broken };
}

/** The labs shipped with the app, checked when the app was built. */
export function bundledCatalogue(): Catalogue {
	return {
		labs: bundled.labs.map((scenario) => ({ scenario, source: 'bundled' as const })),
		broken: bundled.broken
	};
}

/**
 * Bundled labs and the ones imported into this browser. An imported lab with
 * the same id replaces the bundled one, and of several with one id (a
 * damaged or hand-made backup) the latest imported wins: a lab id appears
 * once, whatever the storage holds.
 */
export async function fullCatalogue(): Promise<Catalogue> {
	const shipped = bundledCatalogue();
	const rows = (await workspaceDb().scenarios.toArray()).sort(
		(a, b) => b.importedAt - a.importedAt
	);
	const imported = await load(
		rows.map((s) => ({ name: s.fileName, text: s.text, source: 'imported' as const, pack: s.pack }))
	);
	const seen = new Set<string>();
	const labs: CatalogueEntry[] = [];
	for (const lab of imported.labs)
		if (!seen.has(lab.scenario.id)) {
			seen.add(lab.scenario.id);
			labs.push(lab);
		}
	return {
		labs: [...shipped.labs.filter((l) => !seen.has(l.scenario.id)), ...labs],
		broken: [...shipped.broken, ...imported.broken]
	};
}

/** The imported labs, for Settings to list and remove. */
export async function importedLabs(): Promise<
	{ id: string; fileName: string; importedAt: number; pack: string | null }[]
> {
	const rows = await workspaceDb().scenarios.toArray();
	return rows
		.map(({ id, fileName, importedAt, pack }) => ({
			id,
			fileName,
			importedAt,
			pack: pack ? `${pack.name} ${pack.version}` : null
		}))
		.sort((a, b) => a.id.localeCompare(b.id));
}

/** Remove an imported lab (its attempts stay, and open again if the lab is imported again). */
export async function removeImportedLab(id: string): Promise<void> {
	await workspaceDb().scenarios.delete(id);
}

export async function findScenario(id: string): Promise<Scenario | null> {
	return (await fullCatalogue()).labs.find((l) => l.scenario.id === id)?.scenario ?? null;
}

/**
 * The lab as an attempt played it: the version it was played on when a pack
 * update has replaced it since (the row keeps earlier texts), and its variant
 * when the attempt has a seed (the validator loads only then). Null when the
 * lab is gone from here.
 */
export async function scenarioForAttempt(
	attempt: Pick<AttemptRecord, 'scenarioId' | 'variantSeed' | 'scenarioHash'>
): Promise<Scenario | null> {
	const scenario = (await playedVersion(attempt)) ?? (await findScenario(attempt.scenarioId));
	if (!scenario) return null;
	return variantOf(scenario, attempt.variantSeed ?? 0);
}

/** The earlier version of an imported lab the attempt was played on, if a pack update replaced it. */
async function playedVersion(
	attempt: Pick<AttemptRecord, 'scenarioId' | 'scenarioHash'>
): Promise<Scenario | null> {
	if (!attempt.scenarioHash) return null;
	const row = await workspaceDb().scenarios.get(attempt.scenarioId);
	const old = row?.previous?.find((p) => p.hash === attempt.scenarioHash);
	if (!old || row?.hash === attempt.scenarioHash) return null;
	const { loadScenario } = await import('../scenarios/load');
	const result = loadScenario(old.text, old.fileName);
	return result.ok ? result.scenario : null;
}

/** Import a scenario file into this browser; refused with its problems when it does not load. */
export async function importScenario(
	fileName: string,
	text: string
): Promise<{ ok: true; scenario: Scenario } | { ok: false; problems: Problem[] }> {
	const { loadScenario } = await import('../scenarios/load');
	const result = loadScenario(text, fileName);
	if (!result.ok) return result;
	await workspaceDb().scenarios.put({
		id: result.scenario.id,
		fileName,
		text,
		importedAt: Date.now()
	});
	return result;
}

export interface LabProgress {
	best: number | null;
	maxScore: number;
	inProgress: AttemptRecord | null;
	attempts: number;
}

/** Best score and the attempt in progress, per scenario id. */
export function progressByScenario(attempts: AttemptRecord[]): Map<string, LabProgress> {
	const map = new Map<string, LabProgress>();
	for (const a of attempts) {
		const entry = map.get(a.scenarioId) ?? {
			best: null,
			maxScore: a.maxScore,
			inProgress: null,
			attempts: 0
		};
		entry.attempts++;
		if (!isEnded(a.status)) {
			if (!entry.inProgress || entry.inProgress.updatedAt < a.updatedAt) entry.inProgress = a;
			// Only a finished attempt has a score to be proud of.
		} else if (entry.best === null || a.score > entry.best) entry.best = a.score;
		map.set(a.scenarioId, entry);
	}
	return map;
}

/**
 * A lab's file as written, for the Author page's "Edit a copy": the imported
 * text when this browser has one, else the bundled file (its text loads only
 * here, from a module of its own). Null when there is no such lab.
 */
export async function labSource(id: string): Promise<{ file: string; text: string } | null> {
	const imported = await workspaceDb()
		.scenarios.get(id)
		.catch(() => undefined);
	if (imported) return { file: imported.fileName, text: imported.text };
	const { default: sources } = await import('virtual:deskdrill/scenario-sources');
	return sources[id] ?? null;
}

/** Whether a lab of this id comes with the app (an import of the same id takes its place). */
export function isBundled(id: string): boolean {
	return bundled.labs.some((l) => l.id === id);
}
