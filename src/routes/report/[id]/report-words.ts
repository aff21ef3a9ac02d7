/**
 * The report's figures in words, plural-aware ("1 hint (−1 point)"), with
 * durations as a trainee reads them. Pure, for the report page.
 */
import { count, durationLabel } from '$lib/components/labels';
import type { Report } from '$lib/services/report';

/** "submitted", "ended when time ran out", "still in progress". */
export function statusWords(status: Report['status']): string {
	switch (status) {
		case 'timedOut':
			return 'ended when time ran out';
		case 'submitted':
			return 'submitted';
		default:
			return 'still in progress';
	}
}

/** The figures under the score, each as a label and its words. */
export function reportFacts(report: Report): { label: string; value: string }[] {
	const facts = [
		{
			label: 'Time taken',
			value: `${durationLabel(report.durationMs)}${report.timeLimitMs ? ` of ${durationLabel(report.timeLimitMs)}` : ''}`
		},
		{
			label: 'Hints used',
			value: report.hintsUsed
				? `${count(report.hintsUsed, 'hint')} (−${count(report.hintPoints, 'point')})`
				: 'None'
		}
	];
	if (report.solutionsShown.length)
		facts.push({
			label: 'Solutions shown',
			value: `${count(report.solutionsShown.length, 'step')} (−${count(report.solutionPoints, 'point')})`
		});
	facts.push({
		label: 'Actions',
		value: `${count(report.commands, 'action')}, ${report.refusals ? `${report.refusals} refused` : 'none refused'}`
	});
	if (report.mode === 'assessment')
		facts.push({
			label: 'Window left',
			value: `${count(report.focusLosses, 'time')} (for a reviewer to weigh)`
		});
	return facts;
}

/** A step's points with what they lost: "4/10 (−2 for 1 hint, −4 for the solution)". */
export function pointsWords(s: Report['steps'][number]): { points: string; lost: string } {
	const lost = [
		s.hintPenalty ? `−${s.hintPenalty} for ${count(s.hintsUsed, 'hint')}` : null,
		s.solutionShown ? `−${s.solutionPenalty} for the solution` : null
	].filter(Boolean);
	return { points: `${s.points}/${s.maxPoints}`, lost: lost.join(', ') };
}
