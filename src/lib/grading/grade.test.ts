/**
 * The grader on the banking-outage lab: any valid path scores, order matters
 * only where a step says so, "is" checks read the state now, "happened" checks
 * read the log, text is matched leniently, partial credit and hint costs never
 * go below zero, bindings find THE ticket.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HelpDesk } from '../domain';
import { loadScenario } from '../scenarios/load';
import { runScript } from '../scenarios/solution';
import type { Scenario, ScriptCommand } from '../scenarios/types';
import { scenarioWorld } from '../scenarios/world';
import { grade, type GradeOptions } from './grade';
import { containsPhrase, matchesText } from './text';

function lab(file: string): Scenario {
	const result = loadScenario(readFileSync(join(process.cwd(), 'scenarios', file), 'utf8'), file);
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.scenario;
}

const outage = lab('banking-outage.md');
const escalation = lab('escalation-permissions.md');

/** Run commands and grade the attempt as finished (a step not started is failed, not pending). */
function play(scenario: Scenario, commands: ScriptCommand[], options: GradeOptions = {}) {
	const run = runScript(scenario, commands);
	const g = grade(scenario, run.desk.world, run.desk.journal, { final: true, ...options });
	const status = Object.fromEntries(g.steps.map((s) => [s.id, s.status]));
	return { g, status, run };
}

const OPEN: ScriptCommand = {
	as: 'karen',
	do: 'ticket.open',
	topicId: 'bco',
	subject: 'Entire mobile online banking is down',
	details: 'Customers are reporting they are getting a 404 error when browsing to online banking'
};
const EMERGENCY: ScriptCommand = {
	as: 'john',
	do: 'ticket.edit',
	ticket: 'outage',
	changes: { priority: 'emergency' }
};
const SEV_A: ScriptCommand = {
	as: 'john',
	do: 'ticket.edit',
	ticket: 'outage',
	changes: { slaId: 'sev-a' }
};
const ASSIGN: ScriptCommand = {
	as: 'john',
	do: 'ticket.assign',
	ticket: 'outage',
	agentId: 'jane',
	teamId: 'online-banking'
};
const ACK: ScriptCommand = {
	as: 'jane',
	do: 'ticket.reply',
	ticket: 'outage',
	body: 'Coordinating with Sys Admin Team to bring mobile banking back online.'
};
const NOTE: ScriptCommand = {
	as: 'jane',
	do: 'ticket.note',
	ticket: 'outage',
	body: 'Paged the SysAdmins.'
};
const FIX: ScriptCommand = {
	as: 'jane',
	do: 'ticket.reply',
	ticket: 'outage',
	body: 'Jerry from System Engineering found and connected a failed load balancer. Mobile banking should be back up.',
	status: 'resolved'
};

