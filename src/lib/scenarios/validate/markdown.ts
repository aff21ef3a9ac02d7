/**
 * Scenario text is shown to learners: markdown that could run code (a script
 * tag, an event handler, a script URL) is refused before it is ever rendered.
 */
import type { PathPart } from '../parse';
import type { CrossCheck } from './cross-check';

const MARKDOWN_DANGER: [RegExp, string][] = [
	[/<\s*script\b/i, 'a <script> tag'],
	[/<\s*(iframe|object|embed|style|link|meta|form|base)\b/i, 'an <$1> tag'],
	[/<[^>]*\son[a-z]+\s*=/i, 'an event-handler attribute (on...=)'],
	[/(?:javascript|vbscript|data)\s*:/i, 'a script URL (javascript:, vbscript: or data:)']
];

export function checkMarkdown(cx: CrossCheck, path: PathPart[], text: string | undefined): void {
	if (!text) return;
	for (const [pattern, what] of MARKDOWN_DANGER) {
		const match = pattern.exec(text);
		if (!match) continue;
		if (path[0] === 'briefing') {
			const line = cx.parsed.briefingLine + text.slice(0, match.index).split('\n').length - 1;
			cx.problems.push({
				file: cx.parsed.file,
				line,
				column: match.index - text.lastIndexOf('\n', match.index - 1),
				path: 'briefing',
				message: `markdown must not contain ${what.replace('$1', match[1] ?? '')}: scenario text is shown to learners and may not run code`
			});
		} else
			cx.report(
				path,
				`markdown must not contain ${what.replace('$1', match[1] ?? '')}: scenario text is shown to learners and may not run code`
			);
	}
}
