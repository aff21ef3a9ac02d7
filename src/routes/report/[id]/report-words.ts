/**
 * The report's figures in words, plural-aware ("1 hint (−1 point)"), with
 * durations as a trainee reads them, and where its results stand with the
 * learning record store. Pure, for the report page.
 */
import { count, durationLabel } from '$lib/components/labels';
import type { Report } from '$lib/services/report';
import type { SendingState } from '$lib/lrs/outbox';
import { wallTimeLabel } from '$lib/components/thread/names';

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

/** How the attempt's results stand with the learning record store, in words and a badge tone. */
export function sendingWords(
	sending: SendingState,
	configured: boolean,
	now: number
): { tone: 'ok' | 'warn' | 'danger' | 'neutral'; label: string; detail: string } {
	switch (sending.state) {
		case 'sent':
			return {
				tone: 'ok',
				label: 'Sent',
				detail: `${count(sending.count, 'statement')} received by the LRS${sending.stored ? `, stored ${wallTimeLabel(Date.parse(sending.stored))}` : ''}.`
			};
		case 'waiting':
			return {
				tone: 'warn',
				label: 'Waiting',
				detail: `${count(sending.count, 'statement')} waiting to be sent; next try ${sending.nextTryAt <= now ? 'now' : wallTimeLabel(sending.nextTryAt)}.${sending.message ? ` ${sending.message}` : ''}`
			};
		case 'refused':
			return {
				tone: 'danger',
				label: 'Refused',
				detail: `${count(sending.count, 'statement')} refused, not to be sent as they are: ${sending.messages.join(' · ')}`
			};
		default:
			return {
				tone: 'neutral',
				label: 'Not sent',
				detail: configured
					? 'Nothing of this attempt has gone to the LRS yet. “Send now” sends its results.'
					: 'No learning record store is set up: add one in Settings → Learning Record Store to send results.'
			};
	}
}
