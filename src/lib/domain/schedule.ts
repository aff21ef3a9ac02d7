/**
 * SLA time: how a plan's grace hours turn into a due date (osTicket's
 * BusinessHours::addWorkingHours, include/class.businesshours.php). Hours count
 * only inside a schedule, so a business-hours schedule skips nights, weekends
 * and holidays. Working days and hours are those of the world's time zone
 * (an IANA name, read through Intl, so daylight-saving days of 23 or 25 hours
 * count right); the result depends on nothing but the inputs.
 */
import type { BusinessSchedule, Schedule, SimTime } from './types';

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
const DAY = 24 * HOUR;

/** The word for osTicket's "U.S. Holidays" list in a schedule's `holidays`. */
export const US_HOLIDAYS = 'us';

/**
 * The system default a fresh osTicket install sets (include/i18n/en_US/schedule.yaml,
 * the first schedule): "Monday - Friday 8am - 5pm with U.S. Holidays".
 */
export const DEFAULT_SCHEDULE: BusinessSchedule = {
	kind: 'business',
	days: [1, 2, 3, 4, 5],
	open: '08:00',
	close: '17:00',
	holidays: [US_HOLIDAYS]
};

/** "HH:MM" → milliseconds after midnight; null when malformed. */
export function parseTimeOfDay(text: string): number | null {
	const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
	if (!match) return null;
	const hours = Number(match[1]);
	const minutes = Number(match[2]);
	if (hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) return null;
	return hours * HOUR + minutes * MINUTE;
}

// ---------------------------------------------------------------- time zones

const EXAMPLE_ZONE = 'America/New_York';
/** One formatter per zone: building one costs far more than using it. Only valid zones are kept. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
	let format = formatters.get(zone);
	if (format) return format;
	try {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
	} catch {
		return null;
	}
	formatters.set(zone, format);
	return format;
}

/** Why a time zone cannot be used, or null when Intl knows it. */
export function timeZoneProblem(zone: string): string | null {
	if (typeof zone !== 'string' || !zone.trim())
		return `the time zone is empty; use an IANA name such as ${EXAMPLE_ZONE}`;
	if (!formatterFor(zone))
		return `“${zone}” is not a time zone; use an IANA name such as ${EXAMPLE_ZONE}`;
	return null;
}

function zoneFormatter(zone: string): Intl.DateTimeFormat {
	const format = formatterFor(zone);
	if (!format) throw new Error(timeZoneProblem(zone) ?? `unknown time zone ${zone}`);
	return format;
}

/** The wall-clock time in the zone at instant `t`, written as if it were UTC (to the second). */
function wallTime(t: SimTime, format: Intl.DateTimeFormat): number {
	const f: Record<string, number> = {};
	for (const part of format.formatToParts(t))
		if (part.type !== 'literal') f[part.type] = Number(part.value);
	return Date.UTC(
		f.year as number,
		(f.month as number) - 1,
		f.day as number,
		(f.hour as number) % 24, // some engines once wrote midnight as 24
		f.minute as number,
		f.second as number
	);
}

/** Local time minus UTC at instant `t`, in milliseconds (-5h in New York in winter). */
function offsetAt(t: SimTime, format: Intl.DateTimeFormat): number {
	return wallTime(t, format) - Math.floor(t / 1000) * 1000;
}

const isUtc = (zone: string) => zone === 'UTC';

/** Offsets at UTC midnights, by zone and day: due dates of tickets opened near each other share them. */
const midnightOffsets = new Map<string, Map<number, number>>();
const MIDNIGHTS_KEPT = 4096;

/**
 * A function giving the instant a local wall-clock time (written as if UTC)
 * happens in the zone. It remembers the offset at each UTC midnight it looks
 * at, so walking day by day costs at most one Intl call a day. Across a
 * daylight-saving change, as Temporal's "compatible" choice and PHP's DateTime
 * do: a time the spring change skips moves forward by the gap (02:30 → 03:30),
 * and a time the autumn change repeats is its first occurrence.
 */
function zoneClock(zone: string): (wall: number) => SimTime {
	if (isUtc(zone)) return (wall) => wall;
	const format = zoneFormatter(zone);
	let atMidnight = midnightOffsets.get(zone);
	if (!atMidnight) midnightOffsets.set(zone, (atMidnight = new Map()));
	const known = atMidnight;
	const offsetOnDay = (day: number) => {
		let offset = known.get(day);
		if (offset === undefined) {
			if (known.size >= MIDNIGHTS_KEPT) known.clear();
			known.set(day, (offset = offsetAt(day * DAY, format)));
		}
		return offset;
	};
	return (wall) => {
		// Offsets (at most ±14 h) put the instant inside these two midnights: one change at most lies between.
		const day = Math.floor(wall / DAY);
		const before = offsetOnDay(day - 1);
		const after = offsetOnDay(day + 2);
		if (before === after) return wall - before;
		const early = wall - before;
		const late = wall - after;
		const fitsEarly = offsetAt(early, format) === before;
		const fitsLate = offsetAt(late, format) === after;
		if (fitsEarly && fitsLate) return Math.min(early, late);
		if (fitsLate && !fitsEarly) return late;
		return early; // fits only the offset before the change, or in the gap: later by the gap
	};
}

