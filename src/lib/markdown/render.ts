/**
 * Markdown for scenario briefings, instructions and hints, always sanitised
 * before it reaches the DOM. Two layers: marked never passes raw HTML through
 * (it is printed as text) and keeps only web, mail and in-app links; then,
 * where a DOM exists (the browser), DOMPurify cleans the result again against
 * an allow-list. Ticket text (subjects, messages) is never rendered as markup
 * at all: panels print it as text.
 */
import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** A link may point only at the web, mail, or inside the app; null otherwise. */
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

const ALLOWED_TAGS = [
	'p',
	'br',
	'strong',
	'em',
	'code',
	'pre',
	'ul',
	'ol',
	'li',
	'blockquote',
	'a',
	'h1',
	'h2',
	'h3',
	'h4',
	'hr',
	'table',
	'thead',
	'tbody',
	'tr',
	'th',
	'td',
	'kbd',
	'del'
];

const markdown = new Marked({
	gfm: true,
	breaks: false,
	async: false,
	renderer: {
		html: (token: Tokens.HTML | Tokens.Tag) => escapeHtml(token.text),
		link(token: Tokens.Link) {
			const text = this.parser.parseInline(token.tokens);
			const href = safeUrl(token.href);
			if (href === null) return text;
			const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
			return `<a href="${escapeHtml(href)}"${title} rel="noopener noreferrer" target="_blank">${text}</a>`;
		},
		// Labs work offline: an image would not load, so its description stands in.
		image: (token: Tokens.Image) => escapeHtml(token.text)
	}
});

// Rendered text by source: the checklist re-renders after every command.
const cache = new Map<string, string>();

/** Markdown → safe HTML. */
export function renderMarkdown(source: string): string {
	const text = String(source ?? '');
	const hit = cache.get(text);
	if (hit !== undefined) return hit;
	let html = markdown.parse(text) as string;
	// Read through globalThis so this module type-checks and runs without a DOM (Node).
	const win = (globalThis as { window?: { document?: unknown } }).window;
	if (win?.document && DOMPurify.isSupported)
		html = DOMPurify.sanitize(html, {
			ALLOWED_TAGS,
			ALLOWED_ATTR: ['href', 'title', 'rel', 'target'],
			ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|\/(?!\/)|[^:]*$)/i
		});
	if (cache.size > 500) cache.clear();
	cache.set(text, html);
	return html;
}
