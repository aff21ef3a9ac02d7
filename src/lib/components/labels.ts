/**
 * Words for the ids Deskdrill's own pages show: a lab's skills and level, and
 * counts that agree with their number ("1 hint", "2 points"). View helpers
 * only; a scenario's skills stay free words (`sla`, `intake`), shown here as
 * a trainee reads them.
 */
import type { Difficulty } from '$lib/scenarios/types';

/** Skills whose usual spelling is not the word capitalised. */
const SKILL_WORDS: Record<string, string> = { sla: 'SLA', kb: 'Knowledge base' };

/** "sla" → "SLA", "intake" → "Intake", "ticket-routing" → "Ticket routing". */
export function skillLabel(skill: string): string {
	const known = SKILL_WORDS[skill.toLowerCase()];
	if (known) return known;
	const words = skill.replace(/[-_]+/g, ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

const LEVELS: Record<Difficulty, string> = {
	beginner: 'Beginner',
	intermediate: 'Intermediate',
	advanced: 'Advanced'
};

export function levelLabel(level: Difficulty): string {
	return LEVELS[level] ?? skillLabel(level);
}

/** "1 hint", "3 hints"; `many` for irregular plurals ("1 try", "2 tries"). */
export function count(n: number, one: string, many = `${one}s`): string {
	return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** A duration as a trainee reads it: "45 s", "12 min 5 s", "1 h 3 min". */
export function durationLabel(ms: number): string {
	const total = Math.max(0, Math.round(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	if (h) return m ? `${h} h ${m} min` : `${h} h`;
	if (m) return s ? `${m} min ${s} s` : `${m} min`;
	return `${s} s`;
}
