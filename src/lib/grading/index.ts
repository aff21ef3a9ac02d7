/**
 * Grading: a pure function from (scenario, world, journal) to step results,
 * points and a per-skill total. See grade.ts and scenarios/README.md.
 */
export { grade, hintPenalty } from './grade';
export type { CheckGrade, Grade, GradeOptions, StepGrade, StepStatus } from './grade';
export { evaluate } from './checks';
export { displayValue, eventText, looksFor } from './describe';
export type { CheckResult } from './result';
export { makeContext } from './context';
export type { GradeContext } from './context';
