/**
 * Scenarios: the lab file format, its loader and validator, the world a lab
 * starts from, reference solutions and the self-test. Runs in the browser and
 * in Node (only cli.ts touches the file system). See scenarios/README.md.
 */
export * from './types';
export { loadScenario, formatProblem } from './load';
export { parseScenarioFile, formatPath } from './parse';
export { validateParsed, schemaProblems } from './validate';
export { SCENARIO_SCHEMA, EVENT_TYPES } from './schema';
export { scenarioWorld, ScenarioWorldError, durationMinutes, seedTicketIds } from './world';
export { runScript, attemptCommands, findMail, actorOf } from './solution';
export type { ScriptRun, ScriptProblem } from './solution';
export { selfTest } from './selftest';
export type { SelfTestResult } from './selftest';
export { renderMarkdown, safeUrl } from '../markdown/render';
