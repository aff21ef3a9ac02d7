/**
 * How the Class results table orders and narrows its rows: a column heading
 * sorts (figures high to low first, words A to Z), rows without a figure sort
 * last either way, and a learner filter matches name, e-mail or account.
 * Pure, so the page's state only holds the choices.
 */
import type { ClassRow } from '$lib/lrs/class-results';
import { labActivityId } from '$lib/lrs/vocabulary';

export type SortColumn =
	'name' | 'lab' | 'attempts' | 'best' | 'passed' | 'time' | 'hints' | 'last';
export interface ColumnSort {
	column: SortColumn;
	dir: 'asc' | 'desc';
}
export interface LabChoice {
	id: string;
	title: string;
	activity: string;
}

/** What each sortable column's heading says. */
export const HEADINGS: Record<SortColumn, string> = {
	name: 'Learner',
	lab: 'Lab',
	attempts: 'Attempts',
	best: 'Best score',
	passed: 'Passed',
	time: 'Time',
	hints: 'Hints',
	last: 'Last attempt'
};

/** Figures read best-first: their first click sorts high to low. */
const FIRST_DESCENDING: SortColumn[] = ['attempts', 'best', 'passed', 'time', 'hints', 'last'];

/** A click on a heading: sort by it, or turn it the other way if it already sorts. */
export function nextSort(current: ColumnSort, column: SortColumn): ColumnSort {
	if (current.column === column) return { column, dir: current.dir === 'asc' ? 'desc' : 'asc' };
	return { column, dir: FIRST_DESCENDING.includes(column) ? 'desc' : 'asc' };
}

/** The value a column sorts on; null (no score, no time) always sorts last. */
function sortValue(row: ClassRow, column: SortColumn): string | number | null {
	switch (column) {
		case 'name':
			return row.name;
		case 'lab':
			return row.labTitle;
		case 'attempts':
			return row.attempts;
		case 'best':
			return row.best;
		case 'passed':
			return row.passed ? 1 : 0;
		case 'time':
			return row.durationMs;
		case 'hints':
			return row.hints;
		case 'last':
			return row.lastAt;
	}
}

const words = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function sortRows(rows: readonly ClassRow[], sort: ColumnSort): ClassRow[] {
	const sign = sort.dir === 'asc' ? 1 : -1;
	return [...rows].sort((a, b) => {
		const x = sortValue(a, sort.column);
		const y = sortValue(b, sort.column);
		if (x === null || y === null) {
			if (x !== y) return x === null ? 1 : -1;
		} else {
			const order =
				typeof x === 'string' ? words.compare(x, String(y)) : x - (typeof y === 'number' ? y : 0);
			if (order) return sign * order;
		}
		// Ties keep a stable, readable order: by learner, then by lab.
		return words.compare(a.name, b.name) || words.compare(a.labTitle, b.labTitle);
	});
}

/** A learner matches when every word appears in the name, e-mail or account, in any case. */
export function filterRows(rows: readonly ClassRow[], text: string): ClassRow[] {
	const wanted = text.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
	if (!wanted.length) return [...rows];
	return rows.filter((r) => {
		const hay = `${r.name} ${r.email} ${r.account}`.toLocaleLowerCase();
		return wanted.every((w) => hay.includes(w));
	});
}

/** The catalogue's labs as the lab filter offers them, by title. */
export function labChoices(
	labs: readonly { scenario: { id: string; title: string } }[]
): LabChoice[] {
	return labs
		.map(({ scenario }) => ({
			id: scenario.id,
			title: scenario.title,
			activity: labActivityId(scenario.id)
		}))
		.sort((a, b) => words.compare(a.title, b.title));
}

/** Today as yyyy-mm-dd, for a file name. */
export const today = (now = Date.now()) => new Date(now).toISOString().slice(0, 10);
