/**
 * The SCORM build of the app, after the main build: the same app with hash
 * routes, relative URLs and no service worker (svelte.config.js, switched by
 * VITE_DESKDRILL_SCORM), written to build/scorm-app/ with files.json listing
 * its files, so both `npm run package:scorm` and the browser (Settings →
 * SCORM packages) can zip it into packages. Run by `npm run build`.
 */
import {
	cpSync,
	existsSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { spawnSync } from 'node:child_process';

const started = Date.now();
const vite = join(process.cwd(), 'node_modules', 'vite', 'bin', 'vite.js');
const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
	env: { ...process.env, VITE_DESKDRILL_SCORM: '1' },
	encoding: 'utf8'
});
// The SCORM build has its own SvelteKit work folder (.svelte-kit-scorm), so SvelteKit asks for the
// tsconfig to extend that one; the type-checked tsconfig is the main build's, on purpose.
/** @param {string | null} text */
const quiet = (text) =>
	(text ?? '').replace(/[^\n]*Your tsconfig\.json should extend[^}]*\}\n?/g, '');
process.stdout.write(quiet(run.stdout));
process.stderr.write(quiet(run.stderr));
if (run.status !== 0) {
	console.error('The SCORM build of the app failed (above).');
	process.exit(run.status ?? 1);
}

const root = join(process.cwd(), 'build', 'scorm-app');

// SvelteKit writes the hash-routed index.html as a fallback page, whose asset URLs stay absolute
// (/_app/..., /favicon.svg) even with paths.relative; inside an LMS they must resolve beside
// index.html, wherever the LMS serves it. The JavaScript chunks already load each other relatively.
// And its base is the folder (".../content/1"), so resolve() makes ".../content/1#/lab/x", a
// different document from ".../content/1/index.html" that the LMS launched: every link would
// reload the page (and end the LMS session). With base "" links are "#/lab/x", in this
// document; assets keep the folder.
const index = join(root, 'index.html');
const html = readFileSync(index, 'utf8');
const baseLine = /base: (new URL\('\.', location\)\.pathname\.slice\(0, -1\))/;
if (!baseLine.test(html))
	throw new Error(
		'build/scorm-app/index.html: SvelteKit’s base line has changed; update scripts/build-scorm-app.mjs.'
	);
writeFileSync(
	index,
	html
		.replace(/(href|src)="\/(?!\/)/g, '$1="./')
		.replace(/import\("\/_app\//g, 'import("./_app/')
		.replace(baseLine, 'base: "", assets: $1')
);
// Never registered in this build (kit.serviceWorker.register is off): not shipped either.
rmSync(join(root, 'service-worker.js'), { force: true });
/** @param {string} dir @returns {string[]} */
function walk(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [relative(root, path).split(sep).join('/')];
	});
}
const files = walk(root)
	.filter((f) => f !== 'files.json')
	.sort();
writeFileSync(join(root, 'files.json'), JSON.stringify({ files }));
// `vite preview` (npm start, the e2e webServer) serves the main build from SvelteKit's own
// output, not from build/: the copy there lets Settings fetch the files in both.
const preview = join(process.cwd(), '.svelte-kit', 'output', 'client');
if (existsSync(preview)) {
	rmSync(join(preview, 'scorm-app'), { recursive: true, force: true });
	cpSync(root, join(preview, 'scorm-app'), { recursive: true });
}
console.log(
	`SCORM build of the app: ${files.length} files in build/scorm-app (${Date.now() - started} ms)`
);
