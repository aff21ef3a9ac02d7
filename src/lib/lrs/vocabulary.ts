/**
 * The xAPI vocabulary Deskdrill speaks: which verbs, which activity ids and
 * which extensions its statements use. The statements builder (sending) and
 * the class view (reading back) both use these names, so what one writes the
 * other can find. Verbs are ADL's registered ones; ids are IRIs under the
 * Deskdrill namespace.
 */

/** ADL verbs, with the display an LRS shows. */
export const VERBS = {
	launched: 'http://adlnet.gov/expapi/verbs/launched',
	answered: 'http://adlnet.gov/expapi/verbs/answered',
	passed: 'http://adlnet.gov/expapi/verbs/passed',
	failed: 'http://adlnet.gov/expapi/verbs/failed',
	completed: 'http://adlnet.gov/expapi/verbs/completed'
} as const;
export type VerbName = keyof typeof VERBS;

/** ADL activity types. */
export const ACTIVITY_TYPES = {
	lab: 'http://adlnet.gov/expapi/activities/simulation',
	step: 'http://adlnet.gov/expapi/activities/interaction'
} as const;

/** Where Deskdrill's own IRIs live (a stable namespace, not a page to fetch). */
export const NAMESPACE = 'https://deskdrill.app/xapi';

/** A lab's activity id: the same for every version and every learner, so a cohort groups on it. */
export function labActivityId(scenarioId: string): string {
	return `${NAMESPACE}/labs/${encodeURIComponent(scenarioId)}`;
}

/** A step's activity id, under its lab's. */
export function stepActivityId(scenarioId: string, stepId: string): string {
	return `${labActivityId(scenarioId)}/steps/${encodeURIComponent(stepId)}`;
}

/** Context and result extensions. */
export const EXTENSIONS = {
	/** Context: the lab version played (its content hash). */
	labVersion: `${NAMESPACE}/extensions/lab-version`,
	/** Context: practice or assessment. */
	mode: `${NAMESPACE}/extensions/mode`,
	/** Result (passed/failed): hints opened in the attempt, a number. */
	hints: `${NAMESPACE}/extensions/hints`,
	/** Result (passed/failed): points per skill, { skill: { points, max } }. */
	skills: `${NAMESPACE}/extensions/skills`,
	/** Result (passed/failed): steps whose solution the learner revealed, a string[]. */
	solutionsShown: `${NAMESPACE}/extensions/solutions-shown`
} as const;
