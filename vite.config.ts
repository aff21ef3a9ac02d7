import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { scenariosPlugin } from './scripts/scenarios-plugin.ts';
import { scormBuildPlugin } from './scripts/scorm-plugin.ts';

export default defineConfig({
	plugins: [scenariosPlugin(), scormBuildPlugin(), sveltekit()],
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
