/**
 * Lenient text matching (grading principle 6): case, accents, spacing and
 * punctuation are ignored, and a phrase must match whole words, so "LB"
 * matches "the LB failed" but not "club", and "load-balancer" matches
 * "Load Balancer".
 */
import type { TextMatch } from '../scenarios/types';

export function normalizeText(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

export function containsPhrase(text: string, phrase: string): boolean {
	const needle = normalizeText(phrase);
	if (!needle) return false;
	return ` ${normalizeText(text)} `.includes(` ${needle} `);
}

export function matchesText(text: string, match: TextMatch | undefined): boolean {
	if (!match) return true;
	if (match.any && !match.any.some((p) => containsPhrase(text, p))) return false;
	if (match.all && !match.all.every((p) => containsPhrase(text, p))) return false;
	if (match.minWords !== undefined) {
		const words = normalizeText(text).split(' ').filter(Boolean).length;
		if (words < match.minWords) return false;
	}
	return true;
}

export function describeText(match: TextMatch): string {
	const parts: string[] = [];
	if (match.any) parts.push(`mentions ${match.any.map((p) => `“${p}”`).join(' or ')}`);
	if (match.all) parts.push(`mentions ${match.all.map((p) => `“${p}”`).join(' and ')}`);
	if (match.minWords) parts.push(`has at least ${match.minWords} words`);
	return parts.join(', ');
}
