/**
 * Results pulled back from a learning record store: every lab's statements
 * are read (as Class results reads them), and the one-lab result files that
 * candidates' links sent (lrs-result.ts) are taken out of them, to be
 * re-graded like files. The LRS stores and scales; the grade is still
 * re-derived here, never believed.
 */
import type { LrsConfig } from '../lrs/config';
import { fetchActivityStatements, LrsQueryError } from '../lrs/query';
import { labActivityId } from '../lrs/vocabulary';
import { carriedResults } from './lrs-result';
import type { ResultFile } from './result';

export interface Pulled {
	results: ResultFile[];
	/** What could not be read, in words (one per lab at most). */
	problems: string[];
}

export async function pullResults(
	config: LrsConfig,
	labs: { id: string; title: string }[]
): Promise<Pulled> {
	const results: ResultFile[] = [];
	const problems: string[] = [];
	for (const lab of labs) {
		try {
			const read = await fetchActivityStatements(config, labActivityId(lab.id));
			results.push(...carriedResults(read.statements));
			if (read.truncated)
				problems.push(`Only the first statements of “${lab.title}” were read: the LRS holds more.`);
		} catch (error) {
			const why = error instanceof LrsQueryError ? error.message : String(error);
			// The same reason for every lab (a wrong key) is said once.
			if (!problems.includes(why)) problems.push(why);
		}
	}
	return { results, problems };
}
