/**
 * A scenario (one lab) as the loader hands it to the app and the grader: the
 * front matter of a scenario file, checked against scenarios/scenario.schema.json
 * and cross-checked against its own world. The shapes mirror the YAML one to
 * one, so an author's field names are the code's field names.
 */
import type { ErrorCode, EventType, StatusId, TicketSource, WorldSpec } from '../domain';
import type { TemplateId } from '../domain';
import type { QueueId } from '../domain';
import type { VariantValues } from './variables';

export const FORMAT_VERSION = 2;

export type Difficulty = 'beginner' | 'intermediate' | 'advanced';
export type HintLevel = 'nudge' | 'guided' | 'strong';
export type PersonaRole = 'end-user' | 'agent' | 'admin';

export type ClockMode = 'manual' | 'realtime' | 'accelerated';
/** The most simulated minutes an accelerated clock may run per real minute (a day a minute). */
export const MAX_CLOCK_SPEED = 1440;

/**
 * How the help desk's simulated clock moves while the lab runs: `manual` (the
 * default: only the lab's clock buttons move it), `realtime` (it follows the
 * wall clock while the lab runs, never while paused), or
 * `{ mode: accelerated, speed: 60 }` (60 simulated minutes per real minute).
 */
export type ClockSetting = 'manual' | 'realtime' | { mode: ClockMode; speed?: number };

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
	/** A bound ticket's name; in `after`/`before`, the check's own ticket by default. */
	ticket?: string;
	/** A persona id, a world agent or user id, or "system". */
	by?: string;
	/** Payload fields that must have these values (a list means any of them). */
	where?: Record<string, WhereValue>;
	text?: TextMatch;
	/** Only events after the first event matching this count; none count while there is none. */
	after?: EventMatch;
	/** Only events before the first event matching this count (all count while there is none). */
	before?: EventMatch;
}

interface CheckBase {
	/** What the learner sees when the check fails; {actual} and {expected} are filled in. */
	fail: string;
	/** What the learner sees when it passes (a description is generated otherwise). */
	pass?: string;
}

/**
 * Order, judged from evidence (never from another step's verdict): the fact
 * must come after the first event matching `after` (and there must be one),
 * and before the first event matching `before` (if there is one yet).
 */
export type Ordered = Pick<EventMatch, 'after' | 'before'>;

/** A journal fact: a command someone tried. */
export interface JournalMatch extends Ordered {
	by?: string;
	command: string | string[];
	ticket?: string;
	code?: ErrorCode;
}

/**
 * What identifies a ticket: who it is for, who opened it, and what it was
 * opened about. Only tickets opened during the lab are considered, and
 * mutable properties (help topic, department, source, priority) are never part
 * of it: those are checked by checks of their own.
 */
export interface BindSpec {
	name: string;
	user?: string;
	createdBy?: string;
	subject?: TextMatch;
	/** The first message: the Issue Details the ticket was opened with. */
	message?: TextMatch;
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
	| (CheckBase & BindSpec & { kind: 'bind' })
	| (CheckBase & {
			kind: 'ticket';
			ticket: string;
			field: TicketField;
			equals?: string | number | boolean | null;
			in?: (string | number | boolean | null)[];
	  })
	| (CheckBase & {
			kind: 'due';
			ticket: string;
			/** A time (ISO 8601, UTC) or a duration after the ticket was opened ("+4h"). */
			equals?: string;
			before?: string;
			after?: string;
	  })
	| (CheckBase &
			EventMatch & {
				kind: 'happened';
				atLeast?: number;
				/** The event happened no later than the ticket's due date. */
				withinDue?: boolean;
				/** The event happened no later than this long after the ticket was opened ("4h"). */
				within?: string;
			})
	| (CheckBase & Omit<EventMatch, 'after' | 'before'> & { kind: 'never' })
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

/** Commands placed before or after a named command of the reference solution. */
export interface Insertion {
	before?: string;
	after?: string;
	commands: ScriptCommand[];
}

/**
 * A proof: a valid alternative (fails nothing, or scores a given total) or a
 * plausible mistake (fails exactly the steps it lists).
 */
export interface Attempt {
	name: string;
	description?: string;
	/** The steps this attempt must not pass, and only those; [] for a valid alternative. */
	fails?: string[];
	/** The exact score the attempt must reach (hint costs aside). */
	scores?: number;
	/** Tickets the attempt itself names (a test ticket, a duplicate), for its commands. */
	bind?: BindSpec[];
	commands?: ScriptCommand[];
	/** Or: the reference solution without these command ids … */
	without?: string[];
	/** … with these command ids replaced … */
	replace?: Record<string, ScriptCommand>;
	/** … with these commands inserted before or after a named one … */
	insert?: Insertion[];
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
	/** How the simulated clock moves; manual when left out. */
	clock?: ClockSetting;
	/** The markdown after the front matter: the lab's briefing. */
	briefing: string;
	world: ScenarioWorld;
	personas: Persona[];
	steps: Step[];
	solution: ScriptCommand[];
	attempts: Attempt[];
	/** Set when the lab declares variables: which variant this is, and the lab as written. */
	variant?: ScenarioVariant;
}

/** One variant of a lab with variables (scenarios/variables.ts). */
export interface ScenarioVariant {
	/** The seed that picked it; seed mod count is the variant's number. */
	seed: number;
	/** How many variants the pools make. */
	count: number;
	/** The value each variable took. */
	values: VariantValues;
	/** The front matter (with its variables: block) and briefing as written, to make other variants from. */
	template: { data: unknown; briefing: string };
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
