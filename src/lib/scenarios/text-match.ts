/**
 * Lenient text matching (grading principle 6). Case, accents, punctuation,
 * hyphens and spacing never matter, and a term matches any form of its words:
 * each word is reduced to its stem with the Porter stemmer (the `stemmer`
 * package), so an author lists key terms, not every inflection.
 *
 * - "load balancer" matches "Load-Balancers" and "the loadbalancer was
 *   replaced"; "approve" matches "approved" and "approval".
 * - Terms match whole words: "LB" matches "the LB failed", never "club".
 * - A term written as one word or several is the same term: "sysadmin" matches
 *   "sys admins" and "Sys-Admin".
 */
import { stemmer } from 'stemmer';
import type { TextMatch } from './types';

export function normalizeText(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

/** The text's words, normalised. */
export function wordsOf(text: string): string[] {
	const normal = normalizeText(text);
	return normal ? normal.split(' ') : [];
}

const stemCache = new Map<string, string>();

/** A word's stem ("balancers" → "balanc"); numbers and short words stay as they are. */
export function stemOf(word: string): string {
	let stem = stemCache.get(word);
	if (stem === undefined) {
		stem = /^[a-z]+$/.test(word) ? stemmer(word) : word;
		if (stemCache.size > 20_000) stemCache.clear();
		stemCache.set(word, stem);
	}
	return stem;
}

/** Whether `text` contains `term`: its words in order, in any form, or the same letters run together. */
export function containsTerm(text: string, term: string): boolean {
	const wanted = wordsOf(term);
	if (wanted.length === 0) return false;
	const words = wordsOf(text);
	const wantedStems = wanted.map(stemOf);
	const wantedJoined = stemOf(wanted.join(''));
	// A window of up to two words more than the term, so "sys admin" and "sysadmin" meet either way.
	const widest = wanted.length + 2;
	for (let i = 0; i < words.length; i++) {
		if (
			wantedStems.every((stem, k) => words[i + k] !== undefined && stemOf(words[i + k]!) === stem)
		)
			return true;
		let joined = '';
		for (let width = 1; width <= widest && i + width <= words.length; width++) {
			joined += words[i + width - 1];
			if (joined.length > wantedJoined.length + 4) break;
			if (stemOf(joined) === wantedJoined) return true;
		}
	}
	return false;
}

export function matchesText(text: string, match: TextMatch | undefined): boolean {
	if (!match) return true;
	if (match.any && !match.any.some((p) => containsTerm(text, p))) return false;
	if (match.all && !match.all.every((p) => containsTerm(text, p))) return false;
	if (match.minWords !== undefined && wordsOf(text).length < match.minWords) return false;
	return true;
}

export function describeText(match: TextMatch): string {
	const parts: string[] = [];
	if (match.any) parts.push(`mentions ${match.any.map((p) => `“${p}”`).join(' or ')}`);
	if (match.all) parts.push(`mentions ${match.all.map((p) => `“${p}”`).join(' and ')}`);
	if (match.minWords) parts.push(`has at least ${match.minWords} words`);
	return parts.join(', ');
}
