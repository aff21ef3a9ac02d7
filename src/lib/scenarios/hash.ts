/**
 * A lab version's identity: the SHA-256 of the scenario as loaded (its
 * metadata, world, personas, steps and proofs, in a canonical JSON form; the
 * file name aside). Two files that grade the same way hash the same; any change
 * to a check, a point or the world gives another hash. A result names the hash
 * of the lab it was played on, so it is re-graded against that very version.
 */
import type { Scenario } from './types';

/** JSON with object keys in a fixed order, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export async function sha256Hex(text: string): Promise<string> {
	const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * "sha256:…" of the scenario, the file name left out. A lab with variables is
 * hashed as written (its pools and references), so every variant has the
 * lab's one hash; the seed names the variant.
 */
export async function scenarioHash(scenario: Scenario): Promise<string> {
	const { file: _file, variant, ...content } = scenario;
	void _file;
	const identity = variant ? { template: variant.template } : content;
	return `sha256:${await sha256Hex(canonicalJson(identity))}`;
}
