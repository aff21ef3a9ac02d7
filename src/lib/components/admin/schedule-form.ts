/**
 * View model of a Schedule select (an SLA plan's, a department's): the choice
 * on screen, the business-hours fields, and the schedule they make. "none" is
 * the fallback: the system default for a plan, the plan's for a department.
 * Holiday dates set elsewhere (a lab file) are kept as they are. The domain
 * validates the result.
 */
import { DEFAULT_SCHEDULE, US_HOLIDAYS, type Schedule } from '$lib/domain';

export type ScheduleChoice = 'none' | '24/7' | 'business';

export interface ScheduleDraft {
	choice: ScheduleChoice;
	days: number[];
	open: string;
	close: string;
	usHolidays: boolean;
	/** Explicit holiday dates, which the form keeps but does not edit. */
	dates: string[];
}

export function scheduleDraft(schedule: Schedule | null | undefined): ScheduleDraft {
	// Business hours not yet chosen start as osTicket's default: Mon–Fri 8–5 with U.S. holidays.
	const business = schedule?.kind === 'business' ? schedule : DEFAULT_SCHEDULE;
	const holidays = business.holidays ?? [];
	return {
		choice: schedule ? schedule.kind : 'none',
		days: [...business.days],
		open: business.open,
		close: business.close,
		usHolidays: holidays.includes(US_HOLIDAYS),
		dates: holidays.filter((h) => h !== US_HOLIDAYS)
	};
}

export function scheduleOf(draft: ScheduleDraft): Schedule | null {
	if (draft.choice === 'none') return null;
	if (draft.choice === '24/7') return { kind: '24/7' };
	const holidays = [...(draft.usHolidays ? [US_HOLIDAYS] : []), ...draft.dates];
	return {
		kind: 'business',
		days: [...draft.days].sort((a, b) => a - b),
		open: draft.open,
		close: draft.close,
		...(holidays.length ? { holidays } : {})
	};
}
