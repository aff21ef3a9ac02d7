/**
 * The guide to writing a lab (`scenarios/README.md`) as an in-app page: the
 * markdown rendered by the sanitising module, then dressed for reading. Each
 * heading gets an id and becomes a link to itself, the contents list is drawn
 * from the headings, and every table and code block scrolls in its own
 * focusable box, so the page never scrolls sideways on a phone.
 *
 * HTML comments (the markers around generated parts) are dropped first.
 * Only attributes made here are added (ids are slugs of [a-z0-9-]; labels are
 * escaped), after the markdown has been sanitised.
 */
import { escapeHtml, renderMarkdown } from '$lib/markdown/render';

export interface GuideHeading {
	level: number;
	id: string;
	text: string;
}

export interface Guide {
	/** The document's first-level heading, shown as the page's h1. */
	title: string;
	html: string;
	/** Second- and third-level headings, in order, for the contents list. */
	headings: GuideHeading[];
}

const ENTITIES: Record<string, string> = {
	'&amp;': '&',
	'&lt;': '<',
	'&gt;': '>',
	'&quot;': '"',
	'&#39;': "'"
};

/** The text of an HTML fragment: tags dropped, the five escapes undone. */
export function textOf(html: string): string {
	return html
		.replace(/<[^>]*>/g, '')
		.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e)
		.trim();
}

/** "What changed in format 2" → "what-changed-in-format-2". */
export function slug(text: string): string {
	return (
		text
			.toLowerCase()
			.normalize('NFKD')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'section'
	);
}

export function buildGuide(source: string): Guide {
	// The markers around the guide's generated parts are notes for its authors, not for readers.
	const rendered = renderMarkdown(source.replace(/<!--[\s\S]*?-->/g, ''));
	const headings: GuideHeading[] = [];
	const used = new Set<string>();
	let title = '';
	let section = '';
	let tables = 0;
	let codes = 0;
	const html = rendered.replace(
		/<h([1-4])>([\s\S]*?)<\/h\1>|<table>|<\/table>|<pre>/g,
		(match, level: string | undefined, inner: string | undefined) => {
			if (match === '<table>') {
				tables++;
				const label = escapeHtml(`Table ${tables}${section ? `: ${section}` : ''}`);
				return `<div class="table-scroll" role="region" tabindex="0" aria-label="${label}"><table>`;
			}
			if (match === '</table>') return '</table></div>';
			if (match === '<pre>') {
				codes++;
				const label = escapeHtml(`Example ${codes}${section ? `: ${section}` : ''}`);
				return `<pre role="region" tabindex="0" aria-label="${label}">`;
			}
			const depth = Number(level);
			const text = textOf(inner ?? '');
			if (depth === 1 && !title) {
				title = text;
				return '';
			}
			let id = slug(text);
			for (let n = 2; used.has(id); n++) id = `${slug(text)}-${n}`;
			used.add(id);
			section = text;
			if (depth <= 3) headings.push({ level: depth, id, text });
			return `<h${depth} id="${id}"><a class="anchor" href="#${id}">${inner ?? ''}</a></h${depth}>`;
		}
	);
	return { title: title || 'Writing a lab', html, headings };
}
