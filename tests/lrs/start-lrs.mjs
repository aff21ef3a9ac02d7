/**
 * Starts a real learning record store for the e2e tests: Learning Locker's
 * statements service (npm `xapi-statements`, in-memory models, local storage)
 * over Debian's redis-server, on 127.0.0.1.
 *
 * Credentials are checked for real: the service runs with AUTH_REPO=fetch and
 * asks the small client-info endpoint below, as Learning Locker's own API
 * answers it, whether a Basic key:secret belongs to a client. (AUTH_REPO=test
 * accepts every secret, so it could not show a wrong secret being refused.)
 * The keys are in tests/lrs/clients.json; the e2e tests read them from there.
 *
 * Ports: LRS_PORT (8091) for the xAPI base http://127.0.0.1:8091/xAPI/,
 * LRS_PORT+1 for the client-info endpoint, LRS_PORT+2 for redis.
 * Runs until killed (Playwright's webServer stops it after the run).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.LRS_PORT ?? 8091);
const authPort = port + 1;
const redisPort = port + 2;
const clients = JSON.parse(readFileSync(join(here, 'clients.json'), 'utf8'));
const children = [];

function stopAll(code) {
	for (const c of children) c.kill('SIGTERM');
	process.exit(code);
}
process.on('SIGTERM', () => stopAll(0));
process.on('SIGINT', () => stopAll(0));

// Client info: 200 with the client for a known Basic key:secret, 404 (no such client) otherwise.
createServer((req, res) => {
	const header = req.headers.authorization ?? '';
	const [scheme, token] = header.split(' ');
	const [key, ...rest] = Buffer.from(token ?? '', 'base64')
		.toString('utf8')
		.split(':');
	const client = clients.find(
		(c) => scheme === 'Basic' && c.key === key && c.secret === rest.join(':')
	);
	if (!client) {
		res.writeHead(404, { 'content-type': 'application/json' });
		res.end('{"message":"No such client"}');
		return;
	}
	res.writeHead(200, { 'content-type': 'application/json' });
	res.end(
		JSON.stringify({
			_id: client.id,
			title: client.title,
			authority: { objectType: 'Agent', name: client.title, mbox: `mailto:${client.key}@lrs.test` },
			isTrusted: true,
			lrs_id: '5f0000000000000000000001',
			organisation: '5f0000000000000000000002',
			scopes: ['all']
		})
	);
}).listen(authPort, '127.0.0.1');

const redis = spawn(
	process.env.REDIS_SERVER ?? '/usr/bin/redis-server',
	['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
	{ stdio: ['ignore', 'ignore', 'inherit'] }
);
children.push(redis);
redis.on('exit', (code) => {
	console.error(
		`[lrs] redis-server exited (${code}); is it installed? npm test installs it with apt-get.`
	);
	stopAll(1);
});

const require = createRequire(import.meta.url);
const entry = require.resolve('xapi-statements/dist/index.js');
const storage = mkdtempSync(join(tmpdir(), 'deskdrill-lrs-'));
setTimeout(() => {
	const lrs = spawn(process.execPath, [entry], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			NODE_NO_WARNINGS: '1',
			EXPRESS_PORT: String(port),
			AUTH_REPO: 'fetch',
			LL_CLIENT_INFO_ENDPOINT: `http://127.0.0.1:${authPort}/client`,
			MODELS_REPO: 'memory',
			STORAGE_REPO: 'local',
			FS_LOCAL_STORAGE_DIR: storage,
			EXPRESS_MORGAN_DIRECTORY: join(storage, 'accessLogs'),
			REDIS_URL: `redis://127.0.0.1:${redisPort}/0`,
			WINSTON_CONSOLE_LEVEL: 'error'
		}
	});
	children.push(lrs);
	lrs.on('exit', (code) => {
		console.error(`[lrs] xapi-statements exited (${code})`);
		stopAll(1);
	});
}, 300);
