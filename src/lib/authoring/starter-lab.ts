/**
 * The lab the Author page opens with when no lab is chosen: the smallest
 * useful one (an end user, an agent, one step). It loads and runs in the
 * preview, but its solution is a placeholder, so its self-test fails until
 * the author plays it and presses "Record the solution".
 */
export const STARTER_LAB = `---
format: 2
id: printer-reply
title: Karen cannot print
summary: Karen asks for help with her printer; John answers her.
difficulty: beginner
minutes: 5
skills: [communication]
clock: manual

world:
  start: 2026-03-02T10:00:00Z
  settings: { defaultDeptId: support }
  departments:
    - { id: support, name: Support }
  agents:
    - id: john
      firstName: John
      lastName: Smith
      username: john
      email: john@example.com
      deptId: support
      roleId: expanded-access
  topics:
    - { id: general, name: General Inquiry, deptId: support }
  users:
    - { id: karen, name: Karen Karen, email: karen@example.com }

personas:
  - { id: karen, role: end-user, user: karen }
  - { id: john, role: agent, agent: john }

steps:
  - id: answer
    title: Answer Karen
    persona: john
    skill: communication
    points: 10
    instructions: |
      As **Karen**, open a ticket about the printer; then, as **John**,
      reply to it.
    checks:
      - kind: bind
        name: printer
        user: karen
        subject: { any: [print, printer, printing] }
        fail: Karen has not opened a ticket about her printer.
      - kind: happened
        event: ticket.response
        ticket: printer
        by: john
        fail: John has not replied to Karen.

# Play the lab in the preview, then "Record the solution" writes these lines.
solution:
  - { advance: 1m }

attempts:
  - name: nothing done
    fails: [answer]
    commands: []
---

Karen's printer has stopped working. Help her.
`;
