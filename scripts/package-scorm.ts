/**
 * `npm run package:scorm`: SCORM 1.2 and SCORM 2004 (4th edition) packages
 * in dist/scorm/, one per shipped lab (scenarios/*.md) and one with the whole
 * catalogue, from the SCORM build of the app in build/scorm-app/ (made just
 * before by scripts/build-scorm-app.mjs, also part of `npm run build`).
 * The zips are made by src/lib/scorm/package.ts, as in Settings.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileScenarios } from './scenarios-plugin.ts';
import {
	buildPackage,
	packageName,
	SCORM_APP_DIR,
	SCORM_APP_INDEX,
	type PackageSpec
} from '../src/lib/scorm/package.ts';

const root = process.cwd();
const appDir = join(root, 'build', SCORM_APP_DIR);
const index = join(appDir, SCORM_APP_INDEX);
if (!existsSync(index)) {
	console.error(
		`No SCORM build of the app in ${appDir}: run \`npm run package:scorm\` (or \`npm run build\`) first.`
	);
	process.exit(1);
}
const { files } = JSON.parse(readFileSync(index, 'utf8')) as { files: string[] };
const app = new Map(files.map((f) => [f, new Uint8Array(readFileSync(join(appDir, f)))]));

const { data } = await compileScenarios(root);
if (data.broken.length) {
	for (const b of data.broken)
		console.error(`${b.file}: ${b.problems[0]?.message ?? 'does not load'}`);
	process.exit(1);
}

const out = join(root, 'dist', 'scorm');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const labs = data.labs.map((l) => ({ id: l.id, title: l.title }));
let total = 0;
for (const lab of [...labs, null])
	for (const version of ['1.2', '2004'] as const) {
		const spec: PackageSpec = { version, lab };
		const zip = buildPackage(app, spec);
		writeFileSync(join(out, packageName(spec)), zip);
		total += zip.length;
		console.log(`${packageName(spec).padEnd(48)} ${(zip.length / 1024).toFixed(0).padStart(6)} KB`);
	}
console.log(
	`${(labs.length + 1) * 2} packages in dist/scorm (${(total / 1024 / 1024).toFixed(1)} MB)`
);
