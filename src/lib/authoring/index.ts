/**
 * Authoring: the tools an instructor uses on a lab: its self-test (the proof
 * that its checks are right) and the command line. Depends on scenarios and
 * grading; nothing below depends on it.
 */
export { selfTest, proveAttempt, failureLines } from './selftest';
export type { SelfTestResult, AttemptLine } from './selftest';
