/**
 * The report page's state: the attempt read from the browser, its grade
 * re-derived from the journal (never read from the stored record), the
 * timeline, the replay of one action, the exports, the words the page
 * shows for each figure, and where its results stand with the learning
 * record store ("Send now").
 */
import { download } from '$lib/components/download';
import type { JournalEntry, World } from '$lib/domain';
import type { AttemptRecord } from '$lib/db/attempts-db';
import type { Scenario } from '$lib/scenarios/types';
import { getAttempt, openAttemptWorld } from '$lib/services/attempts';
import { scenarioForAttempt } from '$lib/services/catalogue';
import { checkIntegrity, type Integrity } from '$lib/services/integrity';
import { replayTo, timeline, type TimelineItem } from '$lib/services/replay';
import { buildReport, reportToCsv, type Report } from '$lib/services/report';
import { loadLrsConfig } from '$lib/lrs/config';
import { attemptFacts, attemptStatements, reportLearner } from '$lib/lrs/statements';
import { learnerOf, sendingState, watchOutbox, type SendingState } from '$lib/lrs/outbox';
import { queueEnded, sendAttemptNow } from '$lib/lrs/lifecycle';

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
	/** Why the xAPI export was not written (a statement the validator refused). */
	exportProblem = $state<string | null>(null);
	/** The attempt's statements in the LRS outbox, summed up; followed live. */
	sending = $state<SendingState>({ state: 'none' });
	/** An LRS is set up in Settings. */
	lrsConfigured = $state(false);
	/** "Send now" is running, or why it could not. */
	sendBusy = $state(false);
	sendProblem = $state<string | null>(null);
	#unwatch: (() => void) | null = null;
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
			await this.#followSending(attempt);
		} catch {
			this.problem =
				'The report could not be built: the attempt could not be read from the browser storage.';
		}
	}

	/** Follow the outbox, and queue an ended attempt's results if sending is automatic (a time-out with no tab open). */
	async #followSending(attempt: AttemptRecord) {
		this.close();
		this.#unwatch = watchOutbox(attempt.id, (rows) => (this.sending = sendingState(rows)));
		this.lrsConfigured = (await loadLrsConfig()) !== null;
		if (this.report) this.sendProblem = await queueEnded(attempt, this.report);
	}

	/** Stop following the outbox (the page is leaving). */
	close() {
		this.#unwatch?.();
		this.#unwatch = null;
	}

	/** Queue this attempt's statements as the report stands and send everything waiting now. */
	async sendNow() {
		if (!this.data || !this.report || this.sendBusy) return;
		this.sendBusy = true;
		this.sendProblem = await sendAttemptNow(this.data.attempt, this.report);
		this.sendBusy = false;
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
	/** The attempt's statements, built and validated as the LRS gets them (an invalid one is never written). */
	async exportXapi() {
		const { report, data } = this;
		if (!report || !data) return;
		try {
			const config = await loadLrsConfig();
			const learner = reportLearner(report, config ? learnerOf(config) : null);
			const { validated } = await import('$lib/lrs/validate');
			const statements = validated(
				attemptStatements(attemptFacts(data.attempt, report.startedAt), learner, report)
			);
			this.exportProblem = null;
			download(`${this.base}.xapi.json`, 'application/json', JSON.stringify(statements, null, 2));
		} catch (error) {
			this.exportProblem = `The xAPI file was not written: ${(error as Error).message}`;
		}
	}
}
