/**
 * Lab packs: several labs and a manifest (name, version, author, licence,
 * checksum) as one JSON file, `{ format: 'deskdrill-pack', manifest, labs:
 * [{ fileName, text }] }`. The rules, without storage: building a pack,
 * checking one as a whole (the file, its manifest, its checksum, then every
 * lab through the loader: one lab that does not load refuses the pack), and
 * planning an import against the version already here (new, update, same or
 * older; labs added, removed and changed). Runs in the browser and in Node.
 */
import { scenarioHash, sha256Hex } from '../scenarios/hash';
import type { Problem, Scenario } from '../scenarios/types';

export const PACK_FORMAT = 'deskdrill-pack';

/** What a pack says about itself; `checksum` covers its labs. */
export interface PackInfo {
	name: string;
	/** Semantic version: major.minor.patch (a pre-release or build suffix is allowed). */
	version: string;
	author: string;
	licence: string;
}

export interface PackManifest extends PackInfo {
	/** "sha256:" and the SHA-256 of every lab's file name and text, in order. */
	checksum: string;
	/** When it was made (ISO 8601). */
	createdAt: string;
}

export interface PackLab {
	fileName: string;
	text: string;
}

export interface LabPack {
	format: typeof PACK_FORMAT;
	manifest: PackManifest;
	labs: PackLab[];
}

const SEMVER =
	/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** What is wrong with a manifest's own fields, one sentence each. */
export function packInfoProblems(info: Partial<Record<keyof PackInfo, unknown>>): string[] {
	const problems: string[] = [];
	for (const [key, words] of [
		['name', 'a name'],
		['author', 'an author'],
		['licence', 'a licence (e.g. CC-BY-4.0)']
	] as const) {
		const value = info[key];
		if (typeof value !== 'string' || !value.trim()) problems.push(`The pack needs ${words}.`);
		else if (value.length > 200) problems.push(`The pack's ${key} is longer than 200 characters.`);
	}
	if (typeof info.version !== 'string' || !SEMVER.test(info.version.trim()))
		problems.push(
			`The version must be major.minor.patch, such as 1.0.0 (got "${String(info.version ?? '')}").`
		);
	return problems;
}

/** -1, 0 or 1 as `a` is older than, the same as, or newer than `b` (semver precedence). */
export function compareVersions(a: string, b: string): number {
	const pa = SEMVER.exec(a.trim());
	const pb = SEMVER.exec(b.trim());
	if (!pa || !pb) return a.localeCompare(b);
	for (let i = 1; i <= 3; i++) {
		const d = Number(pa[i]) - Number(pb[i]);
		if (d) return Math.sign(d);
	}
	// A pre-release comes before its release: 1.0.0-beta < 1.0.0.
	const [ra, rb] = [pa[4], pb[4]];
	if (ra === rb) return 0;
	if (ra === undefined) return 1;
	if (rb === undefined) return -1;
	const xa = ra.split('.');
	const xb = rb.split('.');
	for (let i = 0; i < Math.max(xa.length, xb.length); i++) {
		const [x, y] = [xa[i], xb[i]];
		if (x === undefined) return -1;
		if (y === undefined) return 1;
		if (x === y) continue;
		const [nx, ny] = [/^\d+$/.test(x), /^\d+$/.test(y)];
		if (nx && ny) return Math.sign(Number(x) - Number(y));
		if (nx !== ny) return nx ? -1 : 1;
		return x < y ? -1 : 1;
	}
	return 0;
}

/** The checksum of a pack's labs: each file name and text, in order, each followed by a newline. */
export async function packChecksum(labs: readonly PackLab[]): Promise<string> {
	const text = labs.map((l) => `${l.fileName}\n${l.text}\n`).join('');
	return `sha256:${await sha256Hex(text)}`;
}

export class PackError extends Error {
	constructor(
		message: string,
		/** The labs' problems, as file:line:column, when a lab is what is wrong. */
		readonly problems: Problem[] = []
	) {
		super(message);
		this.name = 'PackError';
	}
}

/** Make a pack of these labs; throws PackError in words when the manifest is incomplete. */
export async function buildPack(
	info: PackInfo,
	labs: readonly PackLab[],
	now = new Date()
): Promise<LabPack> {
	const problems = packInfoProblems(info);
	if (labs.length === 0) problems.push('Choose at least one lab for the pack.');
	if (problems.length) throw new PackError(problems.join(' '));
	const clean = labs.map((l) => ({ fileName: l.fileName, text: l.text }));
	return {
		format: PACK_FORMAT,
		manifest: {
			name: info.name.trim(),
			version: info.version.trim(),
			author: info.author.trim(),
			licence: info.licence.trim(),
			checksum: await packChecksum(clean),
			createdAt: now.toISOString()
		},
		labs: clean
	};
}

