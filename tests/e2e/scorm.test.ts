/**
 * SCORM packages under a real SCORM run-time (issue 14): a harness page plays
 * the LMS with scorm-again (Scorm12API / Scorm2004API on its window, as an
 * LMS does), and launches the packaged Adobe upgrade lab in an iframe from a
 * Moodle-like path. The lab is played through the panels, and what the LMS
 * received is read from its own data model and from its SetValue log:
 * status, score, session time, exit and suspend_data; a relaunch with that
 * suspend_data in a browser that never saw the attempt resumes it.
 *
 * The packages are made by scripts/package-scorm.ts from the SCORM build that
 * `npm run build` (the webServer) writes to build/scorm-app.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { decodeSuspend } from '../../src/lib/scorm/suspend';
import {
	adobeToTheEnd,
	labComplete,
	playAs,
	portalOpenTicket,
	startTheLab,
	stepItem,
	steps
} from './lab-helpers';

type Version = '1.2' | '2004';

/** Where Moodle serves a package's files; the app must work from any such path. */
const CONTENT = '/pluginfile.php/12/mod_scorm/content/1/';
const root = process.cwd();
const packages = new Map<Version, Record<string, Uint8Array>>();
let server: Server;
let origin = '';

const HARNESS = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS harness</title>
<script src="/scorm-again/scorm12.js"></script>
<script src="/scorm-again/scorm2004.js"></script></head>
<body style="margin:0">
<iframe id="sco" title="SCORM content" style="width:1366px;height:740px;border:0"></iframe>
<script>
window.lms = { calls: [], initialized: false, finished: false, commits: 0 };
window.launch = (version, cmi, src) => {
	const v12 = version === '1.2';
	const api = v12 ? new Scorm12API({ logLevel: 5 }) : new Scorm2004API({ logLevel: 5 });
	if (cmi) api.loadFromFlattenedJSON(cmi);
	api.on((v12 ? 'LMSSetValue' : 'SetValue') + '.cmi.*', (element, value) => lms.calls.push([element, value]));
	api.on(v12 ? 'LMSInitialize' : 'Initialize', () => (lms.initialized = true));
	api.on(v12 ? 'LMSCommit' : 'Commit', () => lms.commits++);
	api.on(v12 ? 'LMSFinish' : 'Terminate', () => (lms.finished = true));
	window[v12 ? 'API' : 'API_1484_11'] = api;
	document.getElementById('sco').src = src;
};
window.received = (version) => ({
	lms,
	cmi: JSON.parse(JSON.stringify((version === '1.2' ? window.API : window.API_1484_11).cmi))
});
</script></body></html>`;

const TYPES: Record<string, string> = {
	html: 'text/html',
	js: 'text/javascript',
	css: 'text/css',
	json: 'application/json',
	svg: 'image/svg+xml',
	png: 'image/png',
	xml: 'application/xml',
	webmanifest: 'application/manifest+json'
};

function serve(path: string): { body: Uint8Array | string; type: string } | null {
	if (path === '/harness.html') return { body: HARNESS, type: 'text/html' };
	const lib = /^\/scorm-again\/(scorm12|scorm2004)\.js$/.exec(path);
	if (lib)
		return {
			body: readFileSync(join(root, 'node_modules/scorm-again/dist', `${lib[1]}.js`)),
			type: 'text/javascript'
		};
	const pkg = /^\/lms(12|2004)(\/.*)$/.exec(path);
	if (!pkg || !pkg[2]?.startsWith(CONTENT)) return null;
	const files = packages.get(pkg[1] === '12' ? '1.2' : '2004');
	const file = files?.[decodeURIComponent(pkg[2].slice(CONTENT.length))];
	if (!file) return null;
	return { body: file, type: TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream' };
}

test.beforeAll(async () => {
	execFileSync('npx', ['tsx', 'scripts/package-scorm.ts'], { cwd: root, stdio: 'pipe' });
	for (const [version, suffix] of [
		['1.2', '12'],
		['2004', '2004']
	] as const)
		packages.set(
			version,
			unzipSync(readFileSync(join(root, `dist/scorm/deskdrill-adobe-upgrade-scorm${suffix}.zip`)))
		);
	server = createServer((req, res) => {
		const found = serve(new URL(req.url ?? '/', 'http://localhost').pathname);
		if (!found) {
			res.writeHead(404).end('not found');
			return;
		}
		res.writeHead(200, { 'content-type': found.type }).end(found.body);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
	await new Promise((done) => server?.close(done));
});

interface Received {
	lms: { calls: [string, string][]; initialized: boolean; finished: boolean; commits: number };
	cmi: Record<string, unknown> & { core?: Record<string, unknown> };
}

/** Open the harness, give the LMS its starting values, and launch the package in the iframe. */
async function launch(page: Page, version: Version, cmi: Record<string, string> = {}) {
	await page.setViewportSize({ width: 1366, height: 760 });
	await page.goto(`${origin}/harness.html`);
	const src = `/lms${version === '1.2' ? '12' : '2004'}${CONTENT}index.html`;
	await page.evaluate(
		([v, values, url]) =>
			(window as unknown as { launch(...a: unknown[]): void }).launch(v, values, url),
		[version, cmi, src] as const
	);
	// The helpers drive a page; inside the LMS they drive the SCO's frame the same way.
	return page.frameLocator('#sco') as unknown as Page;
}

async function received(page: Page, version: Version): Promise<Received> {
	return page.evaluate(
		(v) => (window as unknown as { received(v: string): Received }).received(v),
		version
	);
}

/** The last value the content set for `element`. */
function last(r: Received, element: string): string | undefined {
	return r.lms.calls.filter(([e]) => e === element).pop()?.[1];
}

/** The attempt id in the SCO's hash route (#/lab/<id> or #/report/<id>). */
async function attemptId(page: Page): Promise<string> {
	const frame = page.frames().find((f) => f.url().includes(CONTENT));
	const id = /#\/(?:lab|report)\/([\w-]+)/.exec(frame?.url() ?? '')?.[1];
	expect(id, 'the SCO shows an attempt').toBeTruthy();
	return id ?? '';
}

/** The learner leaves (the LMS unloads the SCO): the content must commit and finish. */
async function leave(page: Page, version: Version): Promise<Received> {
	await page.evaluate(() => {
		(document.getElementById('sco') as HTMLIFrameElement).src = 'about:blank';
	});
	await expect
		.poll(async () => (await received(page, version)).lms.finished, { timeout: 10_000 })
		.toBe(true);
	return received(page, version);
}

/** A fresh browser (no IndexedDB) relaunched by the LMS with what it kept. */
async function relaunch(browser: Browser, version: Version, suspendData: string) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	const entry = version === '1.2' ? 'cmi.core.entry' : 'cmi.entry';
	const app = await launch(page, version, { [entry]: 'resume', 'cmi.suspend_data': suspendData });
	return { context, page, app };
}

test.use({ serviceWorkers: 'block' });

test('SCORM 1.2: the packaged lab, completed and submitted, reports passed, its score and time; suspend_data resumes it elsewhere', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	const app = await launch(page, '1.2');
	await startTheLab(app);
	await expect(steps(app)).toContainText('Score: 0 / 100');
	const id = await attemptId(page);
	expect((await received(page, '1.2')).lms.initialized).toBe(true);
	expect(last(await received(page, '1.2'), 'cmi.core.lesson_status')).toBe('incomplete');

	await adobeToTheEnd(app);
	await expect(labComplete(app)).toContainText('Score: 100 / 100');
	await labComplete(app).getByRole('button', { name: 'Submit', exact: true }).click();
	await expect(app.locator('p.total')).toContainText('100 / 100');

	const atSubmit = await received(page, '1.2');
	expect(atSubmit.cmi.core?.['lesson_status']).toBe('passed');
	expect(atSubmit.cmi.core?.['score']).toMatchObject({ raw: '100', min: '0', max: '100' });
	expect(atSubmit.lms.commits).toBeGreaterThan(0);

	const atExit = await leave(page, '1.2');
	const time = last(atExit, 'cmi.core.session_time') ?? '';
	expect(time).toMatch(/^\d{2,4}:\d{2}:\d{2}\.\d{2}$/);
	// The LMS accepted it (scorm-again refuses a malformed CMITimespan).
	expect(atExit.cmi.core?.['session_time']).not.toBe('00:00:00');
	expect(last(atExit, 'cmi.core.exit')).toBe('');
	const suspend = last(atExit, 'cmi.suspend_data') ?? '';
	expect(suspend.length).toBeGreaterThan(0);
	expect(suspend.length).toBeLessThanOrEqual(4096);
	const state = decodeSuspend(suspend);
	expect(state?.record.id).toBe(id);
	expect(state?.record.status).toBe('submitted');
	expect(state?.journal.length).toBeGreaterThan(5);
	// A whole short lab fits SCORM 1.2's 4,096 characters (the README says so).
	expect(state?.journal.length).toBe(state?.total);

	// Another browser, launched by the LMS with what it kept: the same attempt, submitted, at 100.
	const other = await relaunch(browser, '1.2', suspend);
	await expect(steps(other.app)).toContainText('Score: 100 / 100');
	expect(await attemptId(other.page)).toBe(id);
	await expect(stepItem(other.app, 'Resolve it')).toContainText('Passed');
	await other.context.close();
});

test('SCORM 2004: a lab left half-way is suspended, resumed in another browser from suspend_data, then submitted as failed with its scaled score', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	const app = await launch(page, '2004');
	await startTheLab(app);
	const id = await attemptId(page);
	await playAs(app, 'Ken Ledger (End user)');
	await portalOpenTicket(
		app,
		'Software Request',
		'Adobe upgrade is broken',
		'Acrobat closes as soon as it opens since the upgrade.'
	);
	await expect(stepItem(app, 'Report the broken upgrade')).toContainText('Passed');

	const left = await leave(page, '2004');
	expect(last(left, 'cmi.completion_status')).toBe('incomplete');
	expect(last(left, 'cmi.exit')).toBe('suspend');
	expect(last(left, 'cmi.session_time')).toMatch(/^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
	expect(left.cmi['session_time']).not.toBe('PT0H0M0S');
	const suspend = last(left, 'cmi.suspend_data') ?? '';
	const state = decodeSuspend(suspend);
	expect(state?.record.id).toBe(id);
	expect(state?.record.status).toBe('inProgress');
	expect(state?.journal.length).toBe(state?.total);

	// Resumed where it was left, in a browser that never saw it.
	const other = await relaunch(browser, '2004', suspend);
	await expect(stepItem(other.app, 'Report the broken upgrade')).toContainText('Passed');
	expect(await attemptId(other.page)).toBe(id);
	const points = Number(
		/Score: (\d+) \/ 100/.exec((await steps(other.app).textContent()) ?? '')?.[1]
	);
	expect(points).toBeGreaterThan(0);
	await other.app.getByRole('button', { name: 'Submit', exact: true }).click();
	await other.app.getByRole('button', { name: 'Yes, submit' }).click();
	await expect(other.app.locator('p.total')).toContainText(`${points} / 100`);

	const done = await received(other.page, '2004');
	expect(done.cmi['completion_status']).toBe('completed');
	expect(done.cmi['success_status']).toBe('failed');
	expect(done.cmi['score']).toMatchObject({
		raw: String(points),
		min: '0',
		max: '100',
		scaled: String(points / 100)
	});
	const finished = await leave(other.page, '2004');
	expect(last(finished, 'cmi.exit')).toBe('normal');
	expect(decodeSuspend(last(finished, 'cmi.suspend_data') ?? '')?.record.status).toBe('submitted');
	await other.context.close();
});

test('Settings makes the same package in the browser: a lab, SCORM 2004, downloaded as a zip', async ({
	page
}) => {
	await page.goto('/settings');
	const section = page.getByRole('region', { name: 'SCORM packages' });
	await section
		.getByLabel('Lab')
		.selectOption({ label: 'Adobe upgrade for Accounting: own it and see it through' });
	await section.getByLabel('SCORM 2004 (4th edition)').check();
	const downloading = page.waitForEvent('download');
	await section.getByRole('button', { name: 'Download package' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('deskdrill-adobe-upgrade-scorm2004.zip');
	await expect(section.getByRole('status')).toContainText(
		'Downloaded deskdrill-adobe-upgrade-scorm2004.zip'
	);
	const zip = unzipSync(readFileSync((await download.path()) ?? ''));
	const manifest = strFromU8(zip['imsmanifest.xml'] ?? new Uint8Array());
	expect(manifest).toContain('<schemaversion>2004 4th Edition</schemaversion>');
	expect(JSON.parse(strFromU8(zip['deskdrill-scorm.json'] ?? new Uint8Array()))).toMatchObject({
		version: '2004',
		lab: 'adobe-upgrade'
	});
	// The same app as `npm run package:scorm` puts in its zip.
	expect(Object.keys(zip).sort()).toEqual(Object.keys(packages.get('2004') ?? {}).sort());
	expect(strFromU8(zip['index.html']!)).toBe(strFromU8(packages.get('2004')!['index.html']!));
});
