/**
 * Scenario text is shown to learners: markdown that could run code is refused
 * before it is ever rendered. The check reads the markdown as the renderer
 * will (marked's own lexer), not with patterns over the text, so nothing
 * slips between them: every raw HTML tag is refused (the renderer would only
 * print it as text anyway), and every link or image URL is judged after
 * decoding character references and percent escapes, so "&#106;avascript:",
 * "jav&#x09;ascript:", "javascript&#58;" and "javascript%3A" are all seen for
 * what they are. The renderer stays the second wall.
 */
import { Lexer, type Token } from 'marked';
import type { PathPart } from '../parse';
import type { CrossCheck } from './cross-check';

const NAMED: Record<string, string> = {
	colon: ':',
	tab: '\t',
	newline: '\n',
	sol: '/',
	lpar: '(',
	rpar: ')',
	period: '.',
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' '
};

/** Character references and percent escapes decoded (repeatedly, for double encodings). */
export function decodeUrl(text: string): string {
	let current = text;
	for (let round = 0; round < 3; round++) {
		const next = current
			.replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
			.replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
			.replace(/&([a-z]+);/gi, (whole, name: string) => NAMED[name.toLowerCase()] ?? whole)
			.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
		if (next === current) break;
		current = next;
	}
	return current;
}

/** The scheme a browser would see (control characters and spaces inside it are ignored), or null. */
export function urlScheme(href: string): string | null {
	const compact = [...decodeUrl(href)]
		.filter((c) => c.charCodeAt(0) > 0x20 && (c.charCodeAt(0) < 0x7f || c.charCodeAt(0) > 0x9f))
		.join('')
		.toLowerCase();
	return /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1] ?? null;
}

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

interface Finding {
	raw: string;
	what: string;
}

function walk(tokens: Token[] | undefined, found: Finding[]): void {
	for (const token of tokens ?? []) {
		// Raw HTML, and text a browser would still read as a tag ("<svg/onload=…>" is
		// text to CommonMark but a tag to a browser). Code is shown as written: not judged.
		const taggy =
			token.type === 'html' ||
			(token.type === 'text' && /<\s*[a-z][a-z0-9-]*[\s/>]/i.test(token.raw));
		if (taggy && !('tokens' in token && token.tokens?.length)) {
			// An opening tag (its closing one adds nothing): refused whatever it is.
			const tag = /<\s*([a-z][a-z0-9-]*)/i.exec(token.raw)?.[1]?.toLowerCase();
			if (tag)
				found.push({
					raw: token.raw,
					what: `raw HTML (${/^[aeiou]/.test(tag) ? 'an' : 'a'} <${tag}> tag)`
				});
		}
		if (token.type === 'link' || token.type === 'image') {
			const scheme = urlScheme(token.href);
			if (scheme && !SAFE_SCHEMES.has(scheme))
				found.push({
					raw: token.raw,
					what: `a ${scheme}: URL (only http, https and mailto links)`
				});
		}
		const nested = token as { tokens?: Token[]; items?: { tokens?: Token[] }[] };
		walk(nested.tokens, found);
		for (const item of nested.items ?? []) walk(item.tokens, found);
		if (token.type === 'table') {
			for (const cell of token.header) walk(cell.tokens, found);
			for (const row of token.rows) for (const cell of row) walk(cell.tokens, found);
		}
	}
}

export function markdownFindings(text: string): Finding[] {
	const found: Finding[] = [];
	walk(new Lexer({ gfm: true }).lex(text), found);
	return found;
}

export function checkMarkdown(cx: CrossCheck, path: PathPart[], text: string | undefined): void {
	if (!text) return;
	let from = 0;
	for (const { raw, what } of markdownFindings(text)) {
		const message = `markdown must not contain ${what}: scenario text is shown to learners and may not run code`;
		const index = Math.max(0, text.indexOf(raw, from));
		from = index;
		if (path[0] === 'briefing') {
			cx.problems.push({
				file: cx.parsed.file,
				line: cx.parsed.briefingLine + text.slice(0, index).split('\n').length - 1,
				column: index - text.lastIndexOf('\n', index - 1),
				path: 'briefing',
				message
			});
		} else cx.report(path, message);
	}
}
