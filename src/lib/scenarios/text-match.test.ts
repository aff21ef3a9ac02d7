/**
 * Text matching: case, accents, punctuation, hyphens and spacing never matter;
 * a key term matches any form of its words (Porter stems), whole words only.
 */
import { describe, expect, it } from 'vitest';
import { containsTerm, matchesText, normalizeText } from './text-match';

describe('containsTerm', () => {
	it.each([
		['Two load balancers failed', 'load balancer'],
		['the load-balancer was replaced', 'load balancer'],
		['The LoadBalancer rebooted', 'load balancer'],
		['Talking to the sys admins', 'sys admin'],
		['Talking to the sysadmins', 'sys admin'],
		['a Sys-Admin is on it', 'sysadmin'],
		['A system administrator is on it', 'system administrators'],
		['The change was approved', 'approve'],
		['Approval received', 'approve'],
		['Café déjà vu', 'cafe deja vu'],
		['error 404 everywhere', '404'],
		['the LB failed', 'LB']
	])('finds %j in %j', (text, term) => expect(containsTerm(text, term)).toBe(true));

	it.each([
		['the club server', 'LB'],
		['a balanced load', 'load balancer'],
		['administration only', 'admin'],
		['', 'anything'],
		['some text', '   ']
	])('does not find %j in %j', (text, term) => expect(containsTerm(text, term)).toBe(false));
});

describe('matchesText', () => {
	it('any, all and minWords', () => {
		expect(matchesText('Café déjà vu', { all: ['cafe', 'deja vu'] })).toBe(true);
		expect(matchesText('two words', { minWords: 3 })).toBe(false);
		expect(matchesText('no mention', { any: ['balancer', 'LB'] })).toBe(false);
		expect(matchesText('anything', undefined)).toBe(true);
	});

	it('normalises to lower-case words', () => {
		expect(normalizeText('  Load-Balancer,  FAILED! ')).toBe('load balancer failed');
	});
});