describe('grade', () => {
	it('gives the reference solution every point, per step and per skill', () => {
		const { g } = play(outage, outage.solution);
		expect(g.score).toBe(g.maxScore);
		expect(g.maxScore).toBe(100);
		expect(g.steps.every((s) => s.status === 'passed')).toBe(true);
		const skills = Object.values(g.bySkill);
		expect(skills.reduce((n, s) => n + s.maxScore, 0)).toBe(100);
		expect(g.bySkill['sla']).toEqual({ score: 10, maxScore: 10 });
	});

	it('scores another valid path the same: SLA before priority, both in one edit, assignment split in two', () => {
		const { g } = play(outage, [
			OPEN,
			{
				as: 'jane',
				do: 'ticket.edit',
				ticket: 'outage',
				changes: { slaId: 'sev-a', priority: 'emergency' }
			},
			{ as: 'john', do: 'ticket.assign', ticket: 'outage', teamId: 'online-banking' },
			{ as: 'john', do: 'ticket.assign', ticket: 'outage', agentId: 'jane' },
			NOTE,
			ACK,
			{
				as: 'jane',
				do: 'ticket.reply',
				ticket: 'outage',
				body: 'The LB had failed; it is replaced and banking is back.'
			},
			{ as: 'jane', do: 'ticket.status', ticket: 'outage', status: 'resolved' }
		]);
		expect(g.steps.filter((s) => s.status !== 'passed')).toEqual([]);
		expect(g.score).toBe(100);
	});

	it('enforces order only where a step says "after": an acknowledgement before the assignment does not count', () => {
		const { status } = play(outage, [OPEN, ACK, EMERGENCY, SEV_A, ASSIGN, NOTE, FIX]);
		expect(status['acknowledge']).toBe('failed');
		expect(status['fix']).toBe('failed');
		expect(status['priority']).toBe('passed');
		expect(status['coordinate']).toBe('passed');
	});

	it('fails an "is" check when a step is undone later, and keeps a "happened" check once it happened', () => {
		const undone = play(outage, [
			...outage.solution,
			{ as: 'john', do: 'ticket.edit', ticket: 'outage', changes: { priority: 'normal' } },
			{ as: 'jane', do: 'ticket.reply', ticket: 'outage', body: 'One more update: all good.' }
		]);
		const priority = undone.g.steps.find((s) => s.id === 'priority');
		expect(priority?.status).toBe('failed');
		expect(priority?.points).toBe(0);
		expect(priority?.checks[0]?.message).toBe(
			'The priority is Normal; an outage of mobile banking for all customers is an Emergency.'
		);
		expect(undone.status['acknowledge']).toBe('passed');
		expect(undone.status['fix']).toBe('passed');
	});

	it('interpolates the actual value into the failure message', () => {
		const { g } = play(outage, [OPEN, { ...SEV_A, changes: { slaId: 'sev-b' } }]);
		expect(g.steps.find((s) => s.id === 'sla')?.checks[0]?.message).toBe(
			'The SLA plan is SEV-B; a business-critical outage needs SEV-A.'
		);
	});

	it('matches text leniently: case, spacing, punctuation; whole words; any of the phrasings', () => {
		for (const body of [
			'The LOAD-BALANCER failed.',
			'load   balancer swapped',
			'a failed LB, now fixed'
		]) {
			const { status } = play(outage, [OPEN, EMERGENCY, SEV_A, ASSIGN, ACK, { ...FIX, body }]);
			expect(status['fix'], body).toBe('passed');
		}
		const { status } = play(outage, [
			OPEN,
			EMERGENCY,
			SEV_A,
			ASSIGN,
			ACK,
			{ ...FIX, body: 'The club server rebooted.' }
		]);
		expect(status['fix']).toBe('failed');
		expect(containsPhrase('Sys-Admin team', 'sys admin')).toBe(true);
		expect(containsPhrase('sysadmins', 'sysadmin')).toBe(false);
		expect(matchesText('Café déjà vu', { all: ['cafe', 'deja vu'] })).toBe(true);
		expect(matchesText('two words', { minWords: 3 })).toBe(false);
	});

	it('gives partial credit per step and reports pending steps, failed once the attempt is final', () => {
		const { g } = play(outage, [
			OPEN,
			{ as: 'john', do: 'ticket.assign', ticket: 'outage', teamId: 'online-banking' }
		]);
		const route = g.steps.find((s) => s.id === 'route');
		expect(route?.status).toBe('failed');
		expect(route?.points).toBe(Math.floor((15 * 2) / 4));
		expect(g.steps.find((s) => s.id === 'priority')?.status).toBe('failed');
		const empty = new HelpDesk(scenarioWorld(outage));
		const pending = grade(outage, empty.world, empty.journal);
		expect(pending.steps.every((s) => s.status === 'pending')).toBe(true);
		expect(pending.score).toBe(0);
		const final = grade(outage, empty.world, empty.journal, { final: true });
		expect(final.steps.every((s) => s.status === 'failed')).toBe(true);
	});

	it('subtracts hint costs in the order hints open, never below zero', () => {
		const full = play(outage, outage.solution, { hintsUsed: { sla: 1, route: 2, report: 3 } }).g;
		const step = (id: string) => full.steps.find((s) => s.id === id);
		expect(step('sla')?.points).toBe(9);
		expect(step('route')?.points).toBe(15 - 2 - 5);
		expect(step('report')?.points).toBe(10 - 6);
		expect(full.score).toBe(100 - 1 - 7 - 6);
		const nothing = play(outage, [OPEN], { hintsUsed: { sla: 2, priority: 5 } }).g;
		expect(nothing.steps.find((s) => s.id === 'sla')?.points).toBe(0);
		expect(nothing.steps.every((s) => s.points >= 0)).toBe(true);
	});

	it('binds THE ticket: an extra test ticket opened first is not graded', () => {
		const { g, run } = play(outage, [
			{ ...OPEN, topicId: 'general', subject: 'test ticket, please ignore' },
			...outage.solution
		]);
		expect(Object.keys(run.desk.world.tickets)).toHaveLength(2);
		expect(g.score).toBe(100);
	});

	it('is deterministic: the same commands give the same grade', () => {
		expect(play(outage, outage.solution).g).toEqual(play(outage, outage.solution).g);
	});

	it('grades refusals as facts from the journal', () => {
		const { status, g } = play(escalation, escalation.solution);
		expect(status['vanished']).toBe('passed');
		expect(status['cannot-edit']).toBe('passed');
		expect(g.score).toBe(100);
		const noRefusal = play(
			escalation,
			escalation.solution.filter((c) => c.id !== 'edit' && c.id !== 'vanish')
		);
		expect(noRefusal.status['vanished']).toBe('failed');
		expect(noRefusal.status['cannot-edit']).toBe('failed');
	});
});
