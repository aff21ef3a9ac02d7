import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'node_modules/',
			'.svelte-kit/',
			'.svelte-kit-scorm/',
			'dist/',
			'build/',
			'test-results/',
			'playwright-report/',
			'.ci/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node }
		}
	},
	// Type-aware rules for TypeScript and Svelte sources.
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig,
				tsconfigRootDir: import.meta.dirname
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// TypeScript already checks undefined identifiers.
			'no-undef': 'off'
		}
	},
	// The service worker has its own tsconfig (webworker lib, no DOM).
	{
		files: ['src/service-worker.ts'],
		languageOptions: {
			parserOptions: {
				projectService: false,
				project: './tsconfig.sw.json',
				tsconfigRootDir: import.meta.dirname
			}
		}
	}
);
