/**
 * The lab frame's words, kept out of the components so they are tested: hint
 * buttons as a trainee reads them, the timer and its spoken warnings, points,
 * and the short names the persona switcher shows.
 */
import { clockLabel } from '../thread/names';
import type { Hint } from '$lib/scenarios/types';
import type { Reader } from '$lib/domain';

/** "1 point", "3 points". */
export function points(n: number): string {
	return `${n} point${n === 1 ? '' : 's'}`;
}

/** What a hint costs, in words: "costs 2 points", or "free". */
function cost(hint: Pick<Hint, 'cost'>): string {
	return hint.cost > 0 ? `costs ${points(hint.cost)}` : 'free';
}

/**
 * The button that shows the next hint: "Show a hint (costs 1 point)", then
 * "Show a stronger hint (costs 3 points)". The level (nudge, guided, strong)
 * is the author's word, not the trainee's.
 */
export function hintButtonLabel(shown: number, next: Pick<Hint, 'cost'>): string {
	return `Show ${shown === 0 ? 'a hint' : 'a stronger hint'} (${cost(next)})`;
}

/** A shown hint's heading: "Hint 1", "Hint 2 (stronger)". */
export function hintHeading(index: number): string {
	return index === 0 ? 'Hint 1' : `Hint ${index + 1} (stronger)`;
}

/** A duration as a clock shows it: 4:05, 1:02:09. */
export function timerText(ms: number | null): string {
	if (ms === null) return '';
	const total = Math.max(0, Math.floor(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = String(total % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The timer turns to the warning colour under five minutes. */
export const WARN_MS = 5 * 60_000;

/**
 * What a screen reader is told about the time left: a sentence that changes
 * only as the time crosses 5 minutes, then 1 minute (so a polite live region
 * speaks twice in a whole assessment, never every second). Empty before.
 */
export function timeWarning(remainingMs: number | null): string {
	if (remainingMs === null || remainingMs <= 0) return '';
	if (remainingMs <= 60_000) return '1 minute left.';
	if (remainingMs <= WARN_MS) return '5 minutes left.';
	return '';
}

/**
 * The name each persona button shows when space is short: the first word of
 * the name ("Karen"), or the whole name where two personas share it.
 */
export function shortNames(names: readonly string[]): string[] {
	const first = names.map((n) => n.trim().split(/\s+/)[0] ?? n);
	return names.map((name, i) =>
		first.filter((f) => f === first[i]).length > 1 ? name : (first[i] ?? name)
	);
}

/** The help desk's clock as the bar shows it at `at` (a following clock runs ahead of the world's). */
export function deskClockLabel(reader: Reader, at: number): string {
	return clockLabel({ ...reader, meta: { ...reader.meta, clock: at } });
}

/**
 * A paste, as the reviewer is told it: how many characters, and the field
 * they went into, by the name a person reads (its label, else its name).
 */
export function pasteOf(event: ClipboardEvent): [length: number, where: string] {
	const text = event.clipboardData?.getData('text/plain') ?? '';
	const target = event.target as HTMLElement | null;
	const field = target as (HTMLElement & { labels?: NodeListOf<HTMLLabelElement> | null }) | null;
	const label =
		field?.getAttribute?.('aria-label') ??
		field?.labels?.[0]?.textContent?.trim() ??
		field?.getAttribute?.('name') ??
		field?.tagName?.toLowerCase() ??
		'the page';
	return [text.length, label || 'an unnamed field'];
}
