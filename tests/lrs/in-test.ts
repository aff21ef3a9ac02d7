/**
 * The real test LRS (start-lrs.mjs) for a Vitest file: started on a port of
 * its own, waited for, and stopped after. Unit tests that talk to an LRS use
 * this one, never a stand-in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import clients from './clients.json';

export interface TestLrs {
	endpoint: string;
	key: string;
	secret: string;
	stop(): void;
}

export async function startTestLrs(): Promise<TestLrs> {
	const port = 30_000 + Math.floor(Math.random() * 20_000);
	const endpoint = `http://127.0.0.1:${port}/xAPI/`;
	const child: ChildProcess = spawn(process.execPath, ['tests/lrs/start-lrs.mjs'], {
		env: { ...process.env, LRS_PORT: String(port) },
		stdio: 'ignore'
	});
	for (let i = 0; ; i++) {
		const up = await fetch(`${endpoint}about`).then(
			(r) => r.ok,
			() => false
		);
		if (up) break;
		if (i > 100) {
			child.kill('SIGTERM');
			throw new Error(`the test LRS did not start on port ${port}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	const client = clients[0] as { key: string; secret: string };
	return { endpoint, key: client.key, secret: client.secret, stop: () => child.kill('SIGTERM') };
}
