/**
 * SCORM packages made in the browser (Settings → SCORM packages): the main
 * build carries the SCORM build of the app in scorm-app/ with files.json
 * listing its files; they are fetched and zipped with the lab's launch
 * settings by package.ts, exactly as `npm run package:scorm` does. A lab
 * imported into this browser travels inside the package as its file's text.
 */
import { workspaceDb } from '../db/attempts-db';
import { fullCatalogue } from '../services/catalogue';
import type { ScormVersion } from './api';
import { buildPackage, packageName, SCORM_APP_INDEX, type PackageSpec } from './package';

export class PackageError extends Error {
	override name = 'PackageError';
}

/** The labs a package can be made of: every lab of the catalogue here. */
export async function packageableLabs(): Promise<
	{ id: string; title: string; imported: boolean }[]
> {
	const { labs } = await fullCatalogue();
	return labs.map((l) => ({
		id: l.scenario.id,
		title: l.scenario.title,
		imported: l.source === 'imported'
	}));
}

/** The SCORM build's files, fetched from `folder` (the URL of scorm-app/, ending in /). */
export async function fetchScormApp(
	folder: string,
	get: typeof fetch = fetch
): Promise<Map<string, Uint8Array>> {
	const unreachable = (what: string, why: string) =>
		new PackageError(
			`The packaged app could not be fetched (${what}: ${why}). Packages are made from the files Deskdrill's server provides: reconnect, or run \`npm run package:scorm\` instead.`
		);
	let index: { files?: unknown };
	try {
		const response = await get(new URL(SCORM_APP_INDEX, folder));
		if (!response.ok) throw unreachable(SCORM_APP_INDEX, `HTTP ${response.status}`);
		index = (await response.json()) as { files?: unknown };
	} catch (error) {
		if (error instanceof PackageError) throw error;
		throw unreachable(SCORM_APP_INDEX, 'no answer');
	}
	if (!Array.isArray(index.files) || !index.files.every((f) => typeof f === 'string'))
		throw new PackageError(
			`The list of the packaged app's files (${SCORM_APP_INDEX}) is damaged; rebuild Deskdrill with \`npm run build\`.`
		);
	const files = new Map<string, Uint8Array>();
	await Promise.all(
		(index.files as string[]).map(async (path) => {
			let response: Response;
			try {
				response = await get(new URL(path, folder));
			} catch {
				throw unreachable(path, 'no answer');
			}
			if (!response.ok) throw unreachable(path, `HTTP ${response.status}`);
			files.set(path, new Uint8Array(await response.arrayBuffer()));
		})
	);
	return files;
}

/** A package of lab `labId` (null: the whole catalogue) as a zip, with its file name. */
export async function makePackage(
	app: Map<string, Uint8Array>,
	labId: string | null,
	version: ScormVersion
): Promise<{ name: string; bytes: Uint8Array }> {
	const labs = await packageableLabs();
	const imported = await workspaceDb().scenarios.toArray();
	let spec: PackageSpec;
	if (labId === null) {
		spec = {
			version,
			lab: null,
			scenarios: imported.map(({ fileName, text }) => ({ fileName, text }))
		};
	} else {
		const lab = labs.find((l) => l.id === labId);
		if (!lab)
			throw new PackageError(`There is no lab “${labId}” in this browser’s catalogue any more.`);
		const own = imported.find((s) => s.id === labId);
		spec = {
			version,
			lab: { id: lab.id, title: lab.title },
			scenarios: own ? [{ fileName: own.fileName, text: own.text }] : []
		};
	}
	return { name: packageName(spec), bytes: buildPackage(app, spec) };
}
