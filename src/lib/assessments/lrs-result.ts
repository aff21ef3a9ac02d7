/**
 * The one place a finished assessment's result goes to the Learning Record
 * Store its link names: a passed/failed statement per lab, in Deskdrill's
 * xAPI vocabulary (so Class results finds it), posted with the link's
 * write-only key. Statement ids are derived from the attempt, so sending
 * again does not duplicate. When the LRS outbox (src/lib/lrs/outbox.ts on
 * the lrs-send branch) is on main, this call site should queue through it
 * instead, to retry while offline; until then a failure is said in words and
 * the candidate can try again.
 */
import { ACTIVITY_TYPES, EXTENSIONS, labActivityId, VERBS } from '../lrs/vocabulary';
import { withSlash } from '../lrs/config';
import { isoDuration, toUuid } from '../services/report';
import type { LinkLrs } from './link';
import type { ResultFile } from './result';

/** The statements of a result: one verdict per lab. */
export function resultStatements(result: ResultFile): object[] {
	const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(result.candidate);
	const actor = email
		? {
				objectType: 'Agent',
				name: result.candidate,
				mbox: `mailto:${result.candidate.toLowerCase()}`
			}
		: {
				objectType: 'Agent',
				name: result.candidate,
				account: { homePage: 'https://deskdrill.app', name: result.candidate }
			};
	return result.labs.map((lab) => {
		const passed = lab.stated.passed;
		const skills = Object.fromEntries(
			lab.stated.bySkill.map((s) => [s.skill, { points: s.score, max: s.maxScore }])
		);
		return {
			id: toUuid(`${lab.attempt.id}:assessment-verdict`),
			actor,
			verb: {
				id: passed ? VERBS.passed : VERBS.failed,
				display: { 'en-US': passed ? 'passed' : 'failed' }
			},
			object: {
				objectType: 'Activity',
				id: labActivityId(lab.scenarioId),
				definition: { type: ACTIVITY_TYPES.lab, name: { 'en-US': lab.scenarioTitle } }
			},
			result: {
				score: {
					raw: lab.stated.score,
					min: 0,
					max: lab.stated.maxScore,
					scaled: lab.stated.maxScore
						? Math.round((lab.stated.score / lab.stated.maxScore) * 1000) / 1000
						: 0
				},
				success: passed,
				completion: true,
				duration: isoDuration(lab.stated.durationMs),
				extensions: { [EXTENSIONS.skills]: skills }
			},
			context: {
				registration: toUuid(lab.attempt.id),
				extensions: { [EXTENSIONS.labVersion]: lab.scenarioHash, [EXTENSIONS.mode]: 'assessment' }
			},
			timestamp: new Date(lab.attempt.updatedAt).toISOString()
		};
	});
}

/** Send the result to the link's LRS; resolves null when it took them, else why not in words. */
export async function sendResultToLrs(lrs: LinkLrs, result: ResultFile): Promise<string | null> {
	let response: Response;
	try {
		response = await fetch(`${withSlash(lrs.endpoint)}statements`, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				'X-Experience-API-Version': '1.0.3',
				Authorization: `Basic ${btoa(`${lrs.key}:${lrs.secret}`)}`
			},
			body: JSON.stringify(resultStatements(result))
		});
	} catch {
		return `The Learning Record Store at ${lrs.endpoint} could not be reached (offline?).`;
	}
	if (response.ok) return null;
	if (response.status === 401 || response.status === 403)
		return `The Learning Record Store at ${lrs.endpoint} refused the link’s key.`;
	return `The Learning Record Store at ${lrs.endpoint} refused the results (HTTP ${response.status}).`;
}
