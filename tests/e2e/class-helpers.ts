/**
 * The test LRS as the class view's tests use it: statements of a shipped lab
 * shaped as Deskdrill's sender shapes them (launched, answered, passed or
 * failed, completed), posted with a client's Basic key and secret from
 * tests/lrs/clients.json, and the browser's LRS settings written as the 'lrs'
 * row of the workspace database's settings table, exactly what saveLrsConfig
 * stores (the Settings form is built elsewhere; this keeps the tests about
 * the class view).
 */
import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { CLIENT, LRS_ENDPOINT as ENDPOINT } from '../lrs/lrs';

export { ENDPOINT };

// The names src/lib/lrs/vocabulary.ts gives (spelled out: a test must not trust the code it checks).
const NS = 'https://deskdrill.app/xapi';
export const LAB_ID = 'banking-outage';
export const LAB_TITLE = 'Banking outage: from intake to resolution';
export const LAB = `${NS}/labs/${LAB_ID}`;
const VERB = (v: string) => ({
	id: `http://adlnet.gov/expapi/verbs/${v}`,
	display: { 'en-US': v }
});
const EXT = (name: string) => `${NS}/extensions/${name}`;

/** A learner whose name and e-mail carry a tag, so one run's rows can be told from earlier runs'. */
export function learner(first: string, last: string, tag: string) {
	return {
		objectType: 'Agent',
		name: `${first} ${last} ${tag}`,
		mbox: `mailto:${first.toLowerCase()}.${tag}@example.org`
	};
}

/** One attempt's statements, as the sender writes them; without `scaled` it stops at launched. */
export function attempt(
	actor: object,
	o: { start: Date; scaled?: number; hints?: number; duration?: string; intake?: number }
) {
	const registration = randomUUID();
	const t = (minutes: number) => new Date(o.start.getTime() + minutes * 60_000).toISOString();
	const context = {
		registration,
		extensions: { [EXT('lab-version')]: 'e2e-hash', [EXT('mode')]: 'practice' }
	};
	const lab = {
		objectType: 'Activity',
		id: LAB,
		definition: {
			name: { 'en-US': LAB_TITLE },
			type: 'http://adlnet.gov/expapi/activities/simulation'
		}
	};
	const launched = {
		id: randomUUID(),
		actor,
		verb: VERB('launched'),
		object: lab,
		context,
		timestamp: t(0)
	};
	if (o.scaled === undefined) return [launched];
	const max = 100;
	const raw = Math.round(o.scaled * max);
	const passed = o.scaled >= 0.8;
	return [
		launched,
		{
			id: randomUUID(),
			actor,
			verb: VERB('answered'),
			object: { objectType: 'Activity', id: `${LAB}/steps/intake` },
			context: { ...context, contextActivities: { parent: [{ id: LAB, objectType: 'Activity' }] } },
			result: { success: true, score: { raw: 10, min: 0, max: 10, scaled: 1 } },
			timestamp: t(2)
		},
		{
			id: randomUUID(),
			actor,
			verb: VERB(passed ? 'passed' : 'failed'),
			object: lab,
			context,
			result: {
				success: passed,
				score: { scaled: o.scaled, raw, min: 0, max },
				extensions: {
					[EXT('hints')]: o.hints ?? 0,
					[EXT('skills')]: { intake: { points: o.intake ?? 10, max: 10 } },
					[EXT('solutions-shown')]: []
				}
			},
			timestamp: t(12)
		},
		{
			id: randomUUID(),
			actor,
			verb: VERB('completed'),
			object: lab,
			context,
			result: { completion: true, duration: o.duration ?? 'PT12M' },
			timestamp: t(12)
		}
	];
}

export async function postToLrs(page: Page, statements: object[]) {
	const auth = Buffer.from(`${CLIENT.key}:${CLIENT.secret}`).toString('base64');
	const response = await page.request.post(`${ENDPOINT}statements`, {
		headers: { 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${auth}` },
		data: statements
	});
	expect(response.status(), await response.text()).toBe(200);
}

/** The saved LRS settings, written where saveLrsConfig writes them. */
export async function saveConfig(page: Page, secret = CLIENT.secret) {
	await page.goto('/');
	// The catalogue has opened (and so created) the workspace database by the time it lists labs.
	await expect(page.locator('[data-lab]').first()).toBeVisible();
	const value = {
		endpoint: ENDPOINT,
		key: CLIENT.key,
		secret,
		learnerEmail: '',
		learnerName: '',
		autoSend: false
	};
	await page.evaluate(
		(value) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('deskdrill-workspace');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction('settings', 'readwrite');
					tx.objectStore('settings').put({ key: 'lrs', value });
					tx.oncomplete = () => (db.close(), resolve());
					tx.onerror = () => reject(tx.error);
				};
			}),
		value
	);
}
