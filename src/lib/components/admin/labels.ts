/** Small wording helpers for the admin panel's labels. */
export function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

export const DAY_NAMES = [
	'Sunday',
	'Monday',
	'Tuesday',
	'Wednesday',
	'Thursday',
	'Friday',
	'Saturday'
] as const;

export const ASSIGNMENT_LABELS = {
	anyone: 'Anyone (no restriction)',
	members: 'Restrict to department members',
	primary: 'Restrict to primary members only'
} as const;
