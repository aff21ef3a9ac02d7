/**
 * The class view's figures, from the statements an LRS holds: one row per
 * learner per lab, with the attempts (distinct registrations), the best score
 * (from passed/failed), and that best attempt's skills, time and hints. Pure:
 * the statements may come in any order, from several senders, with pieces
 * missing (a lab launched and never finished is an attempt with no score).
 * Also the CSV an instructor downloads of it.
 */
import { csvCell } from '$lib/services/report';
import { EXTENSIONS, NAMESPACE, VERBS } from './vocabulary';

/**
 * A statement as an LRS returns it. Everything is optional: it is data from
 * outside, read defensively, never trusted to have the shape Deskdrill sends.
 */
export interface StoredStatement {
	id?: string;
	actor?: {
		objectType?: string;
		name?: string;
		mbox?: string;
		mbox_sha1sum?: string;
		openid?: string;
		account?: { homePage?: string; name?: string };
	};
	verb?: { id?: string };
	object?: { id?: string; definition?: { name?: Record<string, string> } };
	result?: {
		success?: boolean;
		completion?: boolean;
		duration?: string;
		score?: { scaled?: number; raw?: number; min?: number; max?: number };
		extensions?: Record<string, unknown>;
	};
	context?: {
		registration?: string;
		contextActivities?: { parent?: { id?: string }[]; grouping?: { id?: string }[] };
		extensions?: Record<string, unknown>;
	};
	timestamp?: string;
	stored?: string;
}

export interface SkillScore {
	points: number;
	max: number;
}

export interface ClassRow {
	/** The lab's activity id, and its title (from the catalogue, else the launched statement). */
	lab: string;
	labTitle: string;
	/** Who: "mailto:…" or "account:homePage|name", unique within a lab. */
	learner: string;
	name: string;
	/** The e-mail without mailto:, or '' for an account (see `account`). */
	email: string;
	account: string;
	attempts: number;
	/** The best scaled score (0–1) of any finished attempt, or null when none finished. */
	best: number | null;
	/** Some attempt passed. */
	passed: boolean;
	/** Of the best attempt (null when it did not say). */
	skills: Record<string, SkillScore> | null;
	durationMs: number | null;
	hints: number | null;
	/** The latest statement's time (ms since 1970), or null when none had one. */
	lastAt: number | null;
}

const LAB_ID = new RegExp(`^${NAMESPACE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/labs/[^/]+`);

/** The lab a statement is about: its object (a lab or a step of one), else its context's parent. */
export function labOf(s: StoredStatement): string | null {
	const candidates = [
		s.object?.id,
		...(s.context?.contextActivities?.parent ?? []).map((a) => a?.id),
		...(s.context?.contextActivities?.grouping ?? []).map((a) => a?.id)
	];
	for (const id of candidates) {
		const match = typeof id === 'string' ? LAB_ID.exec(id) : null;
		if (match) return match[0];
	}
	return null;
}

/** Who sent it, as a key, or null for a statement with no identifiable agent. */
function learnerOf(s: StoredStatement): { key: string; email: string; account: string } | null {
	const a = s.actor;
	if (!a) return null;
	if (typeof a.mbox === 'string' && a.mbox) {
		const email = a.mbox.replace(/^mailto:/i, '').toLowerCase();
		return { key: `mailto:${email}`, email, account: '' };
	}
	if (a.account?.name) {
		const account = a.account.homePage
			? `${a.account.name} (${a.account.homePage})`
			: a.account.name;
		return { key: `account:${a.account.homePage ?? ''}|${a.account.name}`, email: '', account };
	}
	if (a.mbox_sha1sum) return { key: `sha1:${a.mbox_sha1sum}`, email: '', account: '' };
	if (a.openid) return { key: `openid:${a.openid}`, email: '', account: a.openid };
	return null;
}

