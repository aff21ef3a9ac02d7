/**
 * SLA time: how a plan's grace hours turn into a due date. Hours count only
 * inside the plan's schedule, so a business-hours plan skips nights and weekends.
 * All in UTC so that the same inputs give the same date on every machine.
 */
import type { Schedule, SimTime } from './types';

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
const DAY = 24 * HOUR;

/** "HH:MM" → milliseconds after midnight; null when malformed. */
export function parseTimeOfDay(text: string): number | null {
	const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
	if (!match) return null;
	const hours = Number(match[1]);
	const minutes = Number(match[2]);
	if (hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) return null;
	return hours * HOUR + minutes * MINUTE;
}

/** Why a schedule cannot be used, or null when it is sound. */
export function scheduleProblem(schedule: Schedule): string | null {
	if (schedule.kind === '24/7') return null;
	if (schedule.days.length === 0) return 'a business-hours schedule needs at least one working day';
	if (schedule.days.some((d) => !Number.isInteger(d) || d < 0 || d > 6))
		return 'working days are numbers from 0 (Sunday) to 6 (Saturday)';
	const open = parseTimeOfDay(schedule.open);
	const close = parseTimeOfDay(schedule.close);
	if (open === null) return `opening time "${schedule.open}" is not HH:MM`;
	if (close === null) return `closing time "${schedule.close}" is not HH:MM`;
	if (close <= open)
		return `closing time ${schedule.close} is not after opening time ${schedule.open}`;
	return null;
}

/**
 * The moment `hours` of schedule time have passed after `start`.
 * Throws on a schedule that has no working time (validated earlier by callers).
 */
export function addScheduleHours(start: SimTime, hours: number, schedule: Schedule): SimTime {
	if (schedule.kind === '24/7') return start + Math.round(hours * HOUR);
	const problem = scheduleProblem(schedule);
	if (problem) throw new Error(problem);
	const open = parseTimeOfDay(schedule.open) as number;
	const close = parseTimeOfDay(schedule.close) as number;
	const workdays = new Set(schedule.days);
	let remaining = Math.round(hours * HOUR);
	let cursor = start;
	// Each pass consumes one working day at most; a week always holds one.
	for (;;) {
		const midnight = cursor - (((cursor % DAY) + DAY) % DAY);
		const weekday = new Date(midnight).getUTCDay();
		const dayOpen = midnight + open;
		const dayClose = midnight + close;
		if (workdays.has(weekday) && cursor < dayClose) {
			const from = Math.max(cursor, dayOpen);
			const available = dayClose - from;
			if (remaining <= available) return from + remaining;
			remaining -= available;
		}
		cursor = midnight + DAY;
	}
}

export function describeSchedule(schedule: Schedule): string {
	if (schedule.kind === '24/7') return '24/7';
	const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
	const days = [...schedule.days].sort((a, b) => a - b).map((d) => names[d]);
	return `${days.join(', ')} ${schedule.open}–${schedule.close} UTC`;
}
