#!/usr/bin/env node
// Make a fresh clone runnable: install npm dependencies when node_modules is
// missing or stale, and (with --browser) make sure a system Chromium (for
// Playwright) and redis-server (under the test LRS) exist. Plain Node, no dependencies.
//
// Staleness: we store a SHA-256 of package-lock.json (or package.json when
// there is no lockfile) in node_modules/.deskdrill-deps.stamp after a
// successful install, and reinstall whenever the hash differs.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockfile = join(root, 'package-lock.json');
const nodeModules = join(root, 'node_modules');
const stampFile = join(nodeModules, '.deskdrill-deps.stamp');
const wantBrowser = process.argv.includes('--browser');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const redisPath = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

/** @param {string} msg */
const log = (msg) => console.log(`[ensure] ${msg}`);

/**
 * @param {string} cmd
 * @param {string[]} args
 * @returns {boolean}
 */
function run(cmd, args) {
	log(`$ ${[cmd, ...args].join(' ')}`);
	const res = spawnSync(cmd, args, {
		cwd: root,
		stdio: 'inherit',
		shell: process.platform === 'win32'
	});
	if (res.error) log(`failed to start ${cmd}: ${res.error.message}`);
	return res.status === 0;
}

function depsHash() {
	const source = existsSync(lockfile) ? lockfile : join(root, 'package.json');
	return createHash('sha256').update(readFileSync(source)).digest('hex');
}

function ensureDeps() {
	const installed = existsSync(join(nodeModules, '.package-lock.json'));
	const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
	if (installed && stamp === depsHash()) {
		log('dependencies up to date');
		return;
	}
	log(installed ? 'dependencies are stale, reinstalling' : 'node_modules missing, installing');
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const ok = existsSync(lockfile)
		? run(npm, ['ci', '--no-audit', '--no-fund'])
		: run(npm, ['install', '--no-audit', '--no-fund']);
	if (!ok) {
		console.error('[ensure] ERROR: npm dependency installation failed (see output above).');
		process.exit(1);
	}
	writeFileSync(stampFile, depsHash() + '\n');
	log('dependencies installed');
}

/**
 * Install a Debian package when the file it provides is missing.
 * @param {string} label what it is, for the messages
 * @param {string} path the file that proves it is installed
 * @param {string} pkg the Debian package
 * @param {string} hint what to do by hand
 */
function ensureSystemTool(label, path, pkg, hint) {
	if (existsSync(path)) {
		log(`${label} found at ${path}`);
		return;
	}
	log(`${label} not found at ${path}; installing Debian's ${pkg} via apt-get`);
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	/** @param {string[]} args */
	const apt = (args) => (isRoot ? run('apt-get', args) : run('sudo', ['-n', 'apt-get', ...args]));
	const ok = apt(['update']) && apt(['install', '-y', pkg]);
	if (!ok || !existsSync(path)) {
		console.error(
			`[ensure] ERROR: could not install ${pkg} with apt-get (need root or passwordless sudo, and a Debian/Ubuntu system).\n` +
				`[ensure] ${hint}`
		);
		process.exit(1);
	}
	log(`${label} installed at ${path}`);
}

ensureDeps();
if (wantBrowser) {
	// Chromium for Playwright; redis-server under the real LRS the e2e tests start (tests/lrs).
	ensureSystemTool(
		'chromium',
		chromiumPath,
		'chromium',
		'Install it manually (e.g. "sudo apt-get install -y chromium") or set CHROMIUM_PATH to an existing Chromium binary.'
	);
	ensureSystemTool(
		'redis-server',
		redisPath,
		'redis-server',
		'Install it manually (e.g. "sudo apt-get install -y redis-server") or set REDIS_SERVER to an existing redis-server binary.'
	);
}