/** The local calendar day of instant `t`, as days since 1970-01-01. */
function localDay(t: SimTime, zone: string): number {
	const wall = isUtc(zone) ? t : wallTime(t, zoneFormatter(zone));
	return Math.floor(wall / DAY);
}

/** The local calendar day of an instant in the zone, as days since 1970-01-01. */
export function localDayNumber(t: SimTime, zone: string): number {
	return localDay(t, zone);
}

/** The instant a local calendar day (days since 1970-01-01) begins in the zone. */
export function localMidnight(day: number, zone: string): SimTime {
	return zoneClock(zone)(day * DAY);
}

const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

// ---------------------------------------------------------------- holidays

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-09-07" → days since 1970-01-01; null unless a real calendar date. */
function dayOfIso(text: string): number | null {
	const match = ISO_DATE.exec(text);
	if (!match) return null;
	const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const t = Date.UTC(y, m - 1, d);
	const date = new Date(t);
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
		return null;
	return t / DAY;
}

/** The n-th (1…) given weekday of a month (0-based), or the last when n is -1, as a day number. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
	if (n < 0) {
		const last = Date.UTC(year, month + 1, 0) / DAY;
		return last - ((weekdayOf(last) - weekday + 7) % 7);
	}
	const first = Date.UTC(year, month, 1) / DAY;
	return first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
}

const usHolidaySets = new Map<number, Set<number>>();

/** The U.S. holidays of a year, as osTicket's fresh install lists them (no "observed" weekdays). */
function usHolidayDays(year: number): Set<number> {
	let days = usHolidaySets.get(year);
	if (days) return days;
	const on = (month: number, date: number) => Date.UTC(year, month, date) / DAY;
	days = new Set([
		on(0, 1), // New Year's Day
		nthWeekday(year, 0, 1, 3), // MLK Day: third Monday of January
		nthWeekday(year, 4, 1, -1), // Memorial Day: last Monday of May
		on(6, 4), // Independence Day
		nthWeekday(year, 8, 1, 1), // Labor Day: first Monday of September
		nthWeekday(year, 9, 1, 2), // Indigenous Peoples' Day: second Monday of October
		on(10, 11), // Veterans Day
		nthWeekday(year, 10, 4, 4), // Thanksgiving: fourth Thursday of November
		on(11, 25) // Christmas Day
	]);
	usHolidaySets.set(year, days);
	return days;
}

/** The U.S. holidays of a year as ISO dates, in calendar order. */
export function usHolidays(year: number): string[] {
	return [...usHolidayDays(year)].sort((a, b) => a - b).map(isoOf);
}

// ---------------------------------------------------------------- validation

/** Why a schedule cannot be used, or null when it is sound. */
export function scheduleProblem(schedule: Schedule): string | null {
	if (schedule.kind === '24/7') return null;
	if (schedule.kind !== 'business')
		return `“${String((schedule as { kind: unknown }).kind)}” is not a kind of schedule: use 24/7 or business`;
	if (!Array.isArray(schedule.days) || schedule.days.length === 0)
		return 'a business-hours schedule needs at least one working day';
	if (schedule.days.some((d) => !Number.isInteger(d) || d < 0 || d > 6))
		return 'working days are numbers from 0 (Sunday) to 6 (Saturday)';
	const open = parseTimeOfDay(String(schedule.open));
	const close = parseTimeOfDay(String(schedule.close));
	if (open === null) return `opening time "${schedule.open}" is not HH:MM`;
	if (close === null) return `closing time "${schedule.close}" is not HH:MM`;
	if (close <= open)
		return `closing time ${schedule.close} is not after opening time ${schedule.open}`;
	if (schedule.holidays !== undefined && !Array.isArray(schedule.holidays))
		return 'holidays are a list of dates (YYYY-MM-DD) or "us"';
	for (const holiday of schedule.holidays ?? [])
		if (holiday !== US_HOLIDAYS && (typeof holiday !== 'string' || dayOfIso(holiday) === null))
			return `holiday “${String(holiday)}” is neither a date (YYYY-MM-DD) nor "us" (the U.S. holidays)`;
	return null;
}

/** Why a schedule cannot be used in a time zone: the zone's problem, then the schedule's. */
export function scheduleInZoneProblem(schedule: Schedule, zone: string): string | null {
	return timeZoneProblem(zone) ?? scheduleProblem(schedule);
}

// ---------------------------------------------------------------- counting

/**
 * The schedule a ticket's SLA clock runs on (SLA::addGracePeriod with
 * Dept::getSchedule): the department's, else the plan's, else the system default.
 */
