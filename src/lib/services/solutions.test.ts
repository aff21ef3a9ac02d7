import { describe, expect, it } from 'vitest';
import { loadLab } from '../../../tests/fixtures/scenarios';
import { stepSolutions } from './solutions';

describe('step solutions', () => {
	it('gives every step of every shipped lab the commands that complete it, in words with names', () => {
		for (const lab of [
			'banking-outage',
			'cfo-laptop',
			'escalation-permissions',
			'adobe-upgrade',
			'full-lifecycle',
			'intake-channels'
		]) {
			const scenario = loadLab(lab);
			const solutions = stepSolutions(scenario);
			for (const step of scenario.steps)
				expect(solutions[step.id]?.length, `${lab}/${step.id}`).toBeGreaterThan(0);
		}
	});

	it('names people, plans and departments rather than ids, and says when a command is meant to be refused', () => {
		const s = stepSolutions(loadLab('escalation-permissions'));
		expect(s['grant']).toEqual([
			'As Ada Admin, grant department access — agent: John Smith; Department: SysAdmins; role: View only'
		]);
		expect(s['cannot-edit']?.[0]).toMatch(
			/^As John Smith, try to edit the ticket .* \(this is refused: that is the point\)$/
		);
	});
});
