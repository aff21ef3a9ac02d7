/**
 * The grader on the shipped labs: any valid path scores; order is judged from
 * events, never from another step's verdict; "is" checks read the state now,
 * "happened" checks read the log; one event serves every step it satisfies;
 * nothing scores before the learner has touched a step; bindings find THE
 * ticket by what identifies it; partial credit, hint and solution costs never
 * go below zero.
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

function lab(file: string): Scenario {
	const result = loadScenario(readFileSync(join(process.cwd(), 'scenarios', file), 'utf8'), file);
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.scenario;
}

const outage = lab('banking-outage.md');
const escalation = lab('escalation-permissions.md');
const lifecycle = lab('full-lifecycle.md');
const laptop = lab('cfo-laptop.md');

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

const points = (g: { steps: { id: string; points: number }[] }, id: string) =>
	g.steps.find((s) => s.id === id)?.points;

describe('grade', () => {
	it('gives the reference solution every point, per step and per skill', () => {
		const { g } = play(outage, outage.solution);
		expect(g.score).toBe(g.maxScore);
		expect(g.maxScore).toBe(100);
		expect(g.steps.every((s) => s.status === 'passed')).toBe(true);
		const skills = Object.values(g.bySkill);
		expect(skills.reduce((n, s) => n + s.maxScore, 0)).toBe(100);
		expect(g.bySkill['sla']).toEqual({ score: 12, maxScore: 12 });
	});

	it('scores another valid path the same: SLA and priority in one edit, team then agent, resolved on its own', () => {
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

	it('judges order from events, not from other steps: an acknowledgement before the assignment still counts', () => {
		const { status } = play(outage, [OPEN, ACK, EMERGENCY, SEV_A, ASSIGN, NOTE, FIX]);
		expect(Object.values(status).every((s) => s === 'passed')).toBe(true);
	});

	it('a missed step costs its own points only: routed to the wrong agent, the replies still count', () => {
		const { status, g } = play(outage, [
			OPEN,
			EMERGENCY,
			SEV_A,
			{ as: 'john', do: 'ticket.assign', ticket: 'outage', agentId: 'john' },
			ACK,
			NOTE,
			FIX
		]);
		expect(status['route']).toBe('failed');
		expect(Object.entries(status).filter(([, s]) => s !== 'passed')).toEqual([['route', 'failed']]);
		// Only the routing step loses, and only its share: the department check still holds.
		expect(g.score).toBe(100 - 15 + Math.floor(15 / 2));
	});

	it('an order check needs its anchor: "after" the grant, "before" the first close', () => {
		// Seen after the grant: counts. Seen only before it: does not.
		const noView = escalation.solution.filter((c) => c.id !== 'view');
		expect(play(escalation, noView).status['view']).toBe('failed');
		// A reply that leaves the ticket open acknowledges; one sent after it was resolved does not.
		const late = play(outage, [
			OPEN,
			EMERGENCY,
			SEV_A,
			ASSIGN,
			NOTE,
			FIX,
			{ ...ACK, body: 'We are coordinating with the Sys Admin team.' }
		]);
		expect(late.status['acknowledge']).toBe('failed');
		expect(late.status['fix']).toBe('passed');
	});

	it('lets one event serve every step it satisfies: a reply that acknowledges and asks', () => {
		const { status } = play(lifecycle, [
			{
				as: 'john',
				do: 'ticket.reply',
				ticket: 'outlook',
				body: 'Thanks Ken, we are investigating. Could you send the exact error message?'
			}
		]);
		expect(status['acknowledge']).toBe('passed');
		expect(status['ask']).toBe('passed');
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

	it('matches word forms: plurals, hyphens and run-together words of a key term', () => {
		for (const body of [
			'The LOAD-BALANCER failed.',
			'one of the load balancers was swapped',
			'the loadbalancer was replaced',
			'a failed LB, now fixed'
		]) {
			const { status } = play(outage, [OPEN, EMERGENCY, SEV_A, ASSIGN, ACK, { ...FIX, body }]);
			expect(status['fix'], body).toBe('passed');
		}
		const { status, g } = play(outage, [
			OPEN,
			EMERGENCY,
			SEV_A,
			ASSIGN,
			ACK,
			{ ...FIX, body: 'The club server rebooted.' }
		]);
		expect(status['fix']).toBe('failed');
		// The text a human may want to read is kept beside the verdict.
		expect(g.steps.find((s) => s.id === 'fix')?.checks[0]?.evidence).toContain(
			'The club server rebooted.'
		);
		for (const body of ['Talking to the sys admins now.', 'A system administrator is on it.'])
			expect(play(outage, [OPEN, { ...ACK, body }]).status['coordinate'], body).toBe('passed');
	});

	it('binds a ticket by who opened it and what about: a topic corrected later still finds it', () => {
		const wrongTopic = { ...OPEN, topicId: 'general' };
		const fixed = play(outage, [
			wrongTopic,
			{ as: 'john', do: 'ticket.edit', ticket: 'outage', changes: { topicId: 'bco' } },
			...outage.solution.slice(1)
		]);
		expect(fixed.status['report']).toBe('failed');
		expect(fixed.status['topic']).toBe('passed');
		expect(Object.values(fixed.status).filter((s) => s !== 'passed')).toHaveLength(1);
		// The wrong topic costs a share of the intake step only.
		expect(points(fixed.g, 'report')).toBe(Math.floor((10 * 2) / 3));
	});

	it('binds THE ticket: an extra test ticket opened first is not graded', () => {
		const { g, run } = play(outage, [
			{ ...OPEN, topicId: 'general', subject: 'test ticket, please ignore' },
			...outage.solution
		]);
		expect(Object.keys(run.desk.world.tickets)).toHaveLength(2);
		expect(g.score).toBe(100);
	});

	it('scores nothing before the learner has touched a step: checks that hold by default earn nothing', () => {
		// Karen's ticket is in Support from the start (route's department check holds), and
		// nothing is overdue yet (the CFO lab's resolve step): neither step is touched.
		const { g } = play(outage, [OPEN]);
		const route = g.steps.find((s) => s.id === 'route');
		expect(route?.checks.map((c) => c.ok)).toEqual([false, true]);
		expect(route?.touched).toBe(false);
		expect(route?.points).toBe(0);
		const live = grade(
			outage,
			play(outage, [OPEN]).run.desk.world,
			play(outage, [OPEN]).run.desk.journal
		);
		expect(live.steps.find((s) => s.id === 'route')?.status).toBe('pending');
		const cfo = play(laptop, laptop.solution.slice(0, 1)).g.steps.find((s) => s.id === 'resolve');
		expect(cfo?.points).toBe(0);
	});

	it('says a touched step is wrong at once, with its message, instead of leaving it "to do"', () => {
		const run = runScript(outage, [OPEN, { ...SEV_A, changes: { slaId: 'sev-b' } }]);
		const live = grade(outage, run.desk.world, run.desk.journal);
		const sla = live.steps.find((s) => s.id === 'sla');
		expect(sla?.status).toBe('failed');
		expect(sla?.checks[0]?.message).toContain('SEV-B');
		expect(live.steps.find((s) => s.id === 'priority')?.status).toBe('pending');
	});

	it('describes what a check looks at without giving the expected value away', () => {
		const { g } = play(outage, [OPEN]);
		const sla = g.steps.find((s) => s.id === 'sla');
		expect(sla?.checks[0]?.looksFor).toBe("the ticket's SLA plan");
		expect(sla?.checks[0]?.looksFor).not.toMatch(/SEV/);
	});

	it('a resolution at the due minute is in time for both checks that ask (overdue means past it)', () => {
		const atDue = play(laptop, [
			...laptop.solution.filter((c) => c.id !== 'resolve'),
			{
				advance: '3h50m',
				as: 'john',
				do: 'ticket.reply',
				ticket: 'laptop',
				body: 'New charger.',
				status: 'resolved'
			}
		]);
		const closed = atDue.run.desk.world.events.find((e) => e.type === 'ticket.closed');
		expect(closed?.at).toBe(closed?.type === 'ticket.closed' ? closed.data.dueAt : NaN);
		expect(atDue.run.desk.world.events.some((e) => e.type === 'ticket.overdue')).toBe(false);
		expect(atDue.status['resolve']).toBe('passed');
		const late = play(laptop, [
			...laptop.solution.filter((c) => c.id !== 'resolve'),
			{ advance: '3h51m', as: 'john', do: 'ticket.status', ticket: 'laptop', status: 'resolved' }
		]);
		expect(late.run.desk.world.events.some((e) => e.type === 'ticket.overdue')).toBe(true);
		expect(late.status['resolve']).toBe('failed');
	});

	it('"within the due date" and "never overdue" agree at the due minute, and one minute after it', () => {
		const agree: Scenario = {
			...laptop,
			steps: laptop.steps.map((step) =>
				step.id !== 'resolve'
					? step
					: {
							...step,
							checks: [
								{
									kind: 'happened',
									event: 'ticket.closed',
									ticket: 'laptop',
									withinDue: true,
									fail: 'late'
								},
								{ kind: 'never', event: 'ticket.overdue', ticket: 'laptop', fail: 'overdue' }
							]
						}
			)
		};
		const close = (advance: string): ScriptCommand => ({
			advance,
			as: 'john',
			do: 'ticket.status',
			ticket: 'laptop',
			status: 'resolved'
		});
		const base = laptop.solution.filter((c) => c.id !== 'resolve');
		const inTime = play(agree, [...base, close('3h50m')]).g.steps.find((s) => s.id === 'resolve');
		expect(inTime?.checks.map((c) => c.ok)).toEqual([true, true]);
		const late = play(agree, [...base, close('3h51m')]).g.steps.find((s) => s.id === 'resolve');
		expect(late?.checks.map((c) => c.ok)).toEqual([false, false]);
	});

	it('subtracts hint costs in the order hints open, and the whole step for a shown solution', () => {
		const full = play(outage, outage.solution, {
			hintsUsed: { sla: 1, route: 2, report: 3 },
			solutionsShown: ['priority']
		}).g;
		expect(points(full, 'sla')).toBe(12 - 1);
		expect(points(full, 'route')).toBe(15 - 2 - 5);
		expect(points(full, 'report')).toBe(10 - 6);
		expect(points(full, 'priority')).toBe(0);
		const priority = full.steps.find((s) => s.id === 'priority');
		expect(priority).toMatchObject({ status: 'passed', solutionShown: true, solutionPenalty: 6 });
		expect(full.score).toBe(100 - 1 - 7 - 6 - 6);
		const nothing = play(outage, [OPEN], { hintsUsed: { sla: 2, priority: 5 } }).g;
		expect(points(nothing, 'sla')).toBe(0);
		expect(nothing.steps.every((s) => s.points >= 0)).toBe(true);
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

	it('keeps the empty attempt at zero and every step pending until the attempt is over', () => {
		const empty = new HelpDesk(scenarioWorld(outage));
		const pending = grade(outage, empty.world, empty.journal);
		expect(pending.steps.every((s) => s.status === 'pending')).toBe(true);
		expect(pending.score).toBe(0);
		const final = grade(outage, empty.world, empty.journal, { final: true });
		expect(final.steps.every((s) => s.status === 'failed')).toBe(true);
	});
});
