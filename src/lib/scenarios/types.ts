/**
 * A scenario (one lab) as the loader hands it to the app and the grader: the
 * front matter of a scenario file, checked against scenarios/scenario.schema.json
 * and cross-checked against its own world. The shapes mirror the YAML one to
 * one, so an author's field names are the code's field names.
 */
import type { ErrorCode, EventType, StatusId, TicketSource, WorldSpec } from '../domain';
import type { TemplateId } from '../domain';
import type { QueueId } from '../domain';

export const FORMAT_VERSION = 1;

export type Difficulty = 'beginner' | 'intermediate' | 'advanced';
export type HintLevel = 'nudge' | 'guided' | 'strong';
export type PersonaRole = 'end-user' | 'agent' | 'admin';

/** A ticket that already exists when the lab starts, opened by an end user (`as`) or the system. */
export interface SeedTicket {
	/** The name checks and commands use for it, like a binding. */
	ref: string;
	/** End user id who opens it through the portal; without it the system opens it. */
	as?: string;
	/** When it was opened (ISO 8601, UTC); may be before the lab's start. */
	at?: string;
	subject: string;
	details: string;
	topicId?: string;
	email?: string;
	name?: string;
	userId?: string;
	source?: TicketSource;
	deptId?: string;
	priority?: string;
	slaId?: string | null;
	assignAgentId?: string | null;
	assignTeamId?: string | null;
	response?: string;
	note?: string;
}

/** The world section: domain WorldSpec fields (start as ISO text) plus pre-existing tickets. */
export type ScenarioWorld = Omit<WorldSpec, 'start'> & {
	start: string;
	tickets?: SeedTicket[];
};

export interface Persona {
	id: string;
	role: PersonaRole;
	/** End-user personas: the world user they are. */
	user?: string;
	/** Agent and admin personas: the world agent they are. */
	agent?: string;
	/** How the app labels the persona switcher; defaults to the person's name. */
	label?: string;
}

export interface Hint {
	level: HintLevel;
	text: string;
	cost: number;
}

/** Lenient text: case, spacing and punctuation are ignored; phrases match whole words. */
export interface TextMatch {
	any?: string[];
	all?: string[];
	minWords?: number;
}

export type WhereValue = string | number | boolean | null | (string | number | boolean | null)[];

export interface EventMatch {
	event: EventType;
	/** A bound ticket's name; the check's own ticket by default (afterEvent). */
	ticket?: string;
	/** A persona id, a world agent or user id, or "system". */
	by?: string;
	/** Payload fields that must have these values (a list means any of them). */
	where?: Record<string, WhereValue>;
	text?: TextMatch;
}

interface CheckBase {
	/** What the learner sees when the check fails; {actual} and {expected} are filled in. */
	fail: string;
	/** What the learner sees when it passes (a description is generated otherwise). */
	pass?: string;
}

/** A journal fact: a command someone tried. */
export interface JournalMatch {
	by?: string;
	command: string | string[];
	ticket?: string;
	code?: ErrorCode;
	/** A step id: only attempts after that step was completed count. */
	after?: string;
	/** Only attempts after the first event matching this count. */
	afterEvent?: EventMatch;
}

export type TicketField =
	| 'priority'
	| 'sla'
	| 'dept'
	| 'topic'
	| 'status'
	| 'state'
	| 'agent'
	| 'team'
	| 'source'
	| 'overdue'
	| 'answered'
	| 'subject'
	| 'user';

export type Check =
	| (CheckBase & {
			kind: 'bind';
			name: string;
			user?: string;
			createdBy?: string;
			topic?: string;
			dept?: string;
			source?: TicketSource;
			subject?: TextMatch;
	  })
	| (CheckBase & {
			kind: 'ticket';
			ticket: string;
			field: TicketField;
			equals?: string | number | boolean | null;
			in?: (string | number | boolean | null)[];
	  })
	| (CheckBase &
			EventMatch & {
				kind: 'happened';
				/** A step id: only events after that step was completed count. */
				after?: string;
				/** Only events after the first event matching this count. */
				afterEvent?: EventMatch;
				atLeast?: number;
				/** The event happened no later than the ticket's due date. */
				withinDue?: boolean;
			})
	| (CheckBase & EventMatch & { kind: 'never' })
	| (CheckBase & JournalMatch & { kind: 'refused' })
	| (CheckBase & JournalMatch & { kind: 'succeeded' })
	| (CheckBase & {
			kind: 'queue';
			ticket: string;
			agent: string;
			queue: QueueId;
			in?: boolean;
	  })
	| (CheckBase & { kind: 'visible'; ticket: string; agent: string; equals: boolean })
	| (CheckBase & { kind: 'access'; agent: string; dept: string; role: string | null })
	| (CheckBase & {
			kind: 'mail';
			to: string;
			ticket?: string;
			template?: TemplateId;
			text?: TextMatch;
			atLeast?: number;
	  })
	| (Omit<CheckBase, 'fail'> & { fail: string; kind: 'any'; checks: Check[] });

export type CheckKind = Check['kind'];
export type CheckOf<K extends CheckKind> = Extract<Check, { kind: K }>;

export interface Step {
	id: string;
	title: string;
	persona: string;
	instructions: string;
	skill: string;
	points: number;
	/** This step counts only when done after that step. */
	after?: string;
	hints?: Hint[];
	checks: Check[];
}

/** "The latest mail sent to <to> about <ticket>" (optionally of one template). */
export interface MailRef {
	to: string;
	ticket?: string;
	template?: TemplateId;
}

/**
 * One line of a reference solution or attempt: the domain command (`do` is its
 * type, other fields are its own), who runs it, and references resolved at run time.
 */
export interface ScriptCommand {
	id?: string;
	as?: string;
	do?: string;
	/** A bound ticket's name, filled in as ticketId. */
	ticket?: string;
	/** A mail reference, filled in as mailId. */
	mail?: MailRef;
	/** Move the clock forward first: minutes, or "2h", "30m", "1d2h". */
	advance?: number | string;
	/** The outcome the author expects (the self-test reports a surprise). */
	expect?: 'ok' | 'refused';
	[field: string]: unknown;
}

export interface Attempt {
	name: string;
	description?: string;
	/** The steps this attempt must not pass. */
	fails: string[];
	commands?: ScriptCommand[];
	/** Or: the reference solution without these command ids … */
	without?: string[];
	/** … with these command ids replaced … */
	replace?: Record<string, ScriptCommand>;
	/** … and these commands added at the end. */
	append?: ScriptCommand[];
}

export interface Scenario {
	file: string;
	format: number;
	id: string;
	title: string;
	summary: string;
	difficulty: Difficulty;
	minutes: number;
	skills: string[];
	/** The markdown after the front matter: the lab's briefing. */
	briefing: string;
	world: ScenarioWorld;
	personas: Persona[];
	steps: Step[];
	solution: ScriptCommand[];
	attempts: Attempt[];
}

export interface Problem {
	file: string;
	line: number;
	column: number;
	/** The field at fault, e.g. steps[2].checks[0].topic ("" for the whole file). */
	path: string;
	message: string;
}

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

export type { StatusId };
