/**
 * A candidate taking an assessment through their link: the labs in turn, each
 * an assessment attempt on the link's variant seed, with the link's time
 * limit. Progress (which attempt plays which lab) is kept in the settings
 * table under `take:<takeId>`, with the link, so the lab can lead back here
 * and a reload resumes where the candidate was.
 */
import { workspaceDb, type AttemptRecord } from '../db/attempts-db';
import { getAttempt, startAttempt } from '../services/attempts';
import { findScenario } from '../services/catalogue';
import { isEnded } from '../services/session-machine';
import { scenarioHash } from '../scenarios/hash';
import type { Scenario } from '../scenarios/types';
import { takeId, type CandidateLink } from './link';

export interface TakeProgress {
	id: string;
	/** The link's hash part, so the lab can lead back to this taking. */
	token: string;
	/** The attempt of each lab of the link, in order; null until it starts. */
	attempts: (string | null)[];
}

export interface TakeLab {
	title: string;
	scenario: Scenario | null;
	/** Why this lab cannot be taken here, in words; null when it can. */
	problem: string | null;
	attempt: AttemptRecord | null;
}

const KEY = 'take:';

export async function loadProgress(id: string): Promise<TakeProgress | null> {
	const row = await workspaceDb().settings.get(KEY + id);
	return (row?.value as TakeProgress | undefined) ?? null;
}

async function saveProgress(progress: TakeProgress): Promise<void> {
	await workspaceDb().settings.put({ key: KEY + progress.id, value: { ...progress } });
}

/** The link's labs as this app has them, each with its attempt (if started). */
export async function takeLabs(link: CandidateLink): Promise<TakeLab[]> {
	const progress = await loadProgress(takeId(link));
	return Promise.all(
		link.labs.map(async (l, i) => {
			const scenario = await findScenario(l.id);
			let problem: string | null = null;
			if (!scenario)
				problem = `The lab “${l.title}” is not in this app, so it cannot be taken here.`;
			else if ((await scenarioHash(scenario)) !== l.hash)
				problem = `This link is for another version of “${l.title}” than this app has: ask the sender for a new link.`;
			const id = progress?.attempts[i] ?? null;
			const attempt = id ? await getAttempt(id) : null;
			return { title: l.title, scenario, problem, attempt: attempt ?? null };
		})
	);
}

/** Every lab ended (submitted or timed out). */
export function takeFinished(labs: TakeLab[]): boolean {
	return labs.length > 0 && labs.every((l) => l.attempt !== null && isEnded(l.attempt.status));
}

/**
 * The attempt the candidate should be in now: the first lab's not yet ended,
 * started when it has none. Returns its id, or null when every lab has ended.
 * Throws with the reason in words when a lab cannot be taken here.
 */
export async function continueTake(link: CandidateLink, token: string): Promise<string | null> {
	const labs = await takeLabs(link);
	const index = labs.findIndex((l) => l.attempt === null || !isEnded(l.attempt.status));
	if (index < 0) return null;
	const lab = labs[index]!;
	if (lab.attempt) return lab.attempt.id;
	if (lab.problem || !lab.scenario)
		throw new Error(lab.problem ?? 'This lab cannot be taken here.');
	const id = takeId(link);
	const attempt = await startAttempt(lab.scenario, {
		mode: 'assessment',
		candidate: link.candidate,
		minutes: link.assessment.minutes,
		seed: link.seed,
		takeId: id
	});
	const progress = (await loadProgress(id)) ?? { id, token, attempts: link.labs.map(() => null) };
	progress.attempts[index] = attempt.id;
	await saveProgress(progress);
	return attempt.id;
}
