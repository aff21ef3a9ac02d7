/** How a form's controls are tied to the outcome of its last command. */
import { describe, expect, it } from 'vitest';
import { Feedback } from './feedback.svelte';

describe('Feedback.control', () => {
	it('names the control and its field, and marks it only while the refusal is about it', () => {
		const feedback = new Feedback({ graceHours: 'Grace Period (hours)' }, 'form-notice');
		expect(feedback.control('f-grace', 'graceHours', { hint: 'f-hint' })).toEqual({
			id: 'f-grace',
			'data-field': 'graceHours',
			'aria-invalid': false,
			'aria-describedby': 'f-hint'
		});
		feedback.error = {
			code: 'invalid',
			message: 'Grace Period must be a number of hours above zero.',
			field: 'graceHours'
		};
		expect(feedback.control('f-grace', 'graceHours', { hint: 'f-hint' })).toMatchObject({
			'aria-invalid': true,
			'aria-describedby': 'f-hint form-notice'
		});
		expect(feedback.control('f-name', 'name')['aria-invalid']).toBe(false);
		expect(feedback.fieldLabel).toBe('Grace Period (hours)');
	});

	it('marks a control that edits several fields when any of them is refused', () => {
		const feedback = new Feedback({}, 'n');
		feedback.error = {
			code: 'not_found',
			message: 'There is no team "x".',
			field: 'autoAssignTeamId'
		};
		expect(
			feedback.control('a', 'autoAssignAgentId', { also: ['autoAssignTeamId'] })
		).toMatchObject({
			'aria-invalid': true,
			'aria-describedby': 'n'
		});
	});
});
