import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { scenariosPlugin } from './scripts/scenarios-plugin.ts';
import { lazyRequirePlugin } from './scripts/lazy-require-plugin.ts';
import { scormBuildPlugin } from './scripts/scorm-plugin.ts';

export default defineConfig({
	plugins: [scenariosPlugin(), lazyRequirePlugin(), scormBuildPlugin(), sveltekit()],
	// The dev server pre-bundles dependencies without the plugins above: xapi-validation needs its fix there too.
	optimizeDeps: { rolldownOptions: { plugins: [lazyRequirePlugin()] } },
	test: {
		environment: 'node',
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		// No global setup: tests import 'fake-indexeddb/auto' themselves.
		setupFiles: [],
		// Loading every shipped lab through the validator takes seconds on a busy
		// 2-core CI machine: a limit, not a speed check (speed is `npm run bench`).
		testTimeout: 30_000
	}
});
