/**
 * The variant of a lab an attempt plays. Labs with variables are shipped as
 * their first variant; another one is made on demand, loading the scenario
 * validator only then (the catalogue does not carry it).
 */
import type { Scenario } from '../scenarios/types';

/** The variant `seed` picks (the lab itself when it has no variables); throws with the reason when it cannot be made. */
export async function variantOf(scenario: Scenario, seed: number): Promise<Scenario> {
	if (!scenario.variant || seed === scenario.variant.seed) return scenario;
	const { scenarioVariant } = await import('../scenarios/variant');
	const made = scenarioVariant(scenario, seed);
	if (!made.ok) throw new Error(made.problems[0]?.message ?? `variant ${seed} cannot be made`);
	return made.scenario;
}