export function scheduleInForce(
	deptSchedule: Schedule | null | undefined,
	planSchedule: Schedule | null | undefined,
	systemDefault: Schedule
): Schedule {
	return deptSchedule ?? planSchedule ?? systemDefault;
}

/**
 * The time zone and default schedule of a world's settings; a world stored
 * before they existed has osTicket's: UTC and DEFAULT_SCHEDULE.
 */
export function scheduleSettings(settings: {
	timezone?: string | undefined;
	defaultSchedule?: Schedule | undefined;
}): { timezone: string; defaultSchedule: Schedule } {
	return {
		timezone: settings.timezone ?? 'UTC',
		defaultSchedule: settings.defaultSchedule ?? DEFAULT_SCHEDULE
	};
}

/** A business schedule made ready for counting: times parsed, days and holidays in sets. */
interface Workweek {
	open: number;
	close: number;
	workdays: boolean[];
	dates: Set<number>;
	us: boolean;
}

function workweekOf(schedule: BusinessSchedule): Workweek {
	const dates = new Set<number>();
	for (const holiday of schedule.holidays ?? []) {
		const day = holiday === US_HOLIDAYS ? null : dayOfIso(holiday);
		if (day !== null) dates.add(day);
	}
	return {
		open: parseTimeOfDay(schedule.open) as number,
		close: parseTimeOfDay(schedule.close) as number,
		workdays: [0, 1, 2, 3, 4, 5, 6].map((d) => schedule.days.includes(d)),
		dates,
		us: (schedule.holidays ?? []).includes(US_HOLIDAYS)
	};
}

function isHoliday(week: Workweek, day: number): boolean {
	if (week.dates.has(day)) return true;
	return week.us && usHolidayDays(new Date(day * DAY).getUTCFullYear()).has(day);
}

/** Ten years without a working minute: a schedule that can never end a grace period. */
const IDLE_DAYS_LIMIT = 3660;

/**
 * The moment `hours` of schedule time have passed after `start`, working days
 * and hours being those of the time zone `zone` (BusinessHours::addWorkingHours).
 * A day counts from its opening time (or `start`, if later) to its closing
 * time, in real elapsed time; a holiday counts nothing. Throws on a schedule
 * or zone that the checks above refuse (callers validate first).
 */
export function addScheduleHours(
	start: SimTime,
	hours: number,
	schedule: Schedule,
	zone = 'UTC'
): SimTime {
	let remaining = Math.round(hours * HOUR);
	if (schedule.kind === '24/7' || remaining <= 0) return start + Math.max(remaining, 0);
	const problem = scheduleInZoneProblem(schedule, zone);
	if (problem) throw new Error(problem);
	const week = workweekOf(schedule);
	const instantOf = zoneClock(zone);
	let idle = 0;
	for (let day = localDay(start, zone); idle < IDLE_DAYS_LIMIT; day++, idle++) {
		if (!week.workdays[weekdayOf(day)] || isHoliday(week, day)) continue;
		const midnight = day * DAY;
		const close = instantOf(midnight + week.close);
		if (start >= close) continue;
		const from = Math.max(start, instantOf(midnight + week.open));
		const available = close - from;
		if (available <= 0) continue;
		if (remaining <= available) return from + remaining;
		remaining -= available;
		idle = 0;
	}
	throw new Error('the schedule has no working time in ten years');
}

// ---------------------------------------------------------------- words

const DAY_ABBREVIATIONS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** [1,2,3,4,5] → "Mon–Fri"; [1,3,5] → "Mon, Wed, Fri"; runs of three or more become ranges. */
function describeDays(days: number[]): string {
	const sorted = [...new Set(days)].sort((a, b) => a - b);
	const parts: string[] = [];
	for (let i = 0; i < sorted.length;) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++;
		const run = sorted.slice(i, j + 1).map((d) => DAY_ABBREVIATIONS[d] ?? String(d));
		parts.push(run.length >= 3 ? `${run[0]}–${run[run.length - 1]}` : run.join(', '));
		i = j + 1;
	}
	return parts.join(', ');
}

function describeHolidays(holidays: string[]): string {
	const us = holidays.includes(US_HOLIDAYS);
	const dates = [...new Set(holidays.filter((h) => h !== US_HOLIDAYS))].sort();
	const named = us ? ['U.S. holidays'] : [];
	if (dates.length > 3) named.push(`${dates.length} ${us ? 'other ' : ''}days`);
	else named.push(...dates);
	if (named.length === 0) return '';
	const last = named.pop() as string;
	return `, ${named.length ? `${named.join(', ')} and ${last}` : last} off`;
}

/** "Mon–Fri 08:00–17:00 America/New_York, U.S. holidays off", or "24/7". */
export function describeSchedule(schedule: Schedule, zone = 'UTC'): string {
	if (schedule.kind === '24/7') return '24/7';
	return `${describeDays(schedule.days)} ${schedule.open}–${schedule.close} ${zone}${describeHolidays(schedule.holidays ?? [])}`;
}
