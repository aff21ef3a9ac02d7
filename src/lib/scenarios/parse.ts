/**
 * Reading a scenario file: split the YAML front matter from the markdown
 * briefing, parse the YAML keeping every node's position, and turn a field
 * path (["steps", 2, "checks", 0]) back into a line and column of the file.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from './types';

export type PathPart = string | number;

export interface ParsedFile {
	file: string;
	data: unknown;
	briefing: string;
	/** Line of the file where the briefing (the markdown after the front matter) starts. */
	briefingLine: number;
	locate: (path: PathPart[], key?: boolean) => { line: number; column: number };
}

export type ParseResult = { ok: true; parsed: ParsedFile } | { ok: false; problems: Problem[] };

/** `steps[2].checks[0].topic` */
export function formatPath(path: PathPart[]): string {
	let out = '';
	for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
	return out;
}

export function parseScenarioFile(text: string, file: string): ParseResult {
	const source = String(text ?? '')
		.replace(/^\uFEFF/, '')
		.replace(/\r\n?/g, '\n');
	const lines = source.split('\n');
	const problem = (line: number, column: number, message: string): ParseResult => ({
		ok: false,
		problems: [{ file, line, column, path: '', message }]
	});
	if (lines[0]?.trim() !== '---')
		return problem(
			1,
			1,
			'a scenario file must start with YAML front matter: a first line "---", the YAML, then a line "---"'
		);
	const end = lines.findIndex(
		(line, i) => i > 0 && (line.trim() === '---' || line.trim() === '...')
	);
	if (end < 0)
		return problem(
			lines.length,
			1,
			'the YAML front matter is not closed: add a line "---" after it, before the briefing'
		);
	const yamlText = lines.slice(1, end).join('\n');
	const briefing = lines
		.slice(end + 1)
		.join('\n')
		.trim();
	const counter = new LineCounter();
	const doc = parseDocument(yamlText, {
		lineCounter: counter,
		prettyErrors: false,
		uniqueKeys: true
	});
	// Line numbers of the whole file: the YAML starts after the opening "---".
	const at = (offset: number) => {
		const pos = counter.linePos(offset);
		return { line: pos.line + 1, column: pos.col };
	};
	const errors = [...doc.errors];
	if (errors.length) {
		// The first error is the cause; the rest are usually its echo.
		const first = errors[0] as (typeof errors)[number];
		let pos = at(first.pos[0]);
		let message = `bad YAML: ${yamlMessage(first.message)}`;
		const quote = /^Missing closing (["'])quote/.exec(first.message)?.[1];
		const opened = quote ? unclosedQuote(yamlText, first.pos[0], quote) : null;
		if (opened !== null) {
			pos = at(opened);
			message = `bad YAML: this ${quote}quoted${quote} text is never closed (missing closing ${quote})`;
		}
		if (errors.length > 1) message += ` (and ${errors.length - 1} more YAML error(s) after it)`;
		return { ok: false, problems: [{ file, ...pos, path: '', message }] };
	}
	const data: unknown = doc.toJS({ maxAliasCount: 1000 });
	if (data === null || typeof data !== 'object' || Array.isArray(data))
		return problem(2, 1, 'the front matter must be a YAML mapping of fields (id: ..., title: ...)');
	return {
		ok: true,
		parsed: {
			file,
			data,
			briefing,
			briefingLine: firstTextLine(lines, end + 1),
			locate: (path, key) => locateNode(doc, path, key ?? false, at)
		}
	};
}

/** Offset of the quote that opens the unclosed scalar: the first line before `end` with an odd count of that quote. */
function unclosedQuote(text: string, end: number, quote: string): number | null {
	let offset = 0;
	for (const line of text.slice(0, end).split('\n')) {
		const unescaped = quote === '"' ? line.replace(/\\./g, '') : line.replace(/''/g, '');
		const count = unescaped.split(quote).length - 1;
		if (count % 2 === 1) return offset + line.indexOf(quote);
		offset += line.length + 1;
	}
	return null;
}

/** 1-based line of the first non-blank line from index `from`. */
function firstTextLine(lines: string[], from: number): number {
	for (let i = from; i < lines.length; i++) if (lines[i]?.trim()) return i + 1;
	return from + 1;
}

function yamlMessage(message: string): string {
	// The yaml package appends a code frame on a new line; keep the first line.
	return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** Position of the node at `path`, or of its deepest ancestor that exists; `key` points at a map key. */
function locateNode(
	doc: Document,
	path: PathPart[],
	key: boolean,
	at: (offset: number) => { line: number; column: number }
): { line: number; column: number } {
	let node: unknown = doc.contents;
	let best: { line: number; column: number } = rangeOf(node, at) ?? { line: 2, column: 1 };
	for (let i = 0; i < path.length; i++) {
		const part = path[i];
		const last = i === path.length - 1;
		if (isMap(node)) {
			const pair = node.items.find(
				(p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part)
			);
			if (!pair) break;
			if (last && key) return rangeOf(pair.key, at) ?? best;
			node = pair.value;
			best = rangeOf(node, at) ?? rangeOf(pair.key, at) ?? best;
		} else if (isSeq(node) && typeof part === 'number') {
			node = node.items[part];
			if (node === undefined) break;
			best = rangeOf(node, at) ?? best;
		} else break;
	}
	return best;
}

function rangeOf(
	node: unknown,
	at: (offset: number) => { line: number; column: number }
): { line: number; column: number } | null {
	const range = (node as { range?: [number, number, number] } | null)?.range;
	return range ? at(range[0]) : null;
}
