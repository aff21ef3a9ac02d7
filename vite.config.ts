import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { scenariosPlugin } from './scripts/scenarios-plugin.ts';

export default defineConfig({
	plugins: [scenariosPlugin(), sveltekit()],
	test: {
		environment: 'node',
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		// No global setup: tests import 'fake-indexeddb/auto' themselves.
		setupFiles: []
	}
});
