/**
 * Validating a parsed scenario: first against the JSON Schema (shape and
 * types: schema-problems.ts), then against itself (every step, check and
 * command names a persona, ticket, help topic, department, SLA plan, agent or
 * user that exists: steps.ts, scripts.ts), then by building its world, whose
 * refusals are mapped back to the entry at fault. Every problem names the
 * field path and what was expected.
 */
import type { World } from '../../domain';
import { formatPath, type ParsedFile, type PathPart } from '../parse';
import { FORMAT_VERSION, type Problem, type Scenario } from '../types';
import { describe, scenarioWorld, ScenarioWorldError } from '../world';
import { CrossCheck } from './cross-check';
import { checkMarkdown } from './markdown';
import { schemaProblems } from './schema-problems';
import { checkScripts } from './scripts';
import { checkStep, collectBinds } from './steps';
import { applyVariables } from './variables';
import type { VariableProblem } from '../variables';

export { schemaProblems };

/** The second pass: the scenario against itself and its world. */
function crossCheck(parsed: ParsedFile, scenario: Scenario, world: World | null): Problem[] {
	const cx = new CrossCheck(parsed, scenario, world);
	const s = scenario;
	cx.unique(
		s.personas.map((p) => p.id),
		['personas'],
		'id',
		'persona id'
	);
	cx.unique(
		s.steps.map((p) => p.id),
		['steps'],
		'id',
		'step id'
	);
	cx.unique(
		s.attempts.map((p) => p.name),
		['attempts'],
		'name',
		'attempt name'
	);
	cx.unique(
		s.solution.map((c) => c.id ?? null),
		['solution'],
		'id',
		'command id'
	);
	checkMarkdown(cx, ['briefing'], s.briefing);
	for (const [i, persona] of s.personas.entries()) {
		const path: PathPart[] = ['personas', i];
		if (persona.role === 'end-user') cx.ref([...path, 'user'], 'users', persona.user);
		else {
			cx.ref([...path, 'agent'], 'agents', persona.agent);
			const agent = persona.agent ? world?.agents[persona.agent] : undefined;
			if (persona.role === 'admin' && agent && !agent.isAdmin)
				cx.report(
					[...path, 'agent'],
					`persona "${persona.id}" plays an administrator, but agent "${agent.id}" is not one (isAdmin: true)`
				);
		}
	}
	collectBinds(cx);
	s.steps.forEach((step, i) => checkStep(cx, step, ['steps', i]));
	checkScripts(cx);
	checkSkillsMeasured(cx);
	return cx.problems;
}

/**
 * Every listed skill is measured by some step: the report scores per skill, so
 * a skill no step measures would be claimed by the catalogue and never graded.
 */
function checkSkillsMeasured(cx: CrossCheck): void {
	const measured = new Set(cx.scenario.steps.map((step) => step.skill));
	cx.scenario.skills.forEach((skill, i) => {
		if (!measured.has(skill))
			cx.report(
				['skills', i],
				`skill "${skill}" is listed but no step measures it; give a step "skill: ${skill}" or remove it from skills`
			);
	});
}

/**
 * Validate a parsed file; returns the scenario or the problems found. A lab
 * with variables is validated as the variant `seed` picks (seed 0, the first
 * value of every pool, by default): its references substituted, then checked
 * like any other lab.
 */
export function validateParsed(
	parsed: ParsedFile,
	options: { seed?: number } = {}
): {
	scenario: Scenario | null;
	problems: Problem[];
} {
	const located = (list: VariableProblem[]): Problem[] =>
		list.map((p) => ({
			file: parsed.file,
			...parsed.locate(p.path),
			path: formatPath(p.path),
			message: p.message
		}));
	const variant = applyVariables(parsed, options.seed ?? 0);
	if (!variant.ok) return { scenario: null, problems: located(variant.problems) };
	const result = validateVariant(variant.parsed);
	if (result.scenario && variant.variant) result.scenario.variant = variant.variant;
	return result;
}

function validateVariant(parsed: ParsedFile): {
	scenario: Scenario | null;
	problems: Problem[];
} {
	const format = (parsed.data as { format?: unknown } | null)?.format;
	if (format === 1)
		return {
			scenario: null,
			problems: [
				{
					file: parsed.file,
					...parsed.locate(['format']),
					path: 'format',
					message: `this lab is written in format 1; Deskdrill reads format ${FORMAT_VERSION}. Order is now judged from events: replace a step's "after: <step>" with "after: {event: ...}" on the check that needs it, rename "afterEvent" to "after", move a bind check's topic, dept or source into checks of their own, and set format: ${FORMAT_VERSION} (scenarios/README.md, "What changed in format 2")`
				}
			]
		};
	const problems = schemaProblems(parsed);
	if (problems.length) return { scenario: null, problems };
	const scenario = {
		...(parsed.data as Omit<Scenario, 'file' | 'briefing'>),
		file: parsed.file,
		briefing: parsed.briefing
	} as Scenario;
	let world: World | null = null;
	const worldProblems: Problem[] = [];
	try {
		world = scenarioWorld(scenario);
	} catch (error) {
		const path = error instanceof ScenarioWorldError ? error.path : ['world'];
		worldProblems.push({
			file: parsed.file,
			...parsed.locate(path),
			path: formatPath(path),
			message: `the world cannot be built: ${describe(error)}`
		});
	}
	const cross = crossCheck(parsed, scenario, world);
	const all = [...worldProblems, ...cross].sort((a, b) => a.line - b.line || a.column - b.column);
	return all.length ? { scenario: null, problems: all } : { scenario, problems: [] };
}