/** ISO 8601 duration (PT12M30S, P1DT2H, PT0.5S) in ms, or null when it is not one. */
export function parseIsoDuration(text: unknown): number | null {
	if (typeof text !== 'string') return null;
	const m =
		/^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
			text.trim()
		);
	if (!m || text.trim() === 'P' || text.trim().endsWith('T')) return null;
	const part = (i: number) => Number(m[i] ?? 0);
	const [w, d, h, min, s] = [part(1), part(2), part(3), part(4), part(5)];
	return Math.round((((w * 7 + d) * 24 + h) * 3600 + min * 60 + s) * 1000);
}

const time = (s: StoredStatement): number | null => {
	const t = Date.parse(s.timestamp ?? s.stored ?? '');
	return Number.isFinite(t) ? t : null;
};
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The scaled score of a passed/failed statement: scaled, else raw over its range. */
function scaledOf(s: StoredStatement): number | null {
	const score = s.result?.score;
	const scaled = num(score?.scaled);
	if (scaled !== null) return scaled;
	const raw = num(score?.raw);
	const max = num(score?.max);
	const min = num(score?.min) ?? 0;
	return raw !== null && max !== null && max > min ? (raw - min) / (max - min) : null;
}

function skillsOf(value: unknown): Record<string, SkillScore> | null {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
	const out: Record<string, SkillScore> = {};
	for (const [skill, v] of Object.entries(value as Record<string, unknown>)) {
		const points = num((v as { points?: unknown } | null)?.points);
		const max = num((v as { max?: unknown } | null)?.max);
		if (points !== null && max !== null) out[skill] = { points, max };
	}
	return out;
}

interface Attempt {
	/** The latest passed/failed (a resend or a second verdict: the latest wins). */
	verdict: StoredStatement | null;
	verdictAt: number;
	durationMs: number | null;
	durationAt: number;
	lastAt: number | null;
}

interface Learner {
	lab: string;
	key: string;
	email: string;
	account: string;
	name: string;
	nameAt: number;
	labTitle: string;
	attempts: Map<string, Attempt>;
}

const VERDICTS: string[] = [VERBS.passed, VERBS.failed];

/**
 * Rows from statements, one per learner per lab, sorted by lab then learner.
 * `titles` maps lab activity ids to the titles the catalogue gives them.
 */
export function classRows(
	statements: readonly StoredStatement[],
	titles: ReadonlyMap<string, string> = new Map()
): ClassRow[] {
	const learners = new Map<string, Learner>();
	for (const s of statements) {
		const lab = labOf(s);
		const who = learnerOf(s);
		if (!lab || !who) continue;
		const at = time(s);
		const id = `${lab}\n${who.key}`;
		let learner = learners.get(id);
		if (!learner) {
			learner = { lab, ...who, name: '', nameAt: -Infinity, labTitle: '', attempts: new Map() };
			learners.set(id, learner);
		}
		// The name of the latest statement: a learner who corrects it is shown as now.
		if (s.actor?.name && (at ?? -Infinity) >= learner.nameAt) {
			learner.name = s.actor.name;
			learner.nameAt = at ?? -Infinity;
		}
		const launchedTitle = s.object?.id === lab ? s.object.definition?.name?.['en-US'] : undefined;
		if (launchedTitle && !learner.labTitle) learner.labTitle = launchedTitle;

		// Statements without a registration are one attempt together: nothing tells them apart.
		const registration = s.context?.registration ?? '';
		let attempt = learner.attempts.get(registration);
		if (!attempt) {
			attempt = {
				verdict: null,
				verdictAt: -Infinity,
				durationMs: null,
				durationAt: -Infinity,
				lastAt: null
			};
			learner.attempts.set(registration, attempt);
		}
		if (at !== null && (attempt.lastAt === null || at > attempt.lastAt)) attempt.lastAt = at;
		const verb = s.verb?.id ?? '';
		const onLab = s.object?.id === lab;
		if (onLab && VERDICTS.includes(verb) && (at ?? -Infinity) >= attempt.verdictAt) {
			attempt.verdict = s;
			attempt.verdictAt = at ?? -Infinity;
		}
		if (onLab && verb === VERBS.completed && (at ?? -Infinity) >= attempt.durationAt) {
			const ms = parseIsoDuration(s.result?.duration);
			if (ms !== null) {
				attempt.durationMs = ms;
				attempt.durationAt = at ?? -Infinity;
			}
		}
	}
	return [...learners.values()].map((l) => toRow(l, titles)).sort(byLabThenLearner);
}

