/** The bundled labs, compiled at build time by scripts/scenarios-plugin.ts. */
declare module 'virtual:deskdrill/scenarios' {
	import type { Problem, Scenario } from './types';
	const bundled: { labs: Scenario[]; broken: { file: string; problems: Problem[] }[] };
	export default bundled;
}
