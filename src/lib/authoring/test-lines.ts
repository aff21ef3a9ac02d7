/**
 * The lines `npm run scenarios:test` prints for one lab, as data, so the
 * command line and the Author page's "Run the self-test" say the same thing:
 * the reference solution, one line per attempt (with its problems under it),
 * the lab's own problems, then one line per variant proved.
 */
import type { Scenario } from '../scenarios/types';
import { failureLines, proveVariants, selfTest } from './selftest';

export interface TestLine {
	/** null: a detail line under the one before it. */
	ok: boolean | null;
	text: string;
}

export interface LabTestLines {
	ok: boolean;
	lines: TestLine[];
	attempts: number;
	variants: number;
}

export function labTestLines(scenario: Scenario): LabTestLines {
	const lines: TestLine[] = [];
	const outcome = selfTest(scenario);
	const g = outcome.solution;
	lines.push({
		ok: !!g && g.score === g.maxScore,
		text: `reference solution: expected ${g?.maxScore ?? '?'}/${g?.maxScore ?? '?'}, got ${g?.score ?? '?'}/${g?.maxScore ?? '?'}`
	});
	for (const line of outcome.attempts) {
		lines.push({ ok: line.ok, text: `${line.name}: expected ${line.expected}; got ${line.got}` });
		for (const problem of line.problems) lines.push({ ok: null, text: problem });
	}
	for (const problem of outcome.problems) lines.push({ ok: false, text: problem });
	// A lab with variables: the same proof in every variant (or a fixed sample of them).
	let variantsOk = true;
	let variants = 0;
	for (const line of proveVariants(scenario)) {
		variants++;
		variantsOk &&= line.ok;
		const r = line.result;
		const attempts = r
			? `${r.attempts.filter((a) => a.ok).length}/${r.attempts.length} attempts as declared`
			: 'not made';
		const vg = r?.solution;
		lines.push({
			ok: line.ok,
			text: `variant ${line.seed} (${line.values}): solution ${vg?.score ?? '?'}/${vg?.maxScore ?? '?'}, ${attempts}`
		});
		for (const problem of [...line.problems, ...(r ? failureLines(r) : [])])
			lines.push({ ok: null, text: problem });
	}
	return {
		ok: outcome.ok && variantsOk,
		lines,
		attempts: outcome.attempts.length,
		variants
	};
}

/** A line as the command line prints it: "  ok   …", "  FAIL …", or "       …" under it. */
export function cliLine(line: TestLine): string {
	if (line.ok === null) return `       ${line.text}`;
	return `  ${line.ok ? 'ok  ' : 'FAIL'} ${line.text}`;
}
