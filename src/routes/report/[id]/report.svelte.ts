/**
 * The report page's state: the attempt read from the browser, its grade
 * re-derived from the journal (never read from the stored record), the
 * timeline, the replay of one action, the exports, and the words the page
 * shows for each figure.
 */
import { download } from '$lib/components/download';
import type { JournalEntry, World } from '$lib/domain';
import type { AttemptRecord } from '$lib/db/attempts-db';
import type { Scenario } from '$lib/scenarios/types';
import { getAttempt, openAttemptWorld } from '$lib/services/attempts';
import { scenarioForAttempt } from '$lib/services/catalogue';
import { checkIntegrity, type Integrity } from '$lib/services/integrity';
import { replayTo, timeline, type TimelineItem } from '$lib/services/replay';
import { buildReport, reportToCsv, reportToXapi, type Report } from '$lib/services/report';

interface Loaded {
	scenario: Scenario;
	attempt: AttemptRecord;
	world: World;
	journal: JournalEntry[];
	integrity: Integrity;
}

export class ReportPage {
	// Raw: the world and scenario are replayed by the engine, which clones them.
	data = $state.raw<Loaded | null>(null);
	problem = $state<string | null>(null);
	/** The journal entry whose help desk is replayed below the timeline. */
	selected = $state<number | null>(null);

	readonly report = $derived<Report | null>(
		this.data
			? buildReport(
					this.data.scenario,
					this.data.attempt,
					this.data.world,
					this.data.journal,
					this.data.integrity
				)
			: null
	);
	readonly items = $derived<TimelineItem[]>(
		this.data ? timeline(this.data.scenario, this.data.world, this.data.journal) : []
	);
	readonly replay = $derived(
		this.data && this.selected !== null
			? replayTo(this.data.scenario, this.data.journal, this.selected)
			: null
	);
	readonly ended = $derived(this.report?.ended ?? false);
	/** An assessment still running: its results are held back. */
	readonly feedbackHidden = $derived(this.report?.mode === 'assessment' && !this.ended);

	async load(id: string) {
		this.data = null;
		this.problem = null;
		this.selected = null;
		try {
			const attempt = await getAttempt(id);
			if (!attempt) return void (this.problem = 'There is no such attempt in this browser.');
			const scenario = await scenarioForAttempt(attempt);
			if (!scenario)
				return void (this.problem = `The lab “${attempt.scenarioTitle}” is no longer available here.`);
			const store = await openAttemptWorld(attempt);
			if (!store)
				return void (this.problem =
					'This attempt’s help desk is missing from the browser storage.');
			const world = store.world;
			const journal = store.journal;
			store.close();
			const integrity = await checkIntegrity(scenario, attempt, world, journal);
			this.data = { scenario, attempt, world, journal, integrity };
		} catch {
			this.problem =
				'The report could not be built: the attempt could not be read from the browser storage.';
		}
	}

	step(delta: -1 | 1) {
		const last = this.data?.journal.length ?? 1;
		this.selected = Math.min(last, Math.max(1, (this.selected ?? 0) + delta));
	}

	/** The file name every export shares: lab and candidate. */
	private get base() {
		const r = this.report;
		return r
			? `deskdrill-${r.scenario.id}-${(r.candidate ?? 'practice').replace(/[^a-z0-9]+/gi, '-')}`
			: 'deskdrill-report';
	}

	exportJson() {
		if (this.report)
			download(`${this.base}.json`, 'application/json', JSON.stringify(this.report, null, 2));
	}
	exportCsv() {
		if (this.report) download(`${this.base}.csv`, 'text/csv', reportToCsv(this.report));
	}
	exportXapi() {
		if (this.report)
			download(
				`${this.base}.xapi.json`,
				'application/json',
				JSON.stringify(reportToXapi(this.report), null, 2)
			);
	}
}