/** Is this file's text a pack (rather than a lab or a backup)? A cheap look, before parsing. */
export function looksLikePack(text: string): boolean {
	return /^\s*\{/.test(text) && text.slice(0, 400).includes(`"${PACK_FORMAT}"`);
}

export interface VerifiedPack {
	pack: LabPack;
	/** Each lab as loaded, with its content hash, in the pack's order. */
	labs: { scenario: Scenario; hash: string; fileName: string; text: string }[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Check a pack file as a whole; throws PackError in words (with the labs'
 * located problems when a lab does not load). Nothing is stored here.
 */
export async function verifyPack(text: string, fileName: string): Promise<VerifiedPack> {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new PackError(`${fileName} is not a lab pack: it is not valid JSON.`);
	}
	if (!isObject(data) || data['format'] !== PACK_FORMAT)
		throw new PackError(
			`${fileName} is not a lab pack: it does not say format "${PACK_FORMAT}". A single lab is a .md file; import it under "Import a scenario".`
		);
	const manifest = data['manifest'];
	const labs = data['labs'];
	if (!isObject(manifest)) throw new PackError(`${fileName} has no manifest.`);
	const infoProblems = packInfoProblems(manifest);
	if (infoProblems.length)
		throw new PackError(`The manifest of ${fileName} is incomplete: ${infoProblems.join(' ')}`);
	if (!Array.isArray(labs) || labs.length === 0) throw new PackError(`${fileName} holds no labs.`);
	labs.forEach((lab: unknown, i) => {
		if (!isObject(lab) || typeof lab['fileName'] !== 'string' || typeof lab['text'] !== 'string')
			throw new PackError(
				`Lab ${i + 1} of ${fileName} is damaged: it needs a fileName and a text.`
			);
	});
	const packLabs = (labs as PackLab[]).map((l) => ({ fileName: l.fileName, text: l.text }));
	const expected = await packChecksum(packLabs);
	if (manifest['checksum'] !== expected)
		throw new PackError(
			`The checksum of ${fileName} does not match its labs: the file was changed or damaged after it was made, so it was not imported. Ask its author for a fresh copy.`
		);

	const { loadScenario } = await import('../scenarios/load');
	const loaded: VerifiedPack['labs'] = [];
	const problems: Problem[] = [];
	const broken: string[] = [];
	for (const lab of packLabs) {
		const result = loadScenario(lab.text, lab.fileName);
		if (result.ok)
			loaded.push({ ...lab, scenario: result.scenario, hash: await scenarioHash(result.scenario) });
		else {
			broken.push(lab.fileName);
			problems.push(...result.problems);
		}
	}
	if (broken.length)
		throw new PackError(
			`${fileName} was not imported: ${broken.length === 1 ? `the lab ${broken[0]} does not` : `${broken.length} labs (${broken.join(', ')}) do not`} load, and a pack is imported whole or not at all. The problems are below.`,
			problems
		);
	const seen = new Map<string, string>();
	for (const lab of loaded) {
		const other = seen.get(lab.scenario.id);
		if (other)
			throw new PackError(
				`${fileName} was not imported: ${other} and ${lab.fileName} are both the lab "${lab.scenario.id}".`
			);
		seen.set(lab.scenario.id, lab.fileName);
	}
	return {
		pack: { format: PACK_FORMAT, manifest: manifest as unknown as PackManifest, labs: packLabs },
		labs: loaded
	};
}

/** A lab as the plan compares it: its id, title and content hash. */
export interface PlanLab {
	id: string;
	title: string;
	hash: string;
}

export interface ImportPlan {
	/** new: no pack of that name here; update: a newer version; same: this version; older: an older one. */
	kind: 'new' | 'update' | 'same' | 'older';
	name: string;
	installed: string | null;
	incoming: string;
	added: PlanLab[];
	removed: PlanLab[];
	changed: PlanLab[];
	unchanged: PlanLab[];
}

/** What importing `incoming` would do, given the version of the same pack here (if any). */
export function planImport(
	installed: { version: string; labs: PlanLab[] } | null,
	incoming: { name: string; version: string; labs: PlanLab[] }
): ImportPlan {
	const before = new Map((installed?.labs ?? []).map((l) => [l.id, l]));
	const after = new Set(incoming.labs.map((l) => l.id));
	const order = installed ? compareVersions(incoming.version, installed.version) : 1;
	return {
		kind: !installed ? 'new' : order > 0 ? 'update' : order === 0 ? 'same' : 'older',
		name: incoming.name,
		installed: installed?.version ?? null,
		incoming: incoming.version,
		added: incoming.labs.filter((l) => !before.has(l.id)),
		removed: (installed?.labs ?? []).filter((l) => !after.has(l.id)),
		changed: incoming.labs.filter((l) => before.has(l.id) && before.get(l.id)?.hash !== l.hash),
		unchanged: incoming.labs.filter((l) => before.get(l.id)?.hash === l.hash)
	};
}
