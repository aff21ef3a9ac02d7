import { describe, expect, it } from 'vitest';
import type { ClassRow } from '$lib/lrs/class-results';
import { labActivityId } from '$lib/lrs/vocabulary';
import { filterRows, labChoices, nextSort, sortRows } from './class-table';

const row = (name: string, o: Partial<ClassRow> = {}): ClassRow => ({
	lab: labActivityId('banking-outage'),
	labTitle: 'Banking outage',
	learner: `mailto:${name.toLowerCase()}@example.org`,
	name,
	email: `${name.toLowerCase()}@example.org`,
	account: '',
	attempts: 1,
	best: null,
	passed: false,
	skills: null,
	durationMs: null,
	hints: null,
	lastAt: null,
	...o
});

const ana = row('Ana', { best: 0.9, attempts: 3, passed: true, durationMs: 750_000, hints: 1 });
const ben = row('ben', { best: 0.45, attempts: 1, durationMs: 3_720_000, hints: 0 });
const cy = row('Cy'); // launched, never finished: no figures
const dee = row('Dee', { best: 0.45, attempts: 2, labTitle: 'Adobe upgrade' });

describe('sortRows', () => {
	it('sorts figures either way, with rows that have none last both times', () => {
		const names = (column: 'best' | 'time', dir: 'asc' | 'desc') =>
			sortRows([cy, ben, ana, dee], { column, dir }).map((r) => r.name);
		expect(names('best', 'desc')).toEqual(['Ana', 'ben', 'Dee', 'Cy']);
		expect(names('best', 'asc')).toEqual(['ben', 'Dee', 'Ana', 'Cy']);
		expect(names('time', 'asc')).toEqual(['Ana', 'ben', 'Cy', 'Dee']);
	});

	it('sorts words A to Z whatever their case, and by lab', () => {
		expect(sortRows([cy, ben, ana], { column: 'name', dir: 'asc' }).map((r) => r.name)).toEqual([
			'Ana',
			'ben',
			'Cy'
		]);
		expect(sortRows([ana, dee], { column: 'lab', dir: 'asc' }).map((r) => r.name)).toEqual([
			'Dee',
			'Ana'
		]);
	});
});

describe('nextSort', () => {
	it('starts figures high to low and words A to Z, and turns on a second click', () => {
		const start = { column: 'name', dir: 'asc' } as const;
		expect(nextSort(start, 'best')).toEqual({ column: 'best', dir: 'desc' });
		expect(nextSort({ column: 'best', dir: 'desc' }, 'best')).toEqual({
			column: 'best',
			dir: 'asc'
		});
		expect(nextSort({ column: 'best', dir: 'desc' }, 'lab')).toEqual({ column: 'lab', dir: 'asc' });
		expect(nextSort(start, 'name')).toEqual({ column: 'name', dir: 'desc' });
	});
});

describe('filterRows', () => {
	it('matches every word in the name, e-mail or account, in any case', () => {
		const kim = row('Kim', { email: '', account: 'kim42 (https://lms.example.org)' });
		const rows = [ana, ben, kim];
		expect(filterRows(rows, '').map((r) => r.name)).toEqual(['Ana', 'ben', 'Kim']);
		expect(filterRows(rows, '  BEN ').map((r) => r.name)).toEqual(['ben']);
		expect(filterRows(rows, 'kim42').map((r) => r.name)).toEqual(['Kim']);
		expect(filterRows(rows, 'ana example.org').map((r) => r.name)).toEqual(['Ana']);
		expect(filterRows(rows, 'ana ben')).toEqual([]);
	});
});

describe('labChoices', () => {
	it('offers each lab by title with its activity id', () => {
		const choices = labChoices([
			{ scenario: { id: 'zeta', title: 'Zeta lab' } },
			{ scenario: { id: 'a b', title: 'alpha lab' } }
		]);
		expect(choices).toEqual([
			{ id: 'a b', title: 'alpha lab', activity: labActivityId('a b') },
			{ id: 'zeta', title: 'Zeta lab', activity: labActivityId('zeta') }
		]);
	});
});
