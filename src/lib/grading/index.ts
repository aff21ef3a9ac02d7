/**
 * Grading: a pure function from (scenario, world, journal) to step results,
 * points and a per-skill total. See grade.ts and scenarios/README.md.
 */
export { grade, hintPenalty } from './grade';
export type { Grade, GradeOptions, StepGrade, StepStatus } from './grade';
export { evaluate, eventText, displayValue } from './checks';
export type { CheckResult } from './checks';
export { makeContext, resolveBindings, resolveBinding, personOf } from './context';
export type { Binding, GradeContext, Person } from './context';
export { normalizeText, containsPhrase, matchesText } from './text';
