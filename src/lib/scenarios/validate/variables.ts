/**
 * The first pass for a lab with variables: check the pools, then substitute
 * the variant's values into the front matter and the briefing, so the rest
 * of validation sees an ordinary lab (and reports at the same paths).
 */
import type { ParsedFile } from '../parse';
import type { ScenarioVariant } from '../types';
import {
	checkPools,
	substitute,
	variantCount,
	variantValues,
	type VariablePools,
	type VariableProblem
} from '../variables';

export type Applied =
	| { ok: true; parsed: ParsedFile; variant: ScenarioVariant | null }
	| { ok: false; problems: VariableProblem[] };

export function applyVariables(parsed: ParsedFile, seed: number): Applied {
	const { variables, ...rest } = parsed.data as { variables?: unknown };
	if (variables === undefined) {
		// No pools: a stray {{reference}} is still a mistake worth naming.
		const stray = substitute(rest, {});
		return stray.problems.length
			? { ok: false, problems: stray.problems }
			: { ok: true, parsed, variant: null };
	}
	const poolProblems = checkPools(variables);
	if (poolProblems.length) return { ok: false, problems: poolProblems };
	const pools = variables as VariablePools;
	const values = variantValues(pools, seed);
	const data = substitute(rest, values);
	const briefing = substitute(parsed.briefing, values, ['briefing']);
	const problems = [...data.problems, ...briefing.problems];
	if (problems.length) return { ok: false, problems };
	return {
		ok: true,
		parsed: { ...parsed, data: data.value, briefing: briefing.value as string },
		variant: {
			seed,
			count: variantCount(pools),
			values,
			template: { data: parsed.data, briefing: parsed.briefing }
		}
	};
}
