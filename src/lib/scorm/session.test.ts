import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../db/attempts-db';
import type { LmsConnection, ScormVersion } from './api';
import { ScormSession, type TrackedAttempt } from './session';
import { decodeSuspend } from './suspend';

/** An LMS that keeps what it is told, and refuses everything after finish. */
function fakeLms(version: ScormVersion, start: Record<string, string> = {}) {
	const values = new Map(Object.entries(start));
	const log: string[] = [];
	let finished = false;
	const lms: LmsConnection = {
		version,
		initialize: () => true,
		get: (e) => values.get(e) ?? '',
		set: (e, v) => {
			if (finished) return false;
			values.set(e, v);
			log.push(e);
			return true;
		},
		commit: () => (log.push('commit'), !finished),
		finish: () => (log.push('finish'), (finished = true))
	};
	return { lms, values, log };
}

function attempt(status: AttemptRecord['status'], score = 0): TrackedAttempt & { status: string } {
	const state = { status: status as string };
	return {
		get status() {
			return state.status;
		},
		set status(s: string) {
			state.status = s;
		},
		record: () => ({ id: 'a1', scenarioId: 'lab', status: state.status }) as AttemptRecord,
		journal: () => [],
		grade: () => ({ score, maxScore: 100 })
	};
}

describe('reporting to a SCORM 1.2 LMS', () => {
	it('says incomplete while the attempt runs, then passed with the score once it ends', () => {
		const { lms, values, log } = fakeLms('1.2');
		const session = new ScormSession(lms, 0);
		const a = attempt('inProgress', 85);
		session.follow(a);
		expect(values.get('cmi.core.lesson_status')).toBe('incomplete');
		expect(values.has('cmi.core.score.raw')).toBe(false);
		a.status = 'submitted';
		session.changed();
		expect(values.get('cmi.core.lesson_status')).toBe('passed');
		expect([values.get('cmi.core.score.raw'), values.get('cmi.core.score.min')]).toEqual([
			'85',
			'0'
		]);
		expect(values.get('cmi.core.score.max')).toBe('100');
		expect(decodeSuspend(values.get('cmi.suspend_data') ?? '')?.record.status).toBe('submitted');
		expect(log).toContain('commit');
		// Told once per attempt.
		const before = log.length;
		session.changed();
		expect(log.length).toBe(before);
	});

	it('fails below the pass mark, and on exit sets the time, a normal exit, commits and finishes once', () => {
		const { lms, values, log } = fakeLms('1.2');
		const session = new ScormSession(lms, 1000);
		const a = attempt('inProgress', 40);
		session.follow(a);
		a.status = 'timedOut';
		session.changed();
		expect(values.get('cmi.core.lesson_status')).toBe('failed');
		session.exit(1000 + 3_723_450);
		expect(values.get('cmi.core.session_time')).toBe('01:02:03.45');
		expect(values.get('cmi.core.exit')).toBe('');
		expect(log.slice(-2)).toEqual(['commit', 'finish']);
		session.exit();
		expect(log.filter((l) => l === 'finish')).toHaveLength(1);
	});

	it('reads a resume from cmi.core.entry and keeps what the LMS held', () => {
		const { lms } = fakeLms('1.2', { 'cmi.core.entry': 'resume', 'cmi.suspend_data': 'dd1:x' });
		const session = new ScormSession(lms);
		expect(session.resuming).toBe(true);
		expect(session.suspendData).toBe('dd1:x');
		expect(new ScormSession(fakeLms('1.2', { 'cmi.core.entry': 'ab-initio' }).lms).resuming).toBe(
			false
		);
	});
});

describe('reporting to a SCORM 2004 LMS', () => {
	it('reports completion and success apart, and the scaled score', () => {
		const { lms, values } = fakeLms('2004');
		const session = new ScormSession(lms, 0);
		const a = attempt('inProgress', 80);
		session.follow(a);
		expect(values.get('cmi.completion_status')).toBe('incomplete');
		expect(values.get('cmi.success_status')).toBe('unknown');
		a.status = 'submitted';
		session.changed();
		expect(values.get('cmi.completion_status')).toBe('completed');
		expect(values.get('cmi.success_status')).toBe('passed');
		expect(values.get('cmi.score.scaled')).toBe('0.8');
		expect(values.get('cmi.score.raw')).toBe('80');
	});

	it('leaves an open attempt suspended, with its suspend_data, even after its page closed', () => {
		const { lms, values } = fakeLms('2004');
		const session = new ScormSession(lms, 0);
		const a = attempt('inProgress');
		session.follow(a);
		session.release(a);
		session.exit(90_000);
		expect(values.get('cmi.exit')).toBe('suspend');
		expect(values.get('cmi.session_time')).toBe('PT1M30S');
		expect(decodeSuspend(values.get('cmi.suspend_data') ?? '')?.record.id).toBe('a1');
		expect(session.finished).toBe(true);
	});
});
