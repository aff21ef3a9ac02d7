/**
 * A sample help desk after the seed tutorials (shared/seeds/000 and 004):
 * Support and SysAdmins, the Online Banking Team, agents John and Jane, an
 * administrator, end users Karen and Ken, SLA plans SEV-A/B/C and the help
 * topics they use. The free-play page (/sandbox) opens it, and the tests use it.
 */
import { buildWorld, type WorldSpec } from './build';

/** Monday 2026-03-02 09:00 UTC. */
export const START = Date.UTC(2026, 2, 2, 9, 0);

export const seedSpec = (): WorldSpec => ({
	start: START,
	seed: 42,
	// This desk's administrator turned the new-ticket auto-response on (a fresh osTicket has it off).
	settings: {
		companyName: 'Deskdrill Bank',
		defaultDeptId: 'support',
		defaultSlaId: 'sev-c',
		autoRespondNewTicket: true
	},
	slas: [
		{ id: 'sev-a', name: 'SEV-A', graceHours: 1, schedule: { kind: '24/7' } },
		{ id: 'sev-b', name: 'SEV-B', graceHours: 4, schedule: { kind: '24/7' } },
		{
			id: 'sev-c',
			name: 'SEV-C',
			graceHours: 8,
			schedule: { kind: 'business', days: [1, 2, 3, 4, 5], open: '08:00', close: '17:00' }
		}
	],
	departments: [
		{
			id: 'support',
			name: 'Support',
			slaId: 'sev-c',
			managerId: 'admin',
			signature: 'Support Desk'
		},
		{ id: 'sysadmins', name: 'SysAdmins', slaId: 'sev-a', public: false },
		{ id: 'accounting', name: 'Accounting' }
	],
	agents: [
		{
			id: 'john',
			firstName: 'John',
			lastName: 'Smith',
			username: 'john',
			email: 'john@osticket.com',
			deptId: 'support',
			roleId: 'expanded-access',
			pronoun: 'he'
		},
		{
			id: 'jane',
			firstName: 'Jane',
			lastName: 'Doe',
			username: 'jane.doe',
			email: 'jane.doe@osticket.com',
			deptId: 'support',
			roleId: 'expanded-access',
			pronoun: 'she',
			teams: ['online-banking']
		},
		{
			id: 'admin',
			firstName: 'Ada',
			lastName: 'Admin',
			username: 'admin',
			email: 'admin@osticket.com',
			deptId: 'support',
			roleId: 'all-access',
			isAdmin: true,
			pronoun: 'she'
		},
		{
			id: 'sam',
			firstName: 'Sam',
			lastName: 'Root',
			username: 'sam',
			email: 'sam@osticket.com',
			deptId: 'sysadmins',
			roleId: 'all-access',
			pronoun: 'they'
		}
	],
	teams: [{ id: 'online-banking', name: 'Online Banking Team', leadId: 'jane' }],
	topics: [
		{
			id: 'bco',
			name: 'Business Critical Outage',
			deptId: 'support',
			priority: 'high',
			slaId: 'sev-a'
		},
		{ id: 'general', name: 'General Inquiry', deptId: 'support' },
		{ id: 'internal', name: 'Internal Escalation', deptId: 'sysadmins', public: false }
	],
	canned: [
		{
			id: 'ack',
			title: 'Acknowledge',
			body: 'Hi %{ticket.name.first}, we received ticket #%{ticket.number} and are on it.'
		}
	],
	users: [
		{ id: 'karen', name: 'Karen Karen', email: 'karen@osTicket.com' },
		{ id: 'ken', name: 'Ken Ledger', email: 'ken@osTicket.com', organization: 'Accounting' }
	]
});

export const seedWorld = () => buildWorld(seedSpec());