function toRow(l: Learner, titles: ReadonlyMap<string, string>): ClassRow {
	const attempts = [...l.attempts.values()];
	let best: { attempt: Attempt; scaled: number } | null = null;
	for (const attempt of attempts) {
		const scaled = attempt.verdict ? scaledOf(attempt.verdict) : null;
		if (scaled === null) continue;
		if (!best || compareAttempts({ attempt, scaled }, best) > 0) best = { attempt, scaled };
	}
	const lastTimes = attempts.map((a) => a.lastAt).filter((t): t is number => t !== null);
	const extensions = best?.attempt.verdict?.result?.extensions ?? {};
	return {
		lab: l.lab,
		labTitle: titles.get(l.lab) ?? (l.labTitle || decodeURIComponent(l.lab.split('/').pop() ?? '')),
		learner: l.key,
		name: l.name || l.email || l.account || 'Unnamed learner',
		email: l.email,
		account: l.account,
		attempts: attempts.length,
		best: best?.scaled ?? null,
		passed: attempts.some(passedOf),
		skills: best ? skillsOf(extensions[EXTENSIONS.skills]) : null,
		durationMs: best?.attempt.durationMs ?? null,
		hints: best ? num(extensions[EXTENSIONS.hints]) : null,
		lastAt: lastTimes.length ? Math.max(...lastTimes) : null
	};
}

const passedOf = (a: Attempt): boolean => a.verdict?.verb?.id === VERBS.passed;

/** Positive when `a` is the better attempt: a higher score; of equal ones a pass, then the later. */
function compareAttempts(
	a: { attempt: Attempt; scaled: number },
	b: { attempt: Attempt; scaled: number }
): number {
	return (
		a.scaled - b.scaled ||
		Number(passedOf(a.attempt)) - Number(passedOf(b.attempt)) ||
		(a.attempt.lastAt ?? 0) - (b.attempt.lastAt ?? 0)
	);
}

function byLabThenLearner(a: ClassRow, b: ClassRow): number {
	return (
		a.labTitle.localeCompare(b.labTitle) ||
		a.name.localeCompare(b.name) ||
		a.learner.localeCompare(b.learner)
	);
}

/** Every skill any row reports, in a stable order: the table's and the CSV's skill columns. */
export function skillColumns(rows: readonly ClassRow[]): string[] {
	const all = new Set<string>();
	for (const row of rows) for (const skill of Object.keys(row.skills ?? {})) all.add(skill);
	return [...all].sort();
}

/**
 * The rows as CSV (RFC 4180: every cell quoted, CRLF, formulas defused by
 * csvCell). Scores in percent, time in seconds, the last attempt in ISO 8601 UTC:
 * numbers a spreadsheet sorts, not labels. A skill is two columns, points and
 * max, so "3/4" is never read as a date.
 */
export function classCsv(rows: readonly ClassRow[]): string {
	const skills = skillColumns(rows);
	const header = [
		'lab',
		'lab title',
		'learner',
		'e-mail',
		'account',
		'attempts',
		'best score %',
		'passed',
		...skills.flatMap((s) => [`${s} points`, `${s} max`]),
		'time (s)',
		'hints',
		'last attempt (UTC)'
	];
	const lines = rows.map((r) => [
		r.lab,
		r.labTitle,
		r.name,
		r.email,
		r.account,
		r.attempts,
		r.best === null ? '' : Math.round(r.best * 1000) / 10,
		r.passed ? 'yes' : 'no',
		...skills.flatMap((s) => [r.skills?.[s]?.points ?? '', r.skills?.[s]?.max ?? '']),
		r.durationMs === null ? '' : Math.round(r.durationMs / 1000),
		r.hints ?? '',
		r.lastAt === null ? '' : new Date(r.lastAt).toISOString()
	]);
	return [header, ...lines].map((line) => line.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
