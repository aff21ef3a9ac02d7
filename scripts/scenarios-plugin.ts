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
import { loadScenario } from '../src/lib/scenarios/load';
import type { Problem, Scenario } from '../src/lib/scenarios/types';

const ID = 'virtual:deskdrill/scenarios';
const RESOLVED = `\0${ID}`;

export interface BundledScenarios {
	labs: Scenario[];
	broken: { file: string; problems: Problem[] }[];
}

export function compileScenarios(root: string): { data: BundledScenarios; files: string[] } {
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
		load(id) {
			if (id !== RESOLVED) return null;
			const { data, files } = compileScenarios(root);
			for (const file of files) this.addWatchFile(file);
			this.addWatchFile(join(root, 'scenarios'));
			return `export default ${JSON.stringify(data)};`;
		}
	};
}
