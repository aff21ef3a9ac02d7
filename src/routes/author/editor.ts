/**
 * The CodeMirror 6 editor of the Author page: YAML front matter with the
 * markdown briefing after it, completion and hover docs from the scenario
 * schema (authoring/schema-help.ts), and the problems of the last check
 * marked at their line and column. Imported lazily by LabEditor.svelte, so
 * CodeMirror loads only on this page.
 */
import { basicSetup } from 'codemirror';
import { EditorState } from '@codemirror/state';
import { EditorView, hoverTooltip, keymap } from '@codemirror/view';
import { autocompletion, type CompletionContext } from '@codemirror/autocomplete';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { indentWithTab } from '@codemirror/commands';
import { yamlFrontmatter } from '@codemirror/lang-yaml';
import { defineLanguageFacet, Language, languageDataProp } from '@codemirror/language';
import { parser as markdownParser } from '@lezer/markdown';
import { completeAt, hoverAt } from '$lib/authoring/schema-help';
import type { Problem } from '$lib/scenarios/types';

export interface LabEditorView {
	setText(text: string): void;
	showProblems(problems: Problem[]): void;
	jumpTo(line: number, column: number): void;
	/** Scroll a line to the top of the editor, without taking the focus. */
	reveal(line: number): void;
	destroy(): void;
}

/**
 * The briefing's markdown, highlighted by the Lezer markdown parser alone:
 * @codemirror/lang-markdown would also bring the HTML, CSS and JavaScript
 * grammars for embedded code, several times the weight, for a briefing.
 */
const briefingData = defineLanguageFacet();
const briefing = new Language(
	briefingData,
	markdownParser.configure({ props: [languageDataProp.add({ Document: briefingData })] }),
	[],
	'markdown'
);

function complete(context: CompletionContext) {
	const found = completeAt(context.state.doc.toString(), context.pos);
	if (!found) return null;
	if (found.from === context.pos && !context.explicit && found.options.length > 40) return null;
	return {
		from: found.from,
		options: found.options.map((o) => ({ label: o.label, type: o.type, info: o.detail })),
		validFor: /^[\w.-]*$/
	};
}

const hover = hoverTooltip((view, pos) => {
	const found = hoverAt(view.state.doc.toString(), pos);
	if (!found) return null;
	return {
		pos: found.from,
		end: found.to,
		above: true,
		create() {
			const dom = document.createElement('div');
			dom.className = 'schema-doc';
			const title = document.createElement('strong');
			title.textContent = found.title;
			const text = document.createElement('p');
			text.textContent = found.text;
			dom.append(title, text);
			return { dom };
		}
	};
});

/** A problem's place in the document (lines and columns from 1), clamped to the text. */
function position(state: EditorState, line: number, column: number): { from: number; to: number } {
	const l = state.doc.line(Math.min(Math.max(line, 1), state.doc.lines));
	const from = Math.min(l.from + Math.max(column - 1, 0), l.to);
	const word = /^[^\s,:{}[\]]+/.exec(state.doc.sliceString(from, l.to))?.[0].length ?? 0;
	return { from, to: word ? from + word : l.to > from ? l.to : from };
}

export function createLabEditor(
	parent: HTMLElement,
	text: string,
	onchange: (text: string) => void,
	label: string
): LabEditorView {
	const view = new EditorView({
		parent,
		state: EditorState.create({
			doc: text,
			extensions: [
				basicSetup,
				keymap.of([indentWithTab]),
				EditorState.tabSize.of(2),
				yamlFrontmatter({ content: briefing }),
				autocompletion({ override: [complete] }),
				hover,
				lintGutter(),
				EditorView.lineWrapping,
				// tabindex: the text is already in the tab order (contenteditable); saying so lets
				// checkers see that its scrolling box can be reached by keyboard.
				EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
				EditorView.updateListener.of((update) => {
					if (update.docChanged) onchange(update.state.doc.toString());
				})
			]
		})
	});
	return {
		setText(next) {
			const current = view.state.doc.toString();
			if (next === current) return;
			view.dispatch({ changes: { from: 0, to: current.length, insert: next } });
		},
		showProblems(problems) {
			const state = view.state;
			const diagnostics: Diagnostic[] = problems.map((p) => ({
				...position(state, p.line, p.column),
				severity: 'error',
				message: p.path ? `${p.path}: ${p.message}` : p.message
			}));
			view.dispatch(setDiagnostics(state, diagnostics));
		},
		jumpTo(line, column) {
			const { from } = position(view.state, line, column);
			view.dispatch({ selection: { anchor: from }, scrollIntoView: true });
			view.focus();
		},
		reveal(line) {
			const { from } = position(view.state, line, 1);
			view.dispatch({ effects: EditorView.scrollIntoView(from, { y: 'start', yMargin: 8 }) });
		},
		destroy() {
			view.destroy();
		}
	};
}
