/**
 * The loader the app calls for bundled and imported scenario files: raw text
 * in, a checked scenario or a list of located problems out. It never throws,
 * whatever the text holds. A lab with variables loads as the variant `seed`
 * picks (the lab as written by default).
 */
import { parseScenarioFile } from './parse';
import type { LoadResult } from './types';
import { validateParsed } from './validate';

export function loadScenario(
	text: string,
	fileName: string,
	options: { seed?: number } = {}
): LoadResult {
	try {
		const parsed = parseScenarioFile(text, fileName);
		if (!parsed.ok) return parsed;
		const { scenario, problems } = validateParsed(parsed.parsed, options);
		return scenario ? { ok: true, scenario } : { ok: false, problems };
	} catch (error) {
		return {
			ok: false,
			problems: [
				{
					file: fileName,
					line: 1,
					column: 1,
					path: '',
					message: `the scenario could not be read: ${error instanceof Error ? error.message : String(error)}`
				}
			]
		};
	}
}

export { formatProblem } from './format';
