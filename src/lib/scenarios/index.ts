/**
 * Scenarios: the lab file format, its loader and validator, the world a lab
 * starts from, bindings, text matching and running reference solutions. Runs
 * in the browser and in Node. See scenarios/README.md.
 */
export * from './types';
export { loadScenario, formatProblem } from './load';
export { parseScenarioFile, formatPath } from './parse';
export { validateParsed, schemaProblems } from './validate';
export { SCENARIO_SCHEMA, EVENT_TYPES } from './schema';
export { scenarioWorld, ScenarioWorldError, durationMinutes, seedTicketIds } from './world';
export { runScript, attemptCommands, findMail, actorOf } from './solution';
export type { ScriptRun, ScriptProblem } from './solution';
export { resolveBindings, resolveBinding, personOf, personName, actorIs } from './bindings';
export type { Binding, Person } from './bindings';
export { matchesText, containsTerm, normalizeText, stemOf } from './text-match';
export { renderMarkdown, safeUrl } from '../markdown/render';
