/**
 * Writing recorded lines into a lab's file: the front matter is edited
 * through the yaml package's Document API (parseDocument, set the node,
 * toString), which keeps the author's comments; the briefing after the
 * front matter is kept as it was, character for character. A command short
 * enough for one line is written in flow style, `{ as: john, do: ticket.claim,
 * ticket: adobe }`, as the bundled labs write them.
 */
import { isMap, isSeq, parseDocument, stringify, type Document, type Node } from 'yaml';
import type { BindSpec, ScriptCommand } from '../scenarios/types';

/** The longest command written on one line (a longer one is a block). */
const FLOW_WIDTH = 96;

interface FileParts {
	/** The opening "---" line and anything before it. */
	head: string;
	yaml: string;
	/** The closing "---" line and the briefing after it. */
	tail: string;
}

export class WriteError extends Error {}

export function splitFile(text: string): FileParts {
	const source = text.replace(/\r\n?/g, '\n');
	const open = /^\uFEFF?---[ \t]*\n/.exec(source);
	if (!open)
		throw new WriteError(
			'The file has no front matter (a first line "---"), so nothing was written.'
		);
	const rest = source.slice(open[0].length);
	const close = /^(---|\.\.\.)[ \t]*$/m.exec(rest);
	if (!close)
		throw new WriteError('The front matter is not closed by a line "---", so nothing was written.');
	return { head: open[0], yaml: rest.slice(0, close.index), tail: rest.slice(close.index) };
}

function parseFront(text: string): { parts: FileParts; doc: Document } {
	const parts = splitFile(text);
	const doc = parseDocument(parts.yaml);
	if (doc.errors.length)
		throw new WriteError(
			'The front matter has a YAML error (see the problems under the editor); fix it first, so nothing was written.'
		);
	if (!isMap(doc.contents))
		throw new WriteError('The front matter is not a mapping of fields, so nothing was written.');
	return { parts, doc };
}

function join({ head, tail }: FileParts, doc: Document): string {
	const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: true });
	return `${head}${yaml.endsWith('\n') ? yaml : `${yaml}\n`}${tail}`;
}

/** One line when it fits; nested objects of a block command flow when they fit. */
function styled(doc: Document, value: unknown): Node {
	const node = doc.createNode(value) as Node;
	const fits = (v: unknown) =>
		stringify(v, { collectionStyle: 'flow', lineWidth: 0, flowCollectionPadding: true }).trim()
			.length <= FLOW_WIDTH;
	const visit = (n: Node, v: unknown) => {
		if (!isMap(n) && !isSeq(n)) return;
		if (fits(v)) {
			n.flow = true;
			return;
		}
		for (const item of n.items as unknown[]) {
			const child = (isMap(n) ? (item as { value: unknown }).value : item) as Node | null;
			const key = isMap(n) ? String((item as { key: { value?: unknown } }).key?.value ?? '') : '';
			const childValue = isMap(n)
				? (v as Record<string, unknown>)[key]
				: (v as unknown[])[(n.items as unknown[]).indexOf(item)];
			if (child && typeof child === 'object') visit(child, childValue);
		}
	};
	if (isSeq(node)) node.items.forEach((item, i) => visit(item as Node, (value as unknown[])[i]));
	else visit(node, value);
	return node;
}

/** The file with `solution:` replaced by these commands. */
export function writeSolution(text: string, commands: ScriptCommand[]): string {
	const { parts, doc } = parseFront(text);
	const node = styled(doc, commands);
	if (doc.has('solution')) doc.set('solution', node);
	else doc.add(doc.createPair('solution', node));
	return join(parts, doc);
}

export interface RecordedAttempt {
	name: string;
	fails: string[];
	bind?: BindSpec[];
	commands: ScriptCommand[];
}

/**
 * The file with this attempt in `attempts:` (replacing one of the same name,
 * else added at the end).
 */
export function writeAttempt(text: string, attempt: RecordedAttempt): string {
	const { parts, doc } = parseFront(text);
	const value: Record<string, unknown> = { name: attempt.name, fails: attempt.fails };
	if (attempt.bind?.length) value['bind'] = attempt.bind;
	value['commands'] = attempt.commands;
	const node = doc.createNode(value) as Node;
	if (isMap(node)) {
		const fails = node.get('fails', true);
		if (isSeq(fails)) fails.flow = true;
		if (attempt.bind?.length) node.set('bind', styled(doc, attempt.bind));
		node.set('commands', styled(doc, attempt.commands));
	}
	let attempts = doc.get('attempts', true);
	if (!isSeq(attempts)) {
		doc.set('attempts', doc.createNode([]));
		attempts = doc.get('attempts', true);
	}
	if (!isSeq(attempts)) throw new WriteError('The attempts could not be written.');
	const at = attempts.items.findIndex((item) => isMap(item) && item.get('name') === attempt.name);
	if (at >= 0) attempts.items[at] = node;
	else attempts.items.push(node);
	return join(parts, doc);
}
