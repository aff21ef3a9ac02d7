/**
 * The test LRS as the e2e tests see it: its xAPI base (LRS_PORT, as
 * playwright.config.ts starts it), the clients it knows (clients.json), and a
 * query of its statements that follows the LRS's own paging. Reads only:
 * what Deskdrill sent is judged by what the real LRS holds.
 */
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LRS_PORT = Number(process.env.LRS_PORT ?? 8091);
export const LRS_ENDPOINT = `http://127.0.0.1:${LRS_PORT}/xAPI/`;

export interface LrsClient {
	key: string;
	secret: string;
	title: string;
}

const here = dirname(fileURLToPath(import.meta.url));
export const CLIENTS = JSON.parse(readFileSync(join(here, 'clients.json'), 'utf8')) as LrsClient[];
export const CLIENT = CLIENTS[0] as LrsClient;

export interface StoredStatement {
	id: string;
	verb: { id: string };
	object: { id: string };
	actor: { mbox?: string; name?: string };
	context?: { registration?: string; extensions?: Record<string, unknown> };
	result?: Record<string, unknown>;
	stored: string;
}

/** Every statement matching the query (statements?...), all pages. */
export async function lrsStatements(
	query: Record<string, string>,
	client: LrsClient = CLIENT
): Promise<StoredStatement[]> {
	const headers = {
		'X-Experience-API-Version': '1.0.3',
		Authorization: `Basic ${Buffer.from(`${client.key}:${client.secret}`).toString('base64')}`
	};
	const found: StoredStatement[] = [];
	let next: string | null = `statements?${new URLSearchParams(query)}`;
	while (next) {
		// `more` is a path on the LRS's host; the first query is relative to the xAPI base.
		const url = next.startsWith('/')
			? `http://127.0.0.1:${LRS_PORT}${next}`
			: new URL(next, LRS_ENDPOINT).href;
		const response = await fetch(url, { headers });
		if (!response.ok) throw new Error(`The test LRS answered ${response.status} to ${next}`);
		const body = (await response.json()) as { statements: StoredStatement[]; more?: string };
		found.push(...body.statements);
		next = body.more || null;
	}
	return found;
}

/** The statements of one learner, by the mailto: Deskdrill sends. */
export function statementsOf(email: string): Promise<StoredStatement[]> {
	return lrsStatements({ agent: JSON.stringify({ mbox: `mailto:${email}` }), limit: '100' });
}
