/**
 * Where the cursor is in a lab's front matter, as a field path
 * (["steps", 2, "checks", 0]): read from indentation, "- " items and the
 * flow collections of the line, so it works on half-typed YAML that no
 * parser would accept. Lines inside block scalars (`instructions: |`) and
 * flow collections that span lines are not structure and are skipped.
 */
import type { PathPart } from '../scenarios/parse';

interface Entry {
	col: number;
	dash?: boolean;
	key?: string;
	/** The key's value is on the lines below (a block mapping or sequence). */
	block?: boolean;
}

export interface Place {
	/** The path of the mapping (or sequence) the cursor is in. */
	container: PathPart[];
	/** Typing a key (or a sequence item), or the value of `key`. */
	mode: 'key' | 'value';
	key?: string;
	/** What is typed so far, and where it starts in the file. */
	partial: string;
	from: number;
}

export interface FrontMatter {
	lines: string[];
	/** Index of the first YAML line and one past the last (the closing "---"). */
	start: number;
	end: number;
	/** Lines that are not structure (block scalar text, multi-line flows). */
	skip: boolean[];
}

const KEY = /^("[^"]*"|'[^']*'|[^\s#'"{}[\],:-][^:#]*?|-[^\s:#][^:#]*?):(?=\s|$)/;

export function frontMatter(text: string): FrontMatter | null {
	const lines = text.split('\n');
	if (lines[0]?.trim() !== '---') return null;
	let end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
	if (end < 0) end = lines.length;
	const skip = lines.map(() => false);
	let scalarIndent = -1;
	let depth = 0;
	for (let i = 1; i < end; i++) {
		const line = lines[i] as string;
		const indent = line.length - line.trimStart().length;
		if (scalarIndent >= 0) {
			if (line.trim() === '' || indent > scalarIndent) {
				skip[i] = true;
				continue;
			}
			scalarIndent = -1;
		}
		if (depth > 0) skip[i] = true;
		depth = Math.max(0, depth + flowDepth(line));
		const entries = entriesOf(line);
		const last = entries[entries.length - 1];
		if (!skip[i] && last?.key !== undefined && /:\s*[|>][-+0-9]*\s*(#.*)?$/.test(line))
			scalarIndent = last.col;
	}
	return { lines, start: 1, end, skip };
}

/** Net open brackets of a line, outside quotes and comments. */
function flowDepth(line: string): number {
	let depth = 0;
	let quote = '';
	for (let i = 0; i < line.length; i++) {
		const c = line[i] as string;
		if (quote) {
			if (c === quote) quote = '';
		} else if (c === '"' || (c === "'" && /[\s{[,:]/.test(line[i - 1] ?? ' '))) quote = c;
		else if (c === '#' && /\s/.test(line[i - 1] ?? ' ')) break;
		else if (c === '{' || c === '[') depth++;
		else if (c === '}' || c === ']') depth--;
	}
	return depth;
}

function entriesOf(line: string): Entry[] {
	const entries: Entry[] = [];
	let i = line.length - line.trimStart().length;
	if (line.trimStart().startsWith('#')) return entries;
	while (line[i] === '-' && (line[i + 1] === ' ' || i + 1 === line.length)) {
		entries.push({ col: i, dash: true });
		i += 1;
		while (line[i] === ' ') i++;
	}
	const m = KEY.exec(line.slice(i));
	if (m) {
		const rest = line.slice(i + m[0].length).trim();
		entries.push({
			col: i,
			key: unquote(m[1] as string),
			block: rest === '' || rest.startsWith('#')
		});
	}
	return entries;
}

function unquote(key: string): string {
	const k = key.trim();
	return /^(".*"|'.*')$/.test(k) ? k.slice(1, -1) : k;
}

/** The structural lines above `line`, nearest first. */
function* above(fm: FrontMatter, line: number): Generator<[number, Entry[]]> {
	for (let i = line - 1; i >= fm.start; i--) {
		if (fm.skip[i]) continue;
		const entries = entriesOf(fm.lines[i] as string);
		if (entries.length) yield [i, entries];
	}
}

/** The index of the "- " item at column `col` of `line` in its sequence. */
function itemIndex(fm: FrontMatter, line: number, col: number): number {
	let count = 0;
	for (const [, entries] of above(fm, line)) {
		const first = entries[0] as Entry;
		if (first.col < col || (first.col === col && !first.dash)) break;
		if (first.col === col) count++;
	}
	return count;
}

/** The path of whatever holds an entry at `col` of `line` (an item when `dash`). */
export function containerAt(fm: FrontMatter, line: number, col: number, dash = false): PathPart[] {
	const here = entriesOf(fm.lines[line] as string).filter((e) => e.col < col);
	const left = here[here.length - 1];
	if (left?.dash) return [...containerAt(fm, line, left.col, true), itemIndex(fm, line, left.col)];
	if (left?.key !== undefined) return [...containerAt(fm, line, left.col), left.key];
	for (const [i, entries] of above(fm, line)) {
		const parent = [...entries]
			.reverse()
			.find((e) => e.col < col || (dash && e.block && e.col === col));
		if (!parent) continue;
		if (parent.dash) return [...containerAt(fm, i, parent.col, true), itemIndex(fm, i, parent.col)];
		if (parent.block) return [...containerAt(fm, i, parent.col), parent.key as string];
		return [...containerAt(fm, i, parent.col), parent.key as string];
	}
	return [];
}

/**
 * Inside a flow collection on one line (`- { as: john, do: tic`): the path
 * from the line's own place into the innermost open `{` or `[`, and what is
 * typed after its last separator. Null when the text opens no collection.
 */
function flowPlace(text: string): { path: PathPart[]; seq: boolean; tail: string } | null {
	const stack: { seq: boolean; part: PathPart | null; index: number }[] = [];
	let key: string | null = null;
	let tokenStart = 0;
	let quote = '';
	for (let i = 0; i < text.length; i++) {
		const c = text[i] as string;
		if (quote) {
			if (c === quote) quote = '';
			continue;
		}
		if (c === '"' || c === "'") quote = c;
		else if (c === '{' || c === '[') {
			const top = stack[stack.length - 1];
			stack.push({ seq: c === '[', part: top ? (top.seq ? top.index : key) : key, index: 0 });
			key = null;
			tokenStart = i + 1;
		} else if (c === '}' || c === ']') {
			stack.pop();
			key = null;
		} else if (c === ',') {
			const top = stack[stack.length - 1];
			if (top?.seq) top.index++;
			key = null;
			tokenStart = i + 1;
		} else if (c === ':' && stack.length) key = unquote(text.slice(tokenStart, i));
	}
	if (!stack.length) return null;
	const path = stack.map((f) => f.part).filter((p): p is PathPart => p !== null);
	const top = stack[stack.length - 1] as { seq: boolean; index: number };
	if (top.seq) path.push(top.index);
	return { path, seq: top.seq, tail: text.slice(tokenStart) };
}

/** Where the cursor at `offset` is, or null outside the front matter (or inside text). */
export function placeAt(text: string, offset: number): Place | null {
	const fm = frontMatter(text);
	if (!fm) return null;
	const lineIndex = text.slice(0, offset).split('\n').length - 1;
	if (lineIndex < fm.start || lineIndex >= fm.end) return null;
	const before = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
	if (fm.skip[lineIndex] || before.trimStart().startsWith('#')) return null;
	const flow = flowPlace(before);
	let i = before.length - before.trimStart().length;
	while (before[i] === '-' && before[i + 1] === ' ') {
		i += 1;
		while (before[i] === ' ') i++;
	}
	const rest = before.slice(i);
	const base = containerAt(fm, lineIndex, i, false);
	if (flow) {
		const opened = rest.search(/[{[]/);
		const own = rest.slice(0, opened);
		const ownKey = /^(.+?):\s*$/.exec(own);
		const container = [...base, ...(ownKey ? [unquote(ownKey[1] as string)] : []), ...flow.path];
		const value = /^\s*([^:]+?):\s*(\S*)$/.exec(flow.tail);
		if (value && !flow.seq)
			return {
				container,
				mode: 'value',
				key: unquote(value[1] as string),
				partial: value[2] as string,
				from: offset - (value[2] as string).length
			};
		const partial = /(\S*)$/.exec(flow.tail)?.[1] ?? '';
		return { container, mode: flow.seq ? 'value' : 'key', partial, from: offset - partial.length };
	}
	const value = KEY.exec(rest);
	if (value) {
		const after = rest.slice(value[0].length);
		const partial = /^\s*(\S*)$/.exec(after)?.[1];
		if (partial === undefined) return null;
		return {
			container: base,
			mode: 'value',
			key: unquote(value[1] as string),
			partial,
			from: offset - partial.length
		};
	}
	if (!/^[\w.-]*$/.test(rest)) return null;
	// After "- " with nothing before it on a sequence of plain values: a value of the item.
	return { container: base, mode: 'key', partial: rest, from: offset - rest.length };
}

/** The key under `offset` (a word followed by ":"), with its path and span, for hover docs. */
export function keyAt(
	text: string,
	offset: number
): { path: PathPart[]; from: number; to: number } | null {
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	const lineEnd = text.indexOf('\n', offset);
	const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
	const col = offset - lineStart;
	const word = /[\w.-]+/g;
	for (const m of line.matchAll(word)) {
		const start = m.index;
		const stop = start + m[0].length;
		if (col < start || col > stop || line[stop] !== ':') continue;
		const place = placeAt(text, lineStart + stop);
		if (!place || place.mode !== 'key') return null;
		return { path: [...place.container, m[0]], from: lineStart + start, to: lineStart + stop };
	}
	return null;
}
