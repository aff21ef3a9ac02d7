/**
 * The labs on offer: the scenario files bundled with the app (scenarios/*.md,
 * precached for offline use) and any the instructor imported into this
 * browser. A file that does not load is listed with its problems, never hidden.
 */
import bundled from 'virtual:deskdrill/scenarios';
import type { Problem, Scenario } from '../scenarios/types';
import { workspaceDb, type AttemptRecord } from '../db/attempts-db';
import { isEnded } from './session-machine';
import { variantOf } from './variant';

export interface CatalogueEntry {
	scenario: Scenario;
	source: 'bundled' | 'imported';
}

export interface Catalogue {
	labs: CatalogueEntry[];
	broken: { file: string; problems: Problem[] }[];
}

/** Imported files are parsed in the browser: the YAML parser and validator load only then. */
async function load(
	files: { name: string; text: string; source: CatalogueEntry['source'] }[]
): Promise<Catalogue> {
	if (files.length === 0) return { labs: [], broken: [] };
	const { loadScenario } = await import('../scenarios/load');
	const labs: CatalogueEntry[] = [];
	const broken: Catalogue['broken'] = [];
	for (const file of files) {
		const result = loadScenario(file.text, file.name);
		if (result.ok) labs.push({ scenario: result.scenario, source: file.source });
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
		rows.map((s) => ({ name: s.fileName, text: s.text, source: 'imported' as const }))
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
	{ id: string; fileName: string; importedAt: number }[]
> {
	const rows = await workspaceDb().scenarios.toArray();
	return rows
		.map(({ id, fileName, importedAt }) => ({ id, fileName, importedAt }))
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
 * The lab as an attempt played it: its variant when the attempt has a seed
 * (the validator loads only then). Null when the lab is gone from here.
 */
export async function scenarioForAttempt(
	attempt: Pick<AttemptRecord, 'scenarioId' | 'variantSeed'>
): Promise<Scenario | null> {
	const scenario = await findScenario(attempt.scenarioId);
	if (!scenario) return null;
	return variantOf(scenario, attempt.variantSeed ?? 0);
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
