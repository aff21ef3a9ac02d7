import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets two runs (two working copies) share a machine.
const PORT = Number(process.env.E2E_PORT ?? 4173);
// The test LRS's xAPI base is http://127.0.0.1:LRS_PORT/xAPI/ (tests/lrs/lrs.ts reads the same variable).
const LRS_PORT = Number(process.env.LRS_PORT ?? 8091);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.test.ts',
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: 1,
	reporter: 'list',
	use: {
		baseURL: `http://localhost:${PORT}`,
		trace: 'retain-on-failure'
	},
	webServer: [
		{
			command: `npm run build && npx vite preview --port ${PORT} --strictPort`,
			url: `http://localhost:${PORT}`,
			reuseExistingServer: !process.env.CI,
			timeout: 180_000,
			stdout: 'ignore',
			stderr: 'pipe'
		},
		{
			// A real LRS (Learning Locker's statements service over redis): tests/lrs/start-lrs.mjs.
			command: `node tests/lrs/start-lrs.mjs`,
			url: `http://127.0.0.1:${LRS_PORT}/xAPI/about`,
			env: { LRS_PORT: String(LRS_PORT) },
			reuseExistingServer: !process.env.CI,
			timeout: 60_000,
			stdout: 'ignore',
			stderr: 'pipe'
		}
	],
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					// Debian's chromium: `npx playwright install` is unavailable here.
					executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync'
					]
				}
			}
		}
	]
});
