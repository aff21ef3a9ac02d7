import { describe, expect, it } from 'vitest';
import { loadLab } from '../../../tests/fixtures/scenarios';
import { runScript } from '../scenarios/solution';
import { stepSolutions, ticketWords } from './solutions';

const LABS = [
	'banking-outage',
	'cfo-laptop',
	'escalation-permissions',
	'adobe-upgrade',
	'full-lifecycle',
	'intake-channels'
];

describe('step solutions', () => {
	it('gives every step of every shipped lab the actions that complete it', () => {
		for (const lab of LABS) {
			const scenario = loadLab(lab);
			const solutions = stepSolutions(scenario);
			for (const step of scenario.steps)
				expect(solutions[step.id]?.length, `${lab}/${step.id}`).toBeGreaterThan(0);
		}
	});

	it('never leaks an internal name: no binding, id, command type or "let 5m pass"', () => {
		for (const lab of LABS) {
			const scenario = loadLab(lab);
			const w = scenario.world;
			const bindings = [
				...scenario.steps.flatMap((s) =>
					s.checks.filter((c) => c.kind === 'bind').map((c) => c.name)
				),
				...(w.tickets ?? []).map((t) => t.ref)
			];
			// Ids with a hyphen or a digit can never be words of a sentence (sev-a, online-banking, tier-2).
			const ids = [w.slas, w.departments, w.teams, w.topics, w.roles, w.agents, w.users]
				.flatMap((list) => (list ?? []).map((x) => ('id' in x ? x.id : undefined)))
				.filter((id): id is string => !!id && /[-\d]/.test(id));
			for (const line of Object.values(stepSolutions(scenario)).flat()) {
				for (const name of bindings) expect(line, lab).not.toContain(`“${name}”`);
				for (const id of ids) expect(line, lab).not.toMatch(new RegExp(`\\b${id}\\b`));
				expect(line, lab).not.toMatch(/\b(ticket|mail|access|clock)\.[a-z]+/);
				expect(line, lab).not.toMatch(/\blet \d+\w* pass\b|undefined|\[object/i);
			}
		}
	});

	it('tells each action with osTicket’s labels, the ticket by its Issue Summary, and who to play', () => {
		const s = stepSolutions(loadLab('banking-outage'));
		expect(s['report']).toEqual([
			'As Karen Karen, choose Open a New Ticket and fill in Help Topic “Business Critical Outage”, Issue Summary “Entire mobile online banking is down” and Issue Details “Customers are reporting they are getting a 404 error when browsing to online banking”, then Create Ticket.'
		]);
		expect(s['sla']).toEqual([
			'As John Smith, open the ticket “Entire mobile online banking is down”, choose Edit, set SLA Plan to SEV-A, then Save.'
		]);
		// One command that assigns an agent and a team is Assign ▾ twice on screen.
		expect(s['route']).toEqual([
			'As John Smith, open the ticket “Entire mobile online banking is down” and choose Assign ▾ → Agent with the Assignee Jane Doe, then Assign; then Assign ▾ → Team with the Assignee Online Banking Team and the Comments “Mobile banking outage for the Online Banking Team.”, then Assign.'
		]);
		expect(s['fix']?.at(-1)).toBe(
			'As Jane Doe, open the ticket “Entire mobile online banking is down”; in the Post Reply tab write the Response “Jerry from System Engineering found and connected a failed load balancer. Mobile banking should be back up.”, set Ticket Status to Resolved, then Post Reply.'
		);
	});

	it('names a ticket that exists from the start by its number, and says when a try is meant to be refused', () => {
		const s = stepSolutions(loadLab('escalation-permissions'));
		expect(s['grant']).toEqual([
			'As Ada Admin, in the Admin Panel open Agents → John Smith, and in the Access tab set Extended access department SysAdmins with the role View only, Add Access, then Save Changes.'
		]);
		expect(s['cannot-edit']?.[0]).toMatch(
			/^As John Smith, try to open ticket #\d{6} \(“CFO's laptop will no longer turn on”\), choose Edit, set Priority to High, then Save: it is refused, which is what this step shows\.$/
		);
	});

	it('turns a move of the clock into the buttons to press, and leaves out moves under an hour', () => {
		const adobe = stepSolutions(loadLab('adobe-upgrade'));
		expect(adobe['resolve']?.[0]).toMatch(/^Press \+1 hour; then as John Smith, open the ticket/);
		// The claim comes 15 minutes after Ken's ticket: no button makes that, and nothing needs it.
		expect(adobe['claim']).toEqual([
			'As John Smith, open the ticket “Adobe upgrade is broken on the Accounting PCs” and choose Assign ▾ → Claim.'
		]);
		expect(stepSolutions(loadLab('full-lifecycle'))['close']?.[0]).toMatch(
			/^Press \+4 hours 6 times; then as John Smith \(Tier 1\), /
		);
	});

	it('names the trainee’s own ticket and e-mail, by number, once they exist in their help desk', () => {
		const lab = loadLab('intake-channels');
		// The trainee's desk: John logged Karen's call with his own words.
		const trainee = runScript(lab, [
			{
				as: 'john',
				do: 'ticket.open',
				userId: 'karen',
				source: 'Phone',
				topicId: 'general',
				subject: 'Printer on 3 prints nothing',
				details: 'Karen phoned: nothing comes out of the 3rd floor printer.'
			}
		]).desk.world;
		const number = Object.values(trainee.tickets)[0]?.number;
		const s = stepSolutions(lab, trainee);
		expect(s['email-reply']?.[0]).toBe(
			`As Karen Karen, open the Mailbox, open the e-mail “Printer on 3 prints nothing [#${number}]” and write in Reply: “Also, the printer's display shows error E-52.”, then Send Reply.`
		);
		expect(s['agent-reply']?.[0]).toMatch(
			new RegExp(`^As John Smith, open ticket #${number} \\(“Printer on 3 prints nothing”\\);`)
		);
		// Without the trainee's desk, the reference run's number is not theirs: it is left out.
		expect(stepSolutions(lab)['email-reply']?.[0]).toContain(
			'open the e-mail “Cannot print to the 3rd floor printer” and'
		);
	});

	it('words a ticket with what is known of it', () => {
		expect(ticketWords({ number: '123456', subject: 'Down' }, null)).toBe(
			'ticket #123456 (“Down”)'
		);
		expect(ticketWords(null, { number: '999999', subject: 'Down' })).toBe('the ticket “Down”');
		expect(ticketWords(null, null)).toBe('the ticket');
	});
});
