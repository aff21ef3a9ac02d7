/**
 * Reading statements back from a learning record store: every statement about
 * one lab (its activity id, with related activities so the steps' "answered"
 * come too), page after page through the LRS's `more` links. What goes wrong
 * is said in plain words naming the LRS (unreachable, wrong key or secret,
 * not an xAPI endpoint, refused with the LRS's own message), never as a stack.
 */
import type { LrsConfig } from './config';
import { basicAuth, lrsWords, XAPI_VERSION } from './http';
import { classRows, type ClassRow, type StoredStatement } from './class-results';

/** Statements asked for per page; an LRS may send fewer. */
export const PAGE_SIZE = 500;
/** A class view never reads more than this per lab: a cap, so a runaway `more` cannot loop forever. */
export const MAX_STATEMENTS = 20_000;
export const MAX_PAGES = 100;

export class LrsQueryError extends Error {
	override name = 'LrsQueryError';
}

export interface LabStatements {
	statements: StoredStatement[];
	/** The cap was reached before the LRS ran out of pages: the figures may miss the latest. */
	truncated: boolean;
}

type Fetch = typeof fetch;

/** The LRS's own words from an error body (not an HTML error page). */
function lrsMessage(body: string): string {
	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch {
		parsed = body.trim().startsWith('<') || body.length > 200 ? null : body;
	}
	return lrsWords(parsed) ?? '';
}

async function getPage(url: URL, config: LrsConfig, doFetch: Fetch): Promise<unknown> {
	const where = config.endpoint;
	let response: Response;
	try {
		response = await doFetch(url, {
			headers: {
				'X-Experience-API-Version': XAPI_VERSION,
				Authorization: basicAuth(config.key, config.secret),
				Accept: 'application/json'
			}
		});
	} catch {
		throw new LrsQueryError(
			`The learning record store at ${where} could not be reached. Check the address, that it is online, and that it allows this site to read from it (CORS).`
		);
	}
	const body = await response.text().catch(() => '');
	if (response.status === 401 || response.status === 403) {
		const own = lrsMessage(body);
		throw new LrsQueryError(
			`The learning record store at ${where} refused the key and secret (HTTP ${response.status}${own ? `: ${own}` : ''}). Check them in Settings.`
		);
	}
	if (response.status === 404) {
		throw new LrsQueryError(
			`${where} is not an xAPI endpoint: it has no statements resource (HTTP 404). The endpoint is the LRS's xAPI base address, usually ending in /xAPI/ or /data/xAPI/.`
		);
	}
	if (!response.ok) {
		const own = lrsMessage(body);
		throw new LrsQueryError(
			`The learning record store at ${where} refused to list statements (HTTP ${response.status})${own ? `: ${own}` : '.'}`
		);
	}
	try {
		return JSON.parse(body);
	} catch {
		throw new LrsQueryError(
			`${where} is not an xAPI endpoint: it answered with something other than xAPI statements.`
		);
	}
}

function isResult(value: unknown): value is { statements: unknown[]; more?: unknown } {
	return (
		typeof value === 'object' &&
		value !== null &&
		Array.isArray((value as { statements?: unknown }).statements)
	);
}

/**
 * Every statement about the activity (as object, or as a parent or grouping in
 * a context), following `more` until the LRS has no more or a cap is reached.
 */
export async function fetchActivityStatements(
	config: LrsConfig,
	activityId: string,
	options: { fetch?: Fetch; pageSize?: number; maxStatements?: number; maxPages?: number } = {}
): Promise<LabStatements> {
	const doFetch = options.fetch ?? fetch.bind(globalThis);
	const maxStatements = options.maxStatements ?? MAX_STATEMENTS;
	const maxPages = options.maxPages ?? MAX_PAGES;
	let base: URL;
	try {
		base = new URL(config.endpoint);
	} catch {
		throw new LrsQueryError(
			`"${config.endpoint}" is not a web address. Set the LRS's xAPI endpoint in Settings.`
		);
	}
	const first = new URL('statements', base);
	first.searchParams.set('activity', activityId);
	first.searchParams.set('related_activities', 'true');
	first.searchParams.set('limit', String(options.pageSize ?? PAGE_SIZE));

	const statements: StoredStatement[] = [];
	const seen = new Set<string>();
	let url: URL | null = first;
	for (let page = 0; url; page++) {
		if (page >= maxPages || statements.length >= maxStatements)
			return { statements, truncated: true };
		const result = await getPage(url, config, doFetch);
		if (!isResult(result)) {
			throw new LrsQueryError(
				`${config.endpoint} is not an xAPI endpoint: its answer has no list of statements.`
			);
		}
		for (const s of result.statements) {
			if (typeof s !== 'object' || s === null) continue;
			const id = (s as StoredStatement).id;
			// A page boundary that moved while reading must not count a statement twice.
			if (typeof id === 'string' && seen.has(id)) continue;
			if (typeof id === 'string') seen.add(id);
			statements.push(s as StoredStatement);
		}
		// `more` is relative to the LRS's origin (xAPI 1.0.3, 4.2: "relative IRL").
		const more = typeof result.more === 'string' ? result.more.trim() : '';
		url = more ? new URL(more, base) : null;
		if (url && url.origin !== base.origin) {
			throw new LrsQueryError(
				`The learning record store at ${config.endpoint} pointed its next page to another site (${url.origin}); Deskdrill does not send the key there.`
			);
		}
	}
	return { statements, truncated: false };
}

export interface LabToRead {
	/** The lab's activity id (labActivityId) and the title the catalogue gives it. */
	activity: string;
	title: string;
}

export interface ClassRead {
	rows: ClassRow[];
	/** Titles of the labs whose reading hit the cap. */
	truncated: string[];
	/** Why some or all labs could not be read, each reason once. */
	errors: string[];
}

/**
 * The class view of several labs: one query each, side by side; the labs that
 * answer are shown even when another fails, and each failure is said once.
 */
export async function readClassResults(
	config: LrsConfig,
	labs: readonly LabToRead[],
	options: { fetch?: Fetch } = {}
): Promise<ClassRead> {
	const results = await Promise.allSettled(
		labs.map((l) => fetchActivityStatements(config, l.activity, options))
	);
	const titles = new Map(labs.map((l) => [l.activity, l.title]));
	const seen = new Set<string>();
	const statements: StoredStatement[] = [];
	for (const result of results) {
		if (result.status !== 'fulfilled') continue;
		// A statement about two labs comes back in both answers: count it once.
		for (const s of result.value.statements) {
			if (s.id && seen.has(s.id)) continue;
			if (s.id) seen.add(s.id);
			statements.push(s);
		}
	}
	return {
		rows: classRows(statements, titles).filter((r) => titles.has(r.lab)),
		truncated: labs.flatMap((l, i) => {
			const result = results[i];
			return result?.status === 'fulfilled' && result.value.truncated ? [l.title] : [];
		}),
		errors: [
			...new Set(
				results.flatMap((r) =>
					r.status === 'rejected'
						? [r.reason instanceof Error ? r.reason.message : String(r.reason)]
						: []
				)
			)
		]
	};
}
