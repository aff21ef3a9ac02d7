/**
 * Talking to a learning record store over HTTP: every request carries the
 * xAPI version header and the Basic key:secret, and every failure becomes one
 * plain sentence (unreachable, wrong key or secret, refused with the LRS's
 * own words). Used by the sender and by Settings' "Test connection".
 */
import type { LrsConfig } from './config';

export const XAPI_VERSION = '1.0.3';

export type LrsAuth = Pick<LrsConfig, 'endpoint' | 'key' | 'secret'>;

/** The answer of one request: the status and the body (JSON when it parses, else the text). */
export interface LrsAnswer {
	status: number;
	body: unknown;
}

/** The LRS could not be reached at all (network down, wrong address, CORS): no HTTP answer. */
export class LrsUnreachable extends Error {
	override name = 'LrsUnreachable';
}

/** HTTP Basic for the key and secret (UTF-8, as browsers send it). */
export function basicAuth(key: string, secret: string): string {
	const bytes = new TextEncoder().encode(`${key}:${secret}`);
	return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** One request to `${endpoint}${path}`. Throws LrsUnreachable when no answer came. */
export async function lrsRequest(
	auth: LrsAuth,
	path: string,
	init: { method?: string; body?: unknown; signed?: boolean } = {}
): Promise<LrsAnswer> {
	const headers: Record<string, string> = { 'X-Experience-API-Version': XAPI_VERSION };
	if (init.signed !== false) headers['Authorization'] = basicAuth(auth.key, auth.secret);
	if (init.body !== undefined) headers['Content-Type'] = 'application/json';
	let response: Response;
	try {
		response = await fetch(new URL(path, auth.endpoint), {
			method: init.method ?? 'GET',
			headers,
			body: init.body === undefined ? null : JSON.stringify(init.body),
			cache: 'no-store'
		});
	} catch {
		throw new LrsUnreachable(
			`The LRS at ${auth.endpoint} could not be reached (offline, a wrong address, or it does not allow this site).`
		);
	}
	const text = await response.text().catch(() => '');
	let body: unknown = text;
	try {
		body = text ? JSON.parse(text) : null;
	} catch {
		// Not JSON: keep the text.
	}
	return { status: response.status, body };
}

/** The LRS's own words in an error answer: its message, or its validation warnings. */
export function lrsWords(body: unknown): string | null {
	if (typeof body === 'string') return body.trim().slice(0, 300) || null;
	if (!body || typeof body !== 'object') return null;
	const b = body as { message?: unknown; warnings?: unknown; error?: unknown };
	if (Array.isArray(b.warnings) && b.warnings.length) return b.warnings.map(String).join('; ');
	if (typeof b.message === 'string' && b.message) return b.message;
	if (typeof b.error === 'string' && b.error) return b.error;
	return null;
}

/** Why an answer is not a success, in plain words. */
export function failureWords(answer: LrsAnswer): string {
	const own = lrsWords(answer.body);
	const said = own ? `: “${own}”` : '.';
	if (answer.status === 401 || answer.status === 403)
		return `The LRS refused the key or secret (HTTP ${answer.status}${own ? `, “${own}”` : ''}). Check them in Settings → Learning Record Store; the results keep waiting until they are right.`;
	if (answer.status === 404)
		return `The LRS has no such resource (HTTP 404): is the endpoint its xAPI address (often ending in /xAPI/ or /data/xAPI/)?`;
	if (answer.status >= 500)
		return `The LRS had a problem of its own (HTTP ${answer.status})${said} It will be tried again.`;
	return `The LRS answered HTTP ${answer.status}${said}`;
}

/** What Test connection found, in words; ok only when the LRS answered and took the key and secret. */
export interface ConnectionCheck {
	ok: boolean;
	message: string;
}

/** Ask the LRS's `about` resource (its xAPI versions), then read one statement with the key and secret. */
export async function testConnection(auth: LrsAuth): Promise<ConnectionCheck> {
	if (!/^https?:\/\//i.test(auth.endpoint))
		return { ok: false, message: 'The endpoint must be a web address starting with https://.' };
	try {
		const about = await lrsRequest(auth, 'about', { signed: false });
		const versions = (about.body as { version?: unknown } | null)?.version;
		if (about.status !== 200 || !Array.isArray(versions))
			return {
				ok: false,
				message: `${auth.endpoint} answered, but not as an xAPI endpoint (its “about” gave HTTP ${about.status}${Array.isArray(versions) ? '' : ' without xAPI versions'}). Check the address: it is the LRS's xAPI base, often ending in /xAPI/.`
			};
		const read = await lrsRequest(auth, 'statements?limit=1');
		if (read.status !== 200) return { ok: false, message: failureWords(read) };
		return {
			ok: true,
			message: `Connected: the LRS speaks xAPI ${versions.join(', ')} and accepted the key and secret.`
		};
	} catch (error) {
		return { ok: false, message: (error as Error).message };
	}
}
