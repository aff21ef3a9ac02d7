/**
 * suspend_data: the attempt packed so an LMS can hand it back on the next
 * launch, and this app can resume it even in a browser that never saw it.
 * JSON of the attempt record and its journal, deflated (fflate) and base64'd,
 * behind a short tag so a value written by something else is recognised.
 *
 * SCORM 1.2 allows 4,096 characters, SCORM 2004 64,000. When the whole
 * journal does not fit, the record and as many of the journal's first
 * entries as fit are stored (`total` says how many there were): replaying a
 * prefix gives the help desk as it was after those commands. The rest stays
 * in this browser's IndexedDB, which holds the whole attempt anyway; a
 * resume in another browser then continues from that earlier point.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { AttemptRecord } from '../db/attempts-db';
import type { JournalEntry } from '../domain';
import type { ScormVersion } from './api';

export const SUSPEND_LIMIT: Record<ScormVersion, number> = { '1.2': 4096, '2004': 64000 };

const TAG = 'dd1:';

export interface SuspendState {
	record: AttemptRecord;
	/** The journal's first entries: all of them unless `total` is larger. */
	journal: JournalEntry[];
	/** How many entries the attempt's journal had when it was packed. */
	total: number;
}

function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

function pack(state: SuspendState): string {
	return TAG + toBase64(deflateSync(strToU8(JSON.stringify(state)), { level: 9 }));
}

/**
 * The attempt as suspend_data of at most `limit` characters: the whole
 * journal if it fits, else its longest prefix that does (binary search:
 * the packed size grows with the entries). Null if not even the record fits.
 */
export function encodeSuspend(
	record: AttemptRecord,
	journal: JournalEntry[],
	limit: number
): { data: string; kept: number; total: number } | null {
	const total = journal.length;
	const at = (kept: number) => pack({ record, journal: journal.slice(0, kept), total });
	const whole = at(total);
	if (whole.length <= limit) return { data: whole, kept: total, total };
	let lo = 0;
	let hi = total - 1;
	let best: string | null = null;
	let bestKept = 0;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const data = at(mid);
		if (data.length <= limit) {
			best = data;
			bestKept = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	return best === null ? null : { data: best, kept: bestKept, total };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Unpack suspend_data written by encodeSuspend; null for anything else (empty, foreign, damaged). */
export function decodeSuspend(data: string): SuspendState | null {
	if (!data.startsWith(TAG)) return null;
	try {
		const parsed: unknown = JSON.parse(strFromU8(inflateSync(fromBase64(data.slice(TAG.length)))));
		if (!isObject(parsed) || !isObject(parsed['record']) || !Array.isArray(parsed['journal']))
			return null;
		const record = parsed['record'];
		if (typeof record['id'] !== 'string' || typeof record['scenarioId'] !== 'string') return null;
		const total = typeof parsed['total'] === 'number' ? parsed['total'] : parsed['journal'].length;
		return { record: record as unknown as AttemptRecord, journal: parsed['journal'], total };
	} catch {
		return null;
	}
}
