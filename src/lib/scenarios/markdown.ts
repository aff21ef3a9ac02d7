/**
 * Markdown from scenario files (briefings, instructions, hints) as safe HTML.
 * Two layers: marked never passes raw HTML through (it is shown escaped, as
 * text) and keeps only http(s), mailto and relative links; then, where a DOM
 * exists (the browser), DOMPurify cleans the result again. In Node the first
 * layer is the allow-list: only the tags marked itself writes can appear.
 */
import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';

const escapeHtml = (s: string) =>
	s
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');

/** Links and images may point only at the web, mail, or inside the app. */
export function safeUrl(href: string | null | undefined): string | null {
	if (!href) return null;
	const url = href.trim();
	// Drop control characters and whitespace browsers ignore inside a scheme ("java\tscript:").
	const compact = [...url]
		.filter((c) => c.charCodeAt(0) > 0x20 && (c.charCodeAt(0) < 0x7f || c.charCodeAt(0) > 0x9f))
		.join('')
		.toLowerCase();
	if (/^(https?:|mailto:)/.test(compact)) return url;
	if (/^[a-z][a-z0-9+.-]*:/.test(compact)) return null;
	return url;
}

const marked = new Marked({
	gfm: true,
	breaks: false,
	async: false,
	renderer: {
		html(token: Tokens.HTML | Tokens.Tag) {
			return escapeHtml(token.text);
		},
		link(token: Tokens.Link) {
			const href = safeUrl(token.href);
			const inner = this.parser.parseInline(token.tokens);
			if (href === null) return inner;
			const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
			return `<a href="${escapeHtml(href)}"${title} rel="noopener noreferrer">${inner}</a>`;
		},
		image(token: Tokens.Image) {
			const src = safeUrl(token.href);
			if (src === null) return escapeHtml(token.text);
			return `<img src="${escapeHtml(src)}" alt="${escapeHtml(token.text)}">`;
		}
	}
});

type Purifier = {
	sanitize: (html: string, config: Record<string, unknown>) => string;
	isSupported?: boolean;
};

/** DOMPurify bound to the page's window, or null where there is no DOM (Node). */
function purifier(): Purifier | null {
	// Read through globalThis so this module type-checks without the DOM library.
	const win = (globalThis as { window?: { document?: unknown } }).window;
	if (!win || !win.document) return null;
	const purify = DOMPurify as unknown as Purifier & ((w: unknown) => Purifier);
	if (purify.isSupported) return purify;
	try {
		return purify(win);
	} catch {
		return null;
	}
}

export function renderMarkdown(md: string): string {
	const html = marked.parse(String(md ?? ''), { async: false }) as string;
	const purify = purifier();
	if (!purify) return html;
	return purify.sanitize(html, {
		USE_PROFILES: { html: true },
		FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe'],
		FORBID_ATTR: ['style']
	});
}
