/**
 * Another variant of a loaded lab: the lab as written, with the values a seed
 * picks, checked by the same validator as a file. The app loads this module
 * only when it needs a variant other than the one it has, so the catalogue
 * does not carry the validator.
 */
import { formatPath } from './parse';
import type { LoadResult, Scenario } from './types';
import { validateParsed } from './validate';
import { variantChoice, type VariablePools } from './variables';

/** The lab as the variant `seed` picks; the same object when it already is that variant. */
export function scenarioVariant(scenario: Scenario, seed: number): LoadResult {
	const variant = scenario.variant;
	if (!variant) return { ok: true, scenario };
	const pools = (variant.template.data as { variables: VariablePools }).variables;
	const same =
		JSON.stringify(variantChoice(pools, seed)) ===
		JSON.stringify(variantChoice(pools, variant.seed));
	if (same && seed === variant.seed) return { ok: true, scenario };
	const { scenario: made, problems } = validateParsed(
		{
			file: scenario.file,
			data: variant.template.data,
			briefing: variant.template.briefing,
			briefingLine: 1,
			// Positions are of the file, which is not here: the paths say where.
			locate: () => ({ line: 1, column: 1 })
		},
		{ seed }
	);
	if (made) return { ok: true, scenario: made };
	return {
		ok: false,
		problems: problems.map((p) => ({
			...p,
			message: `variant ${seed} of "${scenario.id}" (${p.path || formatPath([])}): ${p.message}`
		}))
	};
}
