import { describe, expect, it, vi } from 'vitest';
import { connection, discover, findApi, type WindowLike } from './api';

/** A chain of fake windows: [0] is the content's, each next one its parent; the last is top. */
function chain(length: number): WindowLike[] {
	const wins: WindowLike[] = Array.from({ length }, () => ({ parent: null }));
	wins.forEach((w, i) => (w.parent = wins[i + 1] ?? w));
	return wins;
}

const api12 = () => ({
	LMSInitialize: vi.fn(() => 'true'),
	LMSFinish: vi.fn(() => 'true'),
	LMSGetValue: vi.fn(() => 'resume'),
	LMSSetValue: vi.fn(() => 'true'),
	LMSCommit: vi.fn(() => 'true'),
	LMSGetLastError: vi.fn(() => '0')
});

describe('finding the LMS API', () => {
	it('finds API on a parent and API_1484_11 on the top window', () => {
		const wins = chain(4);
		const a = api12();
		wins[2]!['API'] = a;
		const b = { Initialize: () => 'true' };
		wins[3]!['API_1484_11'] = b;
		expect(findApi(wins[0]!, '1.2')).toBe(a);
		expect(findApi(wins[0]!, '2004')).toBe(b);
	});

	it('looks no further than 7 parents up', () => {
		const near = chain(9);
		near[7]!['API'] = api12();
		expect(findApi(near[0]!, '1.2')).not.toBeNull();
		const far = chain(10);
		far[9]!['API'] = api12();
		expect(findApi(far[0]!, '1.2')).toBeNull();
	});

	it('then searches the opener and its parents', () => {
		const content = chain(2);
		const opener = chain(3);
		opener[2]!['API_1484_11'] = { Initialize: () => 'true' };
		content[0]!.opener = opener[0]!;
		expect(findApi(content[0]!, '2004')).toBe(opener[2]!['API_1484_11']);
		expect(findApi(content[0]!, '1.2')).toBeNull();
	});

	it('takes a window of another origin (which throws on access) as "not here"', () => {
		const wins = chain(3);
		Object.defineProperty(wins[1]!, 'API', {
			get() {
				throw new DOMException('Blocked a frame with origin', 'SecurityError');
			}
		});
		const a = api12();
		wins[2]!['API'] = a;
		expect(findApi(wins[0]!, '1.2')).toBe(a);
	});

	it('finds nothing outside an LMS', () => {
		expect(discover(chain(1)[0]!)).toBeNull();
		expect(discover(chain(3)[0]!, '2004')).toBeNull();
	});

	it('prefers 2004 when the package does not say, and keeps the version asked for', () => {
		const wins = chain(2);
		wins[1]!['API'] = api12();
		wins[1]!['API_1484_11'] = { Initialize: () => 'true' };
		expect(discover(wins[0]!)?.version).toBe('2004');
		expect(discover(wins[0]!, '1.2')?.version).toBe('1.2');
	});
});

describe('one interface over both APIs', () => {
	it('calls the 1.2 names and reads "true" as success', () => {
		const a = api12();
		const lms = connection('1.2', a);
		expect(lms.initialize()).toBe(true);
		expect(lms.get('cmi.core.entry')).toBe('resume');
		expect(lms.set('cmi.core.lesson_status', 'passed')).toBe(true);
		expect(a.LMSSetValue).toHaveBeenCalledWith('cmi.core.lesson_status', 'passed');
		a.LMSCommit.mockReturnValue('false');
		expect(lms.commit()).toBe(false);
		expect(lms.finish()).toBe(true);
		expect(a.LMSFinish).toHaveBeenCalledWith('');
	});

	it('calls the 2004 names', () => {
		const calls: string[] = [];
		const a = {
			Initialize: () => (calls.push('Initialize'), 'true'),
			Terminate: () => (calls.push('Terminate'), 'true'),
			GetValue: (e: string) => (calls.push(`GetValue ${e}`), ''),
			SetValue: (e: string, v: string) => (calls.push(`SetValue ${e}=${v}`), 'true'),
			Commit: () => (calls.push('Commit'), 'true'),
			GetLastError: () => 0
		};
		const lms = connection('2004', a);
		lms.initialize();
		lms.get('cmi.entry');
		lms.set('cmi.exit', 'suspend');
		lms.commit();
		lms.finish();
		expect(calls).toEqual([
			'Initialize',
			'GetValue cmi.entry',
			'SetValue cmi.exit=suspend',
			'Commit',
			'Terminate'
		]);
	});
});
