/**
 * Every action a lab needs, as data. A command is carried out by an actor and
 * is either applied whole or refused with a reason; see engine.ts.
 */
import type {
	Agent,
	CannedResponse,
	Department,
	HelpTopic,
	Id,
	PriorityId,
	Role,
	SimTime,
	SlaPlan,
	StatusId,
	Team,
	TicketSource
} from './types';
import type { SettingsChanges } from './settings-commands';

/** Fields an agent may change through Edit; `null` clears a value. */
export interface TicketEdit {
	priority?: PriorityId;
	slaId?: Id | null;
	topicId?: Id | null;
	/** A due date set by hand; null goes back to the SLA's. */
	dueAt?: SimTime | null;
	source?: TicketSource;
	subject?: string;
}

export type AgentInput = Omit<
	Agent,
	'id' | 'access' | 'permissions' | 'active' | 'pronoun' | 'limitedAccess' | 'isAdmin'
> &
	Partial<
		Pick<Agent, 'access' | 'permissions' | 'active' | 'pronoun' | 'limitedAccess' | 'isAdmin'>
	> & {
		id?: Id;
		/** Teams the agent belongs to (stored on the teams). */
		teams?: Id[];
	};

export type Command =
	// ---- end user and agent
	| {
			type: 'ticket.open';
			subject: string;
			details: string;
			topicId?: Id | null;
			/** End user: their own e-mail and name (the portal's form). Agent: the user the ticket is for. */
			email?: string;
			name?: string;
			/** Agent only: an existing user by id. */
			userId?: Id;
			/** Agent only: Phone (default), Email or Other. End users always open via Web. */
			source?: TicketSource;
			/** Agent only: department, priority, SLA, assignee, initial reply/note. */
			deptId?: Id;
			priority?: PriorityId;
			slaId?: Id | null;
			assignAgentId?: Id | null;
			assignTeamId?: Id | null;
			response?: string;
			note?: string;
	  }
	| { type: 'ticket.view'; ticketId: Id }
	| {
			type: 'ticket.reply';
			ticketId: Id;
			body: string;
			status?: StatusId | null;
			/** Reply To: all recipients (default), the ticket's owner only, or nobody ("Do Not Email Reply"). */
			replyTo?: 'all' | 'user' | 'none';
	  }
	| { type: 'mail.reply'; mailId: Id; body: string }
	| { type: 'ticket.note'; ticketId: Id; body: string; title?: string; status?: StatusId | null }
	| { type: 'ticket.markanswered'; ticketId: Id; answered: boolean; comment?: string }
	| { type: 'ticket.owner'; ticketId: Id; userId: Id }
	| {
			type: 'ticket.assign';
			ticketId: Id;
			agentId?: Id | null;
			teamId?: Id | null;
			comment?: string;
	  }
	| { type: 'ticket.claim'; ticketId: Id }
	| { type: 'ticket.release'; ticketId: Id }
	| {
			type: 'ticket.transfer';
			ticketId: Id;
			deptId: Id;
			comment?: string;
			/** "Maintain referral access to current department". */
			refer?: boolean;
	  }
	| {
			type: 'ticket.refer';
			ticketId: Id;
			to: { kind: 'agent' | 'team' | 'department'; id: Id };
			comment?: string;
	  }
	| { type: 'ticket.edit'; ticketId: Id; changes: TicketEdit }
	| { type: 'ticket.status'; ticketId: Id; status: StatusId; comment?: string }
	| { type: 'ticket.collaborator.add'; ticketId: Id; userId: Id }
	| { type: 'ticket.collaborator.remove'; ticketId: Id; userId: Id }
	// ---- admin
	| { type: 'agent.create'; agent: AgentInput }
	| { type: 'agent.update'; agentId: Id; changes: Partial<AgentInput> }
	| { type: 'access.grant'; agentId: Id; deptId: Id; roleId: Id }
	| { type: 'access.revoke'; agentId: Id; deptId: Id }
	| { type: 'department.create'; department: Partial<Department> & Pick<Department, 'name'> }
	| { type: 'department.update'; deptId: Id; changes: Partial<Omit<Department, 'id'>> }
	| { type: 'team.create'; team: Partial<Team> & Pick<Team, 'name'> }
	| { type: 'team.update'; teamId: Id; changes: Partial<Omit<Team, 'id'>> }
	| { type: 'role.create'; role: Partial<Role> & Pick<Role, 'name'> }
	| { type: 'role.update'; roleId: Id; changes: Partial<Omit<Role, 'id'>> }
	| { type: 'sla.create'; sla: Partial<SlaPlan> & Pick<SlaPlan, 'name' | 'graceHours'> }
	| { type: 'sla.update'; slaId: Id; changes: Partial<Omit<SlaPlan, 'id'>> }
	| { type: 'topic.create'; topic: Partial<HelpTopic> & Pick<HelpTopic, 'name'> }
	| { type: 'topic.update'; topicId: Id; changes: Partial<Omit<HelpTopic, 'id'>> }
	| {
			type: 'canned.create';
			canned: Partial<CannedResponse> & Pick<CannedResponse, 'title' | 'body'>;
	  }
	| { type: 'user.create'; id?: Id; name: string; email: string; organization?: string }
	/** Settings → System and Settings → Tickets: the keys given change, the others stay. */
	| { type: 'settings.update'; changes: SettingsChanges }
	// ---- the simulated clock
	| { type: 'clock.advance'; to?: SimTime; minutes?: number };

export type CommandType = Command['type'];
export type CommandOf<K extends CommandType> = Extract<Command, { type: K }>;
