/**
 * The app's side of a SCORM launch: once launch.ts has found the LMS's API
 * and initialised it, this reports the attempt on screen to the LMS, in the
 * version's own words: status (1.2 lesson_status; 2004 completion_status and
 * success_status), score (raw, min, max; 2004 also scaled), session time,
 * and suspend_data to resume the attempt (suspend.ts). Final values are sent
 * and committed when the attempt ends (submitted or timed out); on leaving
 * the page the session time and suspend_data are set, then commit and finish.
 *
 * One session per page: the LMS allows one Initialize per launch, so this is
 * a module-level value by nature (set by openScormSession); outside an LMS
 * there is none and trackAttempt returns null, so the app runs as it always has.
 */
import type { AttemptRecord } from '../db/attempts-db';
import type { JournalEntry } from '../domain';
import { isEnded } from '../services/session-machine';
import { PASS_MARK } from '../services/report';
import { discover, type LmsConnection, type ScormVersion, type WindowLike } from './api';
import { encodeSuspend, SUSPEND_LIMIT } from './suspend';
import { scorm12Time, scorm2004Time } from './time';

/** What the session reads from the attempt on screen (LabState), always fresh. */
export interface TrackedAttempt {
	record(): AttemptRecord;
	journal(): JournalEntry[];
	grade(): { score: number; maxScore: number };
}

/** The version's element names for what Deskdrill reports. */
const KEYS = {
	'1.2': {
		entry: 'cmi.core.entry',
		exit: 'cmi.core.exit',
		sessionTime: 'cmi.core.session_time',
		raw: 'cmi.core.score.raw',
		min: 'cmi.core.score.min',
		max: 'cmi.core.score.max'
	},
	'2004': {
		entry: 'cmi.entry',
		exit: 'cmi.exit',
		sessionTime: 'cmi.session_time',
		raw: 'cmi.score.raw',
		min: 'cmi.score.min',
		max: 'cmi.score.max'
	}
} as const;

export class ScormSession {
	readonly version: ScormVersion;
	/** The LMS relaunched a suspended attempt (cmi.core.entry / cmi.entry = resume). */
	readonly resuming: boolean;
	/** What the LMS kept from the last session ('' if nothing). */
	readonly suspendData: string;
	#tracked: TrackedAttempt | null = null;
	/** The last attempt followed, kept after its page closed, for the suspend_data on exit. */
	#last: { record: AttemptRecord; journal: JournalEntry[] } | null = null;
	/** The attempt id whose final result was already sent. */
	#reported: string | null = null;
	#finished = false;

	constructor(
		private readonly lms: LmsConnection,
		private readonly startedAt = Date.now()
	) {
		this.version = lms.version;
		this.resuming = lms.get(KEYS[this.version].entry) === 'resume';
		this.suspendData = lms.get('cmi.suspend_data');
	}

	get finished(): boolean {
		return this.#finished;
	}

	/** Follow the attempt now on screen: it is the one the LMS is told about. */
	follow(attempt: TrackedAttempt): void {
		this.#tracked = attempt;
		const record = attempt.record();
		if (!isEnded(record.status) && this.#reported !== record.id) this.#status('open');
		this.changed();
	}

	/** The attempt's page closed: keep its last state for the suspend_data on exit. */
	release(attempt: TrackedAttempt): void {
		if (this.#tracked !== attempt) return;
		this.#snapshot();
		this.#tracked = null;
		this.saveSuspend();
	}

	/** The attempt record changed: once it has ended, send the result and commit. */
	changed(): void {
		const tracked = this.#tracked;
		if (!tracked || this.#finished) return;
		const record = tracked.record();
		if (!isEnded(record.status) || this.#reported === record.id) return;
		const { score, maxScore } = tracked.grade();
		const k = KEYS[this.version];
		this.lms.set(k.raw, String(score));
		this.lms.set(k.min, '0');
		this.lms.set(k.max, String(maxScore));
		const scaled = maxScore > 0 ? score / maxScore : 0;
		if (this.version === '2004') this.lms.set('cmi.score.scaled', String(round(scaled)));
		this.#status(maxScore === 0 ? 'completed' : scaled >= PASS_MARK ? 'passed' : 'failed');
		this.#reported = record.id;
		this.saveSuspend();
		this.lms.commit();
	}

	/**
	 * Write suspend_data from the attempt followed (or last followed). Returns
	 * how many journal entries it holds; the rest, if any, stays in IndexedDB.
	 */
	saveSuspend(): { kept: number; total: number } | null {
		if (this.#finished) return null;
		if (this.#tracked) this.#snapshot();
		const last = this.#last;
		if (!last) return null;
		const packed = encodeSuspend(last.record, last.journal, SUSPEND_LIMIT[this.version]);
		if (!packed) return null;
		this.lms.set('cmi.suspend_data', packed.data);
		return { kept: packed.kept, total: packed.total };
	}

	/**
	 * Leaving (the page unloads): session time, how the learner left (suspend
	 * while the attempt is open, so the LMS offers to resume it), suspend_data,
	 * commit and finish. Once; the API refuses calls after finish.
	 */
	exit(now = Date.now()): void {
		if (this.#finished) return;
		const k = KEYS[this.version];
		const ms = now - this.startedAt;
		this.lms.set(k.sessionTime, this.version === '1.2' ? scorm12Time(ms) : scorm2004Time(ms));
		this.saveSuspend();
		const open = this.#last ? !isEnded(this.#last.record.status) : true;
		this.lms.set(k.exit, open ? 'suspend' : this.version === '1.2' ? '' : 'normal');
		this.lms.commit();
		this.lms.finish();
		this.#finished = true;
	}

	#snapshot(): void {
		const tracked = this.#tracked;
		if (tracked) this.#last = { record: tracked.record(), journal: tracked.journal() };
	}

	/** Open: under way; completed: ended with nothing to score; else the pass mark decides. */
	#status(status: 'open' | 'completed' | 'passed' | 'failed'): void {
		if (this.version === '1.2') {
			this.lms.set('cmi.core.lesson_status', status === 'open' ? 'incomplete' : status);
			return;
		}
		this.lms.set('cmi.completion_status', status === 'open' ? 'incomplete' : 'completed');
		this.lms.set(
			'cmi.success_status',
			status === 'passed' || status === 'failed' ? status : 'unknown'
		);
	}
}

function round(n: number): number {
	return Math.round(n * 10000) / 10000;
}

let current: ScormSession | null = null;

/**
 * Find the LMS from `win` and initialise it; null outside an LMS (or if the
 * LMS refuses to initialise). The session exits when the page is left.
 */
export function openScormSession(win: Window, version?: ScormVersion): ScormSession | null {
	if (current) return current;
	const lms = discover(win as unknown as WindowLike, version);
	if (!lms || !lms.initialize()) return null;
	const session = new ScormSession(lms);
	const leave = () => session.exit();
	// pagehide is the last event a page reliably gets (also on mobile); beforeunload for LMSs
	// that tear the frame down without it. exit() runs once.
	win.addEventListener('pagehide', leave);
	win.addEventListener('beforeunload', leave);
	current = session;
	return session;
}

/** The LMS session of this page, if the app was launched by an LMS. */
export function scormSession(): ScormSession | null {
	return current;
}

/** Report `attempt` to the LMS, if there is one; returns what to call on change and on close. */
export function trackAttempt(attempt: TrackedAttempt): { changed(): void; release(): void } | null {
	const session = current;
	if (!session) return null;
	session.follow(attempt);
	return { changed: () => session.changed(), release: () => session.release(attempt) };
}
