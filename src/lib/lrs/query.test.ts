/**
 * Reading statements back, against the real test LRS (tests/lrs/start-lrs.mjs,
 * started here on a port of its own) and, for what is not an LRS, a plain web
 * server that answers like a web site would.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLrs, type TestLrs } from '../../../tests/lrs/in-test';
import type { LrsConfig } from './config';
import { EMPTY_LRS_CONFIG } from './config';
import { LrsQueryError, fetchActivityStatements, readClassResults } from './query';
import { basicAuth } from './http';
import { VERBS, labActivityId, stepActivityId } from './vocabulary';

let lrs: TestLrs;
let endpoint = '';
let config: LrsConfig;
let client: { key: string; secret: string };
let web: Server;
let webBase = '';

beforeAll(async () => {
	lrs = await startTestLrs();
	endpoint = lrs.endpoint;
	client = { key: lrs.key, secret: lrs.secret };
	config = { ...EMPTY_LRS_CONFIG, endpoint, key: client.key, secret: client.secret };
	web = createServer((req, res) => {
		if (req.url?.startsWith('/site/')) {
			res.writeHead(200, { 'content-type': 'text/html' });
			res.end('<!doctype html><title>A web site</title>');
		} else if (req.url?.startsWith('/busy/')) {
			res.writeHead(503, { 'content-type': 'application/json' });
			res.end('{"message":"Down for maintenance until 10:00"}');
		} else {
			res.writeHead(404);
			res.end('Not found');
		}
	});
	await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
	webBase = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
}, 40_000);

afterAll(() => {
	lrs?.stop();
	web?.close();
});

const LAB = labActivityId(`query-test-${Date.now()}`);

async function post(statements: object[]) {
	const response = await fetch(`${endpoint}statements`, {
		method: 'POST',
		headers: {
			'X-Experience-API-Version': '1.0.3',
			Authorization: basicAuth(client.key, client.secret),
			'Content-Type': 'application/json'
		},
		body: JSON.stringify(statements)
	});
	expect(response.status, await response.clone().text()).toBe(200);
}

const actor = { objectType: 'Agent', name: 'Ana', mbox: 'mailto:ana@example.org' };
const registration = crypto.randomUUID();

describe('fetchActivityStatements against the real LRS', () => {
	beforeAll(async () => {
		await post([
			{ actor, verb: { id: VERBS.launched }, object: { id: LAB }, context: { registration } },
			...Array.from({ length: 6 }, (_, i) => ({
				actor,
				verb: { id: VERBS.answered },
				object: { id: stepActivityId(LAB.split('/').pop()!, `step-${i}`) },
				context: { registration, contextActivities: { parent: [{ id: LAB }] } },
				result: { success: true }
			})),
			// Another lab's: must not come back.
			{ actor, verb: { id: VERBS.launched }, object: { id: `${LAB}-other` } }
		]);
	});

	it('reads the lab and its steps, following `more` page after page', async () => {
		const { statements, truncated } = await fetchActivityStatements(config, LAB, { pageSize: 2 });
		expect(truncated).toBe(false);
		expect(statements).toHaveLength(7);
		expect(new Set(statements.map((s) => s.id)).size).toBe(7);
		expect(statements.filter((s) => s.verb?.id === VERBS.answered)).toHaveLength(6);
	});

	it('stops at the cap and says the list is cut short', async () => {
		const capped = await fetchActivityStatements(config, LAB, { pageSize: 2, maxStatements: 3 });
		expect(capped).toMatchObject({ truncated: true });
		expect(capped.statements).toHaveLength(4);
		const pages = await fetchActivityStatements(config, LAB, { pageSize: 2, maxPages: 1 });
		expect(pages.statements).toHaveLength(2);
		expect(pages.truncated).toBe(true);
	});

	it('says a wrong secret was refused, in words', async () => {
		const wrong = fetchActivityStatements({ ...config, secret: 'not-it' }, LAB);
		await expect(wrong).rejects.toThrow(LrsQueryError);
		await expect(wrong).rejects.toThrow(
			`The learning record store at ${endpoint} refused the key and secret (HTTP 401: Unauthorised). Check them in Settings.`
		);
	});
});

describe('readClassResults against the real LRS', () => {
	const labA = labActivityId(`class-a-${Date.now()}`);
	const labB = labActivityId(`class-b-${Date.now()}`);
	const ben = { objectType: 'Agent', name: 'Ben', mbox: 'mailto:ben@example.org' };
	const verdict = (who: object, lab: string, scaled: number) => ({
		actor: who,
		verb: { id: scaled >= 0.8 ? VERBS.passed : VERBS.failed },
		object: { id: lab },
		context: { registration: crypto.randomUUID() },
		result: { success: scaled >= 0.8, score: { scaled, raw: scaled * 10, min: 0, max: 10 } }
	});

	it('reads several labs into one row per learner per lab, titled from the catalogue', async () => {
		await post([verdict(actor, labA, 0.9), verdict(ben, labA, 0.5), verdict(ben, labB, 0.8)]);
		const read = await readClassResults(config, [
			{ activity: labA, title: 'Lab A' },
			{ activity: labB, title: 'Lab B' }
		]);
		expect(read.errors).toEqual([]);
		expect(read.rows.map((r) => [r.labTitle, r.name, r.best])).toEqual([
			['Lab A', 'Ana', 0.9],
			['Lab A', 'Ben', 0.5],
			['Lab B', 'Ben', 0.8]
		]);
	});

	it('says a wrong secret once however many labs it read', async () => {
		const read = await readClassResults({ ...config, secret: 'nope' }, [
			{ activity: labA, title: 'Lab A' },
			{ activity: labB, title: 'Lab B' }
		]);
		expect(read.rows).toEqual([]);
		expect(read.errors).toHaveLength(1);
		expect(read.errors[0]).toMatch(/refused the key and secret \(HTTP 401: Unauthorised\)/);
	});
});

describe('fetchActivityStatements against what is not an LRS', () => {
	it('says a web site is not an xAPI endpoint', async () => {
		const site = { ...config, endpoint: `${webBase}/site/` };
		await expect(fetchActivityStatements(site, LAB)).rejects.toThrow(
			`${webBase}/site/ is not an xAPI endpoint: it answered with something other than xAPI statements.`
		);
		const missing = { ...config, endpoint: `${webBase}/nothing/` };
		await expect(fetchActivityStatements(missing, LAB)).rejects.toThrow(
			/is not an xAPI endpoint: it has no statements resource \(HTTP 404\)/
		);
	});

	it('passes on the LRS’s own message when it refuses', async () => {
		const busy = { ...config, endpoint: `${webBase}/busy/` };
		await expect(fetchActivityStatements(busy, LAB)).rejects.toThrow(
			`The learning record store at ${webBase}/busy/ refused to list statements (HTTP 503): Down for maintenance until 10:00`
		);
	});

	it('says an address that does not answer could not be reached, and a non-address is not one', async () => {
		const closed = { ...config, endpoint: 'http://127.0.0.1:9/xAPI/' };
		await expect(fetchActivityStatements(closed, LAB)).rejects.toThrow(
			/at http:\/\/127\.0\.0\.1:9\/xAPI\/ could not be reached/
		);
		await expect(fetchActivityStatements({ ...config, endpoint: 'lrs/' }, LAB)).rejects.toThrow(
			'"lrs/" is not a web address.'
		);
	});
});
