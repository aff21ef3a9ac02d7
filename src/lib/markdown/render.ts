/**
 * Markdown for scenario instructions and hints, always sanitised before it
 * reaches the DOM. Ticket text (subjects, messages) is never rendered as
 * markup at all: panels print it as text.
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

const SAFE_URL = /^(?:https?:|mailto:|#|\/(?!\/))/i;

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

/**
 * Raw HTML in the source is printed as text, so nothing an author (or an
 * imported file) writes can become a tag or an event handler; links and
 * images keep only safe URLs (no javascript:). Images are shown as their text.
 */
const markdown = new Marked({
	gfm: true,
	async: false,
	renderer: {
		html: (token: Tokens.HTML | Tokens.Tag) => escapeHtml(token.text),
		link(token: Tokens.Link) {
			const text = this.parser.parseInline(token.tokens);
			if (!SAFE_URL.test(token.href.trim())) return text;
			const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
			return `<a href="${escapeHtml(token.href)}"${title} rel="noopener noreferrer" target="_blank">${text}</a>`;
		},
		image: (token: Tokens.Image) => escapeHtml(token.text)
	}
});

/** Markdown → safe HTML; DOMPurify checks the result again wherever a DOM exists. */
export function renderMarkdown(source: string): string {
	const html = markdown.parse(source) as string;
	if (typeof window === 'undefined' || !DOMPurify.isSupported) return html;
	return DOMPurify.sanitize(html, {
		ALLOWED_TAGS,
		ALLOWED_ATTR: ['href', 'title', 'rel', 'target'],
		ALLOWED_URI_REGEXP: SAFE_URL
	});
}
