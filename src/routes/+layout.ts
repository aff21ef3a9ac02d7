// Client-only SPA: no server rendering, no prerendering.
// adapter-static serves build/index.html as the fallback for every route.
// Set through a constant, not literals, so SvelteKit reads the options from the module rather
// than the source text: the SCORM build (hash routes, which refuse page options) drops these
// two exports in scripts/scorm-plugin.ts.
const CLIENT_ONLY = false;
export const ssr = CLIENT_ONLY;
export const prerender = CLIENT_ONLY;

import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import type { LayoutLoad } from './$types';

/**
 * In the SCORM build (a package launched by an LMS) the launch opens the lab
 * it was made for, or the attempt the LMS resumes (src/lib/scorm/launch.ts).
 * The main build never loads that code.
 */
export const load: LayoutLoad = async () => {
	if (import.meta.env.VITE_DESKDRILL_SCORM !== '1') return {};
	const { launchOnce } = await import('$lib/scorm/launch');
	const id = await launchOnce(window);
	if (id) redirect(307, resolve('/lab/[id]', { id }));
	return {};
};
