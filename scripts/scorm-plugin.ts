/**
 * Vite plugin for the SCORM build of the app (VITE_DESKDRILL_SCORM=1, see
 * svelte.config.js). With hash routing SvelteKit refuses page options, and
 * also needs none (no server rendering, no prerendering is possible there),
 * so the root layout's `ssr`/`prerender` exports, which the main build needs,
 * are made plain constants in that build only. Does nothing otherwise.
 */
import type { Plugin } from 'vite';

export function scormBuildPlugin(): Plugin {
	const active = process.env.VITE_DESKDRILL_SCORM === '1';
	return {
		name: 'deskdrill-scorm-build',
		enforce: 'pre',
		transform(code, id) {
			if (!active || !/[\\/]src[\\/]routes[\\/]\+layout\.ts$/.test(id)) return null;
			return code.replace(/export const (ssr|prerender) =/g, 'const $1 =');
		}
	};
}
