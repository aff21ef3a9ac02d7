/**
 * npm run scenarios:check [files]   validate scenario files (default scenarios/*.md)
 * npm run scenarios:test [files]    run each lab's self-test: reference solution,
 *                                   empty attempt, valid alternatives, mistakes;
 *                                   one line per attempt, then a summary line
 * tsx src/lib/authoring/cli.ts schema   write scenarios/scenario.schema.json
 *
 * Problems print as file:line:column: path: message. Exit 0 when all is well,
 * 1 otherwise, 2 on a usage error; never a stack trace.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatProblem, loadScenario } from '../scenarios/load';
import { SCENARIO_SCHEMA } from '../scenarios/schema';
import type { LoadResult } from '../scenarios/types';
import { cliLine, labTestLines } from './test-lines';

const SCENARIO_DIR = 'scenarios';

function oneLine(error: unknown): string {
	return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error';
}

function defaultFiles(): string[] {
	return readdirSync(SCENARIO_DIR)
		.filter((f) => f.endsWith('.md') && f !== 'README.md')
		.sort()
		.map((f) => join(SCENARIO_DIR, f));
}

function load(file: string): LoadResult {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as { code?: string }).code;
		const why =
			code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : oneLine(error);
		return {
			ok: false,
			problems: [{ file, line: 1, column: 1, path: '', message: `cannot read the file: ${why}` }]
		};
	}
	return loadScenario(text, file);
}

export function schemaJson(): string {
	return `${JSON.stringify(SCENARIO_SCHEMA, null, '\t')}\n`;
}

function check(files: string[]): number {
	let bad = 0;
	for (const file of files) {
		const result = load(file);
		if (result.ok) console.log(`ok   ${file}`);
		else {
			bad++;
			for (const problem of result.problems) console.log(formatProblem(problem));
		}
	}
	console.log(`${files.length - bad} valid, ${bad} invalid`);
	return bad ? 1 : 0;
}

function test(files: string[]): number {
	let passed = 0;
	let failed = 0;
	let alternatives = 0;
	let variants = 0;
	for (const file of files) {
		const result = load(file);
		if (!result.ok) {
			failed++;
			console.log(
				`FAIL ${file}: invalid scenario (${result.problems.length} problem(s)); first: ${formatProblem(result.problems[0]!)}`
			);
			continue;
		}
		const { scenario } = result;
		const outcome = labTestLines(scenario);
		console.log(`${outcome.ok ? 'PASS' : 'FAIL'} ${scenario.id} (${file})`);
		for (const line of outcome.lines) console.log(cliLine(line));
		alternatives += outcome.attempts;
		variants += outcome.variants;
		if (outcome.ok) passed++;
		else failed++;
	}
	console.log(
		`${passed} passed, ${failed} failed (${files.length} labs, ${alternatives} attempts${variants ? `, ${variants} variants proved` : ''})`
	);
	return failed ? 1 : 0;
}

/** Write the schema for editors, formatted as the repository's prettier would. */
async function writeSchema(): Promise<void> {
	const target = join(SCENARIO_DIR, 'scenario.schema.json');
	let text = schemaJson();
	try {
		const prettier = await import('prettier');
		const options = (await prettier.resolveConfig(target)) ?? {};
		text = await prettier.format(text, { ...options, filepath: target });
	} catch {
		// Prettier is a development tool; unformatted JSON is still the same schema.
	}
	writeFileSync(target, text);
	console.log(`wrote ${relative(process.cwd(), target)}`);
}

function main(argv: string[]): number {
	const [command, ...args] = argv;
	if (command === 'schema') {
		void writeSchema();
		return 0;
	}
	if (command !== 'check' && command !== 'test') {
		console.error(`usage: cli.ts check|test [files...] | schema (got "${command ?? ''}")`);
		return 2;
	}
	const files = args.length ? args : defaultFiles();
	if (files.length === 0) {
		console.error(`no scenario files found in ${SCENARIO_DIR}/`);
		return 1;
	}
	return command === 'check' ? check(files) : test(files);
}

// Piped into `head`: the reader has gone, which is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

process.on('uncaughtException', (error) => {
	console.error(`error: ${oneLine(error)}`);
	process.exit(1);
});

try {
	process.exitCode = main(process.argv.slice(2));
} catch (error) {
	console.error(`error: ${oneLine(error)}`);
	process.exitCode = 1;
}
