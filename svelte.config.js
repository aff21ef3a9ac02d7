import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// VITE_DESKDRILL_SCORM=1 (scripts/build-scorm-app.mjs) builds the copy of the app that goes into
// SCORM packages: an LMS serves it from a path of its own choosing
// (/pluginfile.php/12/mod_scorm/content/1/index.html), so routes live in the hash, every URL
// is relative, no service worker is registered (the LMS owns caching and offline), and it is
// written to build/scorm-app/ with its own SvelteKit work folder, so the main build and its
// `vite preview` are untouched.
const scorm = process.env.VITE_DESKDRILL_SCORM === '1';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Absolute asset URLs: offline, the service worker answers every route with the
		// cached app shell, whose relative URLs would otherwise resolve under that route.
		paths: { relative: scorm },
		...(scorm
			? {
					outDir: '.svelte-kit-scorm',
					router: { type: 'hash' },
					serviceWorker: { register: false }
				}
			: {}),
		// Client-only SPA: every route falls back to index.html.
		adapter: adapter({
			pages: scorm ? 'build/scorm-app' : 'build',
			assets: scorm ? 'build/scorm-app' : 'build',
			// With hash routes SvelteKit writes index.html itself.
			fallback: scorm ? undefined : 'index.html',
			precompress: false,
			strict: true
		})
	}
};

export default config;
