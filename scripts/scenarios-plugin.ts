/**
 * Vite plugin: the bundled labs, checked and parsed at build time. The app
 * imports `virtual:deskdrill/scenarios` and gets every scenario as plain data
 * (and every file that failed, with its problems), so the catalogue ships no
 * YAML parser or schema validator; those load only when an instructor imports
 * a file in Settings. The same loader runs here as in the app and the CLI.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import type { Problem, Scenario } from '../src/lib/scenarios/types';

/**
 * The app's own loader, imported through tsx when the plugin runs rather than
 * bundled into the Vite config (which would drag the whole domain into it).
 */
async function appLoader(): Promise<typeof import('../src/lib/scenarios/load')> {
	const { tsImport } = await import('tsx/esm/api');
	return (await tsImport(
		'../src/lib/scenarios/load.ts',
		import.meta.url
	)) as typeof import('../src/lib/scenarios/load');
}

const ID = 'virtual:deskdrill/scenarios';
const RESOLVED = `\0${ID}`;
/**
 * The bundled files' own text, by lab id, for the Author page's "Edit a
 * copy": a module of its own, imported only there, so the catalogue's
 * JavaScript does not carry the labs twice.
 */
const SOURCES_ID = 'virtual:deskdrill/scenario-sources';
const SOURCES_RESOLVED = `\0${SOURCES_ID}`;

export interface BundledScenarios {
	labs: Scenario[];
	broken: { file: string; problems: Problem[] }[];
}

export async function compileScenarios(root: string): Promise<{
	data: BundledScenarios;
	files: string[];
	sources: Record<string, { file: string; text: string }>;
}> {
	const { loadScenario } = await appLoader();
	const dir = join(root, 'scenarios');
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.md') && f !== 'README.md')
		.sort()
		.map((f) => join(dir, f));
	const data: BundledScenarios = { labs: [], broken: [] };
	const sources: Record<string, { file: string; text: string }> = {};
	for (const file of files) {
		const name = relative(root, file);
		const text = readFileSync(file, 'utf8');
		const result = loadScenario(text, name);
		if (result.ok) {
			data.labs.push(result.scenario);
			sources[result.scenario.id] = { file: name, text };
		} else data.broken.push({ file: name, problems: result.problems });
	}
	return { data, files, sources };
}

export function scenariosPlugin(): Plugin {
	let root = process.cwd();
	return {
		name: 'deskdrill-scenarios',
		configResolved(config) {
			root = config.root;
		},
		resolveId(id) {
			return id === ID ? RESOLVED : id === SOURCES_ID ? SOURCES_RESOLVED : null;
		},
		async load(id) {
			if (id !== RESOLVED && id !== SOURCES_RESOLVED) return null;
			const { data, files, sources } = await compileScenarios(root);
			for (const file of files) this.addWatchFile(file);
			// JSON.parse of a string, not an object literal: engines parse JSON
			// faster, which a slow laptop's first screen feels (the labs are ~90 KB).
			const json = JSON.stringify(id === RESOLVED ? data : sources);
			return `export default JSON.parse(${JSON.stringify(json)});`;
		},
		// Development: a lab file added, changed or removed rebuilds the catalogue
		// and reloads the page (a directory is no watch file: Vite would try to import it).
		configureServer(server) {
			const dir = join(root, 'scenarios');
			server.watcher.add(dir);
			const changed = (file: string) => {
				if (!file.startsWith(dir) || !file.endsWith('.md') || file.endsWith('README.md')) return;
				for (const id of [RESOLVED, SOURCES_RESOLVED]) {
					const module = server.moduleGraph.getModuleById(id);
					if (module) server.moduleGraph.invalidateModule(module);
				}
				server.ws.send({ type: 'full-reload' });
			};
			server.watcher.on('add', changed);
			server.watcher.on('unlink', changed);
			server.watcher.on('change', changed);
		}
	};
}
