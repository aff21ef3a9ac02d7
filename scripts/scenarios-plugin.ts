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

export interface BundledScenarios {
	labs: Scenario[];
	broken: { file: string; problems: Problem[] }[];
}

export async function compileScenarios(
	root: string
): Promise<{ data: BundledScenarios; files: string[] }> {
	const { loadScenario } = await appLoader();
	const dir = join(root, 'scenarios');
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.md') && f !== 'README.md')
		.sort()
		.map((f) => join(dir, f));
	const data: BundledScenarios = { labs: [], broken: [] };
	for (const file of files) {
		const name = relative(root, file);
		const result = loadScenario(readFileSync(file, 'utf8'), name);
		if (result.ok) data.labs.push(result.scenario);
		else data.broken.push({ file: name, problems: result.problems });
	}
	return { data, files };
}

export function scenariosPlugin(): Plugin {
	let root = process.cwd();
	return {
		name: 'deskdrill-scenarios',
		configResolved(config) {
			root = config.root;
		},
		resolveId(id) {
			return id === ID ? RESOLVED : null;
		},
		async load(id) {
			if (id !== RESOLVED) return null;
			const { data, files } = await compileScenarios(root);
			for (const file of files) this.addWatchFile(file);
			return `export default ${JSON.stringify(data)};`;
		},
		// Development: a lab file added, changed or removed rebuilds the catalogue
		// and reloads the page (a directory is no watch file: Vite would try to import it).
		configureServer(server) {
			const dir = join(root, 'scenarios');
			server.watcher.add(dir);
			const changed = (file: string) => {
				if (!file.startsWith(dir) || !file.endsWith('.md') || file.endsWith('README.md')) return;
				const module = server.moduleGraph.getModuleById(RESOLVED);
				if (module) server.moduleGraph.invalidateModule(module);
				server.ws.send({ type: 'full-reload' });
			};
			server.watcher.on('add', changed);
			server.watcher.on('unlink', changed);
			server.watcher.on('change', changed);
		}
	};
}
