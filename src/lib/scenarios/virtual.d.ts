/** The bundled labs, compiled at build time by scripts/scenarios-plugin.ts. */
declare module 'virtual:deskdrill/scenarios' {
	import type { Problem, Scenario } from './types';
	const bundled: { labs: Scenario[]; broken: { file: string; problems: Problem[] }[] };
	export default bundled;
}

/** The bundled files' text by lab id (the Author page's "Edit a copy"); imported only there. */
declare module 'virtual:deskdrill/scenario-sources' {
	const sources: Record<string, { file: string; text: string }>;
	export default sources;
}
