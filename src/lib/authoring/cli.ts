/**
 * npm run scenarios:check [files]   validate scenario files (default scenarios/*.md)
 * npm run scenarios:test [files]    run each lab's self-test: reference solution,
 *                                   empty attempt, valid alternatives, mistakes;
 *                                   one line per attempt, then a summary line
 * npm run scenarios:new -- my-lab [dir]  write a new lab from the scaffold
 *                                   (dir: scenarios/ by default), and the
 *                                   editor schema beside it if none is there
 * npm run scenarios:schema [-- dir]  write scenario.schema.json into dir
 *                                   (scenarios/ by default), for editors
 * npm run scenarios:guide           rewrite the generated parts of
 *                                   scenarios/README.md (commands, ids)
 *
 * Problems print as file:line:column: path: message. Exit 0 when all is well,
 * 1 otherwise, 2 on a usage error; never a stack trace.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatProblem, loadScenario } from '../scenarios/load';
import type { LoadResult } from '../scenarios/types';
import { refreshGuide } from './guide-tables';
import { newLab } from './new-lab';
import { formatAsRepo, modelineNote, writeSchemaBeside } from './schema-files';
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

function load(file: string, notes: string[] = []): LoadResult {
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
	const note = modelineNote(file, text);
	if (note) notes.push(note);
	return loadScenario(text, file);
}

function check(files: string[]): number {
	let bad = 0;
	for (const file of files) {
		const notes: string[] = [];
		const result = load(file, notes);
		if (result.ok) console.log(`ok   ${file}`);
		else {
			bad++;
			for (const problem of result.problems) console.log(formatProblem(problem));
		}
		// Editor help, not the lab's fault: printed, never counted.
		for (const note of notes) console.log(note);
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

async function writeSchema(dir: string): Promise<number> {
	const target = await writeSchemaBeside(dir);
	const near = relative(process.cwd(), target);
	console.log(`wrote ${near.startsWith('..') ? target : near}`);
	return 0;
}

/** Rewrite the guide's generated parts, formatted as the repository's prettier would. */
async function writeGuide(): Promise<number> {
	const target = join(SCENARIO_DIR, 'README.md');
	writeFileSync(target, await formatAsRepo(refreshGuide(readFileSync(target, 'utf8')), target));
	console.log(`wrote ${target}`);
	return 0;
}

async function create(id: string | undefined, dir: string | undefined): Promise<number> {
	const made = await newLab(id ?? '', dir ?? SCENARIO_DIR);
	if (!made.ok) {
		console.error(`scenarios:new: ${made.message}`);
		return 1;
	}
	console.log(`wrote ${made.file}`);
	if (made.schemaWritten) console.log(`wrote ${made.schemaWritten} (for editors)`);
	console.log(
		`next: edit it, then npm run scenarios:check -- ${made.file} && npm run scenarios:test -- ${made.file}`
	);
	return 0;
}

async function main(argv: string[]): Promise<number> {
	const [command, ...args] = argv;
	if (command === 'schema') return writeSchema(args[0] ?? SCENARIO_DIR);
	if (command === 'new') return create(args[0], args[1]);
	if (command === 'guide') return writeGuide();
	if (command !== 'check' && command !== 'test') {
		console.error(
			`usage: cli.ts check|test [files...] | new <id> [dir] | schema [dir] | guide (got "${command ?? ''}")`
		);
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

main(process.argv.slice(2)).then(
	(code) => (process.exitCode = code),
	(error: unknown) => {
		console.error(`error: ${oneLine(error)}`);
		process.exitCode = 1;
	}
);
