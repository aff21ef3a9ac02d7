/**
 * Vite/Rolldown plugin: lets the browser bundle run xapi-validation (Learning
 * Locker's statement validator). Its dist/factory.js loads each rule lazily
 * with `require(file)`, a require of a variable (the rules refer to each other
 * in a cycle), which no bundler can follow, so the bundle throws "Calling
 * require ... in an environment that doesn't expose require" at the first
 * validation. This rewrites that one call into a lookup of the same files,
 * each still required lazily, from the literals the file itself names
 * (requireRule('./schemaRules/actor'), requireFile('./maps')...).
 * Used for the build and for the dev server's dependency pre-bundling.
 */
import type { Plugin } from 'vite';

const FACTORY = /[\\/]xapi-validation[\\/]dist[\\/]factory\.js$/;
const DYNAMIC = 'ruleAccessor(require(file))';

export function lazyRequirePlugin(): Plugin {
	return {
		name: 'deskdrill:xapi-validation-lazy-require',
		transform(code, id) {
			if (!FACTORY.test(id) || !code.includes(DYNAMIC)) return null;
			const files = [
				...new Set([...code.matchAll(/require(?:Rule|File)\('([^']+)'\)/g)].map((m) => m[1]))
			];
			const table = files
				.map((f) => `${JSON.stringify(f)}: function () { return require(${JSON.stringify(f)}); }`)
				.join(',\n\t');
			return {
				code: `var __deskdrillLazy = {\n\t${table}\n};\n${code.replace(DYNAMIC, 'ruleAccessor(__deskdrillLazy[file]())')}`,
				map: null
			};
		}
	};
}
