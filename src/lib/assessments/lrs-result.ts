/**
 * A finished assessment's result, sent to the Learning Record Store its link
 * names: one passed/failed statement per lab, in Deskdrill's xAPI vocabulary
 * (so Class results finds it), validated by the same validator as every other
 * statement, posted with the link's write-only key. The statement carries the
 * lab's part of the result file (attempt, sealed journal, stated grade) as an
 * extension, so Review results can pull it back from the LRS and re-grade it
 * exactly as it re-grades a file. Statement ids are UUID v5 of the attempt,
 * so sending again never duplicates.
 *
 * The candidate's browser need not have an LRS set up (the link carries it),
 * so this goes straight to that LRS rather than through this browser's outbox;
 * a failure is said in words and the candidate can send again.
 */
import { v5 as uuidv5 } from 'uuid';
import type { Statement } from '@xapi/xapi';
import { failureWords, lrsRequest, LrsUnreachable } from '../lrs/http';
import { STATEMENT_ID_NAMESPACE } from '../lrs/statements';
import { validated } from '../lrs/validate';
import { ACTIVITY_TYPES, EXTENSIONS, labActivityId, NAMESPACE, VERBS } from '../lrs/vocabulary';
import { isoDuration, toUuid } from '../services/report';
import type { LinkLrs } from './link';
import type { ResultFile, ResultLab } from './result';

/** Result extension: one lab's part of the result file, with the assessment and candidate it belongs to. */
export const RESULT_EXTENSION = `${NAMESPACE}/extensions/assessment-result`;

/** What the extension holds: enough to rebuild a one-lab result file. */
export interface CarriedResult {
	assessment: ResultFile['assessment'];
	candidate: string;
	lab: ResultLab;
}

function actorOf(candidate: string) {
	const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(candidate);
	return email
		? { objectType: 'Agent' as const, name: candidate, mbox: `mailto:${candidate.toLowerCase()}` }
		: {
				objectType: 'Agent' as const,
				name: candidate,
				account: { homePage: 'https://deskdrill.app', name: candidate }
			};
}

/** The statements of a result: one verdict per lab, validated (throws with the validator's words). */
export function resultStatements(result: ResultFile): Statement[] {
	return validated(
		result.labs.map((lab) => {
			const passed = lab.stated.passed;
			const skills = Object.fromEntries(
				lab.stated.bySkill.map((s) => [s.skill, { points: s.score, max: s.maxScore }])
			);
			const carried: CarriedResult = {
				assessment: result.assessment,
				candidate: result.candidate,
				lab
			};
			return {
				id: uuidv5(`${lab.attempt.id}/assessment-result`, STATEMENT_ID_NAMESPACE),
				actor: actorOf(result.candidate),
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
					extensions: { [EXTENSIONS.skills]: skills, [RESULT_EXTENSION]: carried }
				},
				context: {
					registration: toUuid(lab.attempt.id),
					extensions: {
						[EXTENSIONS.labVersion]: lab.scenarioHash,
						[EXTENSIONS.mode]: 'assessment'
					}
				},
				timestamp: new Date(lab.attempt.updatedAt).toISOString()
			} as Statement;
		})
	);
}

/** Send the result to the link's LRS; resolves null when it took them, else why not in words. */
export async function sendResultToLrs(lrs: LinkLrs, result: ResultFile): Promise<string | null> {
	let statements: Statement[];
	try {
		statements = resultStatements(result);
	} catch (error) {
		return `The results could not be sent: ${error instanceof Error ? error.message : String(error)}`;
	}
	try {
		const answer = await lrsRequest(lrs, 'statements', { method: 'POST', body: statements });
		// 409: the LRS has these ids already (sent before): nothing to add.
		if ((answer.status >= 200 && answer.status < 300) || answer.status === 409) return null;
		return failureWords(answer);
	} catch (error) {
		if (error instanceof LrsUnreachable) return error.message;
		throw error;
	}
}

/**
 * The one-lab result files carried by statements read back from an LRS (those
 * of other kinds are skipped): Review re-grades them like files.
 */
export function carriedResults(statements: unknown[]): ResultFile[] {
	const out: ResultFile[] = [];
	const seen = new Set<string>();
	for (const statement of statements) {
		const carried = (statement as { result?: { extensions?: Record<string, unknown> } }).result
			?.extensions?.[RESULT_EXTENSION] as CarriedResult | undefined;
		if (!carried || typeof carried !== 'object' || !carried.lab?.attempt?.id) continue;
		if (seen.has(carried.lab.attempt.id)) continue;
		seen.add(carried.lab.attempt.id);
		out.push({
			format: 'deskdrill-result',
			version: 1,
			assessment: carried.assessment,
			candidate: carried.candidate,
			labs: [carried.lab]
		});
	}
	return out;
}
