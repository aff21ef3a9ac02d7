/**
 * `npm run scenarios:new -- my-lab`: the text of a new lab that passes
 * `scenarios:check` and `scenarios:test` as written, small enough to read in
 * one sitting and complete enough to copy from: a tiny world, two personas,
 * two steps with checks, a reference solution, valid alternatives, mistakes
 * with the steps they fail, and a briefing. Pure (no file system), so the
 * browser could offer it too; the CLI writes it (new-lab.ts).
 */

/** Lab ids: lower-case letters, digits and "-", as the schema's `id` pattern. */
export const LAB_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** Why `id` cannot name a lab, in words, or null when it can. */
export function labIdProblem(id: string): string | null {
	if (!id) return 'give the new lab an id, e.g. npm run scenarios:new -- printer-down';
	if (id.endsWith('.md')) return `give the id without ".md": ${id.slice(0, -3)}`;
	if (!LAB_ID_PATTERN.test(id))
		return `"${id}" cannot be a lab id: use lower-case letters, digits and "-" (e.g. printer-down), starting with a letter or digit`;
	return null;
}

/** "printer-down" → "Printer down". */
export function titleOf(id: string): string {
	const words = id.replace(/-+/g, ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The new lab's text; `schema` is the modeline's path to scenario.schema.json. */
export function scaffoldText(id: string, schema = './scenario.schema.json'): string {
	const title = titleOf(id);
	return `---
# yaml-language-server: $schema=${schema}
format: 2
id: ${id}
title: '${title.replace(/'/g, "''")}'
summary: Karen reports that the printer is down; John answers her. (Replace with your lab's summary.)
difficulty: beginner
minutes: 10
skills: [intake, communication] # every skill is measured by some step
clock: manual

world: # the help desk the lab starts from
  start: 2026-03-02T09:00:00Z # the simulated clock at the start (UTC)
  settings:
    companyName: Deskdrill
    timezone: UTC # an IANA name (America/New_York); business hours count in it
  departments:
    - { id: support, name: Support }
  agents:
    - id: john
      firstName: John
      lastName: Smith
      username: john
      email: john@example.com
      deptId: support
      roleId: expanded-access # all-access, expanded-access, limited-access, view-only
  topics:
    - { id: printing, name: Printing, deptId: support }
    - { id: general, name: General Inquiry, deptId: support }
  users:
    - { id: karen, name: Karen Karen, email: karen@example.com }

personas: # who the learner plays
  - { id: karen, role: end-user, user: karen }
  - { id: john, role: agent, agent: john }

steps:
  - id: report
    title: Karen reports it
    persona: karen
    skill: intake
    points: 10
    instructions: Open a ticket under **Printing** saying that the printer is down.
    hints:
      - { level: nudge, cost: 2, text: 'End users open tickets from the portal: **Open a New Ticket**.' }
    checks:
      - kind: bind # find the ticket by what identifies it, and name it
        name: printer
        user: karen
        subject: { any: [printer, printing] }
        fail: Karen has not opened a ticket about the printer yet.
      - kind: happened # the topic it was opened under
        event: ticket.created
        ticket: printer
        where: { topicId: printing }
        fail: Karen opened the ticket under another help topic.

  - id: answer
    title: John answers Karen
    persona: john
    skill: communication
    points: 10
    instructions: Reply to Karen and tell her you are looking into it.
    checks:
      - kind: happened
        event: ticket.response
        ticket: printer
        by: john
        fail: John has not replied to Karen yet.

solution: # the reference solution: every step passes with full points
  - id: open
    as: karen
    do: ticket.open
    topicId: printing
    subject: The printer is down
    details: Nothing has printed since this morning.
  - { id: reply, advance: 10m, as: john, do: ticket.reply, ticket: printer, body: I am looking into it. }

attempts: # valid alternatives (fails: []) and mistakes (the steps they fail)
  - name: answered and resolved in one reply
    fails: []
    replace:
      reply:
        { as: john, do: ticket.reply, ticket: printer, body: 'The tray was jammed; fixed.', status: resolved }
  - name: John claims it first, then answers
    fails: []
    insert:
      - before: reply
        commands:
          - { as: john, do: ticket.claim, ticket: printer }
  - name: opened under the wrong topic
    fails: [report]
    replace:
      open: { as: karen, do: ticket.open, topicId: general, subject: Printer down, details: It will not print. }
  - name: an internal note instead of a reply
    fails: [answer]
    replace:
      reply: { as: john, do: ticket.note, ticket: printer, body: Looking into it. }
  - name: never answered
    fails: [answer]
    without: [reply]
---

# ${title}

The briefing: what the learner reads before the first step. Say who they
play, what has happened, and what a good outcome looks like.

Karen cannot print. Open the ticket as Karen, then answer her as John.
`;
}
