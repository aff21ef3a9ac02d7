/**
 * The Class results page's state: which LRS it reads (the one saved in
 * Settings), which lab (or all of them, one query each), the rows the LRS's
 * statements make, how the instructor sorts and filters them, and the CSV of
 * what is shown. The page only shows this; the reading is $lib/lrs/query's,
 * the ordering ./class-table's.
 */
import { loadLrsConfig, type LrsConfig } from '$lib/lrs/config';
import { classCsv, skillColumns, type ClassRow } from '$lib/lrs/class-results';
import { readClassResults } from '$lib/lrs/query';
import { bundledCatalogue, fullCatalogue } from '$lib/services/catalogue';
import {
	filterRows,
	labChoices,
	nextSort,
	sortRows,
	today,
	type ColumnSort,
	type LabChoice,
	type SortColumn
} from './class-table';

const why = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class ClassResultsState {
	/** null: none saved; undefined: not read yet. */
	config = $state.raw<LrsConfig | null | undefined>(undefined);
	labs = $state.raw<LabChoice[]>([]);
	/** A lab id, or 'all'. */
	lab = $state('all');
	rows = $state.raw<ClassRow[]>([]);
	loading = $state(false);
	/** Why the last refresh read nothing (or not everything), in words. */
	errors = $state.raw<string[]>([]);
	/** Labs whose statements passed the reading cap: their figures may miss the latest. */
	truncated = $state.raw<string[]>([]);
	loadedAt = $state<number | null>(null);
	filter = $state('');
	sort = $state.raw<ColumnSort>({ column: 'name', dir: 'asc' });
	/** Each refresh gets a number; only the latest one's answer is shown. */
	#generation = 0;

	readonly allLabs = $derived(this.lab === 'all');
	readonly shown = $derived(sortRows(filterRows(this.rows, this.filter), this.sort));
	readonly skills = $derived(skillColumns(this.rows));

	async init() {
		try {
			this.labs = labChoices((await fullCatalogue()).labs);
		} catch {
			// No storage here: the shipped labs can still be looked up.
			this.labs = labChoices(bundledCatalogue().labs);
		}
		try {
			this.config = await loadLrsConfig();
		} catch (error) {
			this.config = null;
			this.errors = [`The saved LRS settings could not be read from this browser: ${why(error)}`];
		}
		if (this.config) await this.refresh();
	}

	async refresh() {
		const config = this.config;
		if (!config) return;
		const generation = ++this.#generation;
		const labs = this.allLabs ? this.labs : this.labs.filter((l) => l.id === this.lab);
		this.loading = true;
		const read = await readClassResults(config, labs);
		if (generation !== this.#generation) return;
		this.rows = read.rows;
		this.truncated = read.truncated;
		this.errors = read.errors;
		this.loadedAt = Date.now();
		this.loading = false;
	}

	async chooseLab(lab: string) {
		this.lab = lab;
		await this.refresh();
	}

	sortBy(column: SortColumn) {
		this.sort = nextSort(this.sort, column);
	}

	ariaSort(column: SortColumn): 'ascending' | 'descending' | undefined {
		if (this.sort.column !== column) return undefined;
		return this.sort.dir === 'asc' ? 'ascending' : 'descending';
	}

	/** The rows shown (filtered and sorted as on screen), as a CSV file. */
	downloadCsv() {
		const url = URL.createObjectURL(
			new Blob([classCsv(this.shown)], { type: 'text/csv;charset=utf-8' })
		);
		const a = document.createElement('a');
		a.href = url;
		a.download = `deskdrill-class-${this.allLabs ? 'all-labs' : this.lab}-${today()}.csv`;
		a.click();
		setTimeout(() => URL.revokeObjectURL(url), 1000);
	}
}
