/**
 * The dangerous-markdown check reads the markdown as the renderer does, and
 * decodes URLs before judging them: the evasions a pattern check missed.
 */
import { describe, expect, it } from 'vitest';
import { decodeUrl, markdownFindings, urlScheme } from './markdown';

describe('markdownFindings', () => {
	it.each([
		['<svg/onload=alert(1)>', /raw HTML \(a <svg> tag\)/],
		['[x](jav&#x09;ascript:alert(1))', /javascript: URL/],
		['[x](&#106;avascript:alert(1))', /javascript: URL/],
		['[x](javascript&#58;alert(1))', /javascript: URL/],
		['[x](javascript%3Aalert(1))', /javascript: URL/],
		['![y](data:text/html;base64,PHNjcmlwdD4=)', /data: URL/],
		['- item with <img src=x onerror=alert(1)>', /raw HTML \(an <img> tag\)/],
		['| a |\n|---|\n| [x](vbscript:msgbox) |', /vbscript: URL/]
	])('refuses %j', (text, what) => {
		const found = markdownFindings(text);
		expect(found.map((f) => f.what).join(' | ')).toMatch(what);
	});

	it('lets ordinary markdown through, links to the web and mail included', () => {
		expect(
			markdownFindings(
				'**Bold**, *em*, `code`, [osTicket](https://osticket.com), [mail](mailto:a@b.c), a < b.'
			)
		).toEqual([]);
	});

	it('decodes references and percent escapes before reading the scheme', () => {
		expect(decodeUrl('&#106;&#x61;vascript&colon;x')).toBe('javascript:x');
		expect(urlScheme(' JaVa\tScRiPt:alert(1)')).toBe('javascript');
		expect(urlScheme('/relative/path')).toBeNull();
	});
});
