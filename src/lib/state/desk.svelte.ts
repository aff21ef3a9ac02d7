/**
 * The help desk as the panels see it: the world of the current lab, the
 * persona being played, and `run` to send a command as that persona. Views
 * read `desk.world` (or `desk.reader`) inside `$derived`, and re-derive after
 * every change because reading them tracks `version`.
 * No ticket rule lives here: permissions and queries come from the domain.
 */
import type {
	Actor,
	Command,
	CommandResult,
	DomainError,
	JournalEntry,
	Reader,
	World
} from '$lib/domain';
import { HelpDesk, readWorld } from '$lib/domain';

/** Where the world lives: in memory (tests), or in IndexedDB (src/lib/db WorldStore). */
export interface DeskBackend {
	readonly world: World;
	readonly journal: JournalEntry[];
	run(actor: Actor, command: Command, wallAt?: number): Promise<CommandResult>;
	/** Called after every committed command, and when another tab changed the world. */
	subscribe(listener: () => void): () => void;
}

export type PersonaRole = 'end-user' | 'agent' | 'admin';

/** The three panels of the help desk: the end-user portal, osTicket's Agent Panel and its Admin Panel. */
export type PanelId = 'portal' | 'agent' | 'admin';

/** A part the learner plays: an end user, an agent, or an administrator. */
export interface Persona {
	id: string;
	name: string;
	role: PersonaRole;
	/** The user or agent the persona acts as. */
	refId: string;
	description?: string;
}

export function actorOf(persona: Persona): Actor {
	return { role: persona.role, id: persona.refId };
}

/** The panel a persona starts in: the portal for an end user, else the panel of their role. */
export function homePanel(persona: Persona): PanelId {
	return persona.role === 'end-user' ? 'portal' : persona.role;
}

export class MemoryBackend implements DeskBackend {
	readonly desk: HelpDesk;
	// Plain Set on purpose: listeners are not UI state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#listeners = new Set<() => void>();
	constructor(world: World, journal: JournalEntry[] = []) {
		this.desk = new HelpDesk(world, journal);
	}
	get world() {
		return this.desk.world;
	}
	get journal() {
		return this.desk.journal;
	}
	run(actor: Actor, command: Command, wallAt?: number): Promise<CommandResult> {
		const result = this.desk.run(actor, command, wallAt ?? null);
		for (const listener of this.#listeners) listener();
		return Promise.resolve(result);
	}
	subscribe(listener: () => void) {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}
}

/** A world to look at, not to change: a reviewer's replay of an attempt. */
export class ReadOnlyBackend implements DeskBackend {
	constructor(
		readonly world: World,
		readonly journal: JournalEntry[] = [],
		private readonly reason = 'This is a replay: nothing can be changed here.'
	) {}
	run(): Promise<CommandResult> {
		return Promise.resolve({ ok: false, error: { code: 'conflict', message: this.reason } });
	}
	subscribe() {
		return () => {};
	}
}

export type RunOutcome = { ok: true; subjectId: string | null } | { ok: false; error: DomainError };

export class DeskState {
	#backend: DeskBackend;
	#version = $state(0);
	#personaId = $state('');
	/** The panel each staff persona is in, when not their home panel (osTicket's Agent Panel / Admin Panel links). */
	#panels = $state<Record<string, PanelId>>({});
	/** Logged out of the staff panels (osTicket's Log Out): the staff login shows until someone signs in. */
	#signedOut = $state(false);
	readonly personas: Persona[];
	/** The last refusal, for a panel to explain; cleared by the next success. */
	lastError = $state<DomainError | null>(null);
	/** Commands in flight, so buttons can show they are working. */
	pending = $state(0);
	/** Set when a write could not be saved (storage full, IndexedDB gone). */
	saveError = $state<string | null>(null);

	#onSwitch: ((personaId: string) => void) | undefined;

	constructor(
		backend: DeskBackend,
		personas: Persona[],
		initialPersonaId?: string,
		onSwitch?: (personaId: string) => void
	) {
		this.#backend = backend;
		this.#onSwitch = onSwitch;
		this.personas = personas;
		this.#personaId = initialPersonaId ?? personas[0]?.id ?? '';
		backend.subscribe(() => this.#version++);
	}

	/** Bumps on every change; read it to re-derive. */
	get version() {
		return this.#version;
	}

	get world(): World {
		void this.#version;
		return this.#backend.world;
	}

	get journal(): JournalEntry[] {
		void this.#version;
		return this.#backend.journal;
	}

	get reader(): Reader {
		return readWorld(this.world);
	}

	get persona(): Persona {
		const persona = this.personas.find((p) => p.id === this.#personaId) ?? this.personas[0];
		if (!persona) throw new Error('This lab defines no persona to play.');
		return persona;
	}

	/**
	 * Who acts: the persona, in the role of the panel they are in. An
	 * administrator in the Agent Panel acts as an agent, as in osTicket, where
	 * the same person signs in once and moves between the two panels.
	 */
	get actor(): Actor {
		const persona = this.persona;
		const panel = this.panel;
		if (persona.role === 'end-user' || panel === 'portal') return actorOf(persona);
		return { role: panel, id: persona.refId };
	}

	/** The panel on screen for the current persona. */
	get panel(): PanelId {
		const persona = this.persona;
		const chosen = this.#panels[persona.id];
		return chosen && this.canOpenPanel(chosen) ? chosen : homePanel(persona);
	}

	/**
	 * Whether the current persona may be shown `panel`: the Agent Panel to any
	 * staff persona, the Admin Panel only to an agent who is an administrator in
	 * this help desk (osTicket's header shows "Admin Panel" to them alone).
	 */
	canOpenPanel(panel: PanelId): boolean {
		const persona = this.persona;
		if (panel === 'portal') return persona.role === 'end-user';
		if (persona.role === 'end-user') return false;
		if (panel === 'agent') return true;
		// An admin persona's home is the Admin Panel, whatever the world says of it later.
		if (persona.role === 'admin') return true;
		return this.reader.get('agents', persona.refId)?.isAdmin === true;
	}

	/**
	 * osTicket's "Agent Panel" and "Admin Panel" header links: the same person,
	 * in the other staff panel. The admin panel's "Agent Panel" link calls
	 * `desk.openPanel('agent')`; the agent panel's "Admin Panel" link calls
	 * `desk.openPanel('admin')`. Returns false (and changes nothing) when the
	 * persona may not be shown that panel (see canOpenPanel).
	 */
	openPanel(panel: 'agent' | 'admin'): boolean {
		if (!this.canOpenPanel(panel)) return false;
		this.#panels[this.persona.id] = panel;
		this.lastError = null;
		return true;
	}

	/** Logged out of the staff panels; the persona stays chosen until someone signs in. */
	get signedOut(): boolean {
		return this.#signedOut;
	}

	/** osTicket's "Log Out": the staff login screen shows until a staff persona signs in (signIn or switchTo). */
	signOut(): void {
		this.#signedOut = true;
		this.lastError = null;
	}

	/**
	 * Signing in on the staff login as one of the lab's staff personas: the
	 * same switch as the persona switcher, landing on that persona's home
	 * panel as a fresh sign-in does. Refuses an end user (they use the portal).
	 */
	signIn(personaId: string): boolean {
		const persona = this.personas.find((p) => p.id === personaId);
		if (!persona || persona.role === 'end-user') return false;
		delete this.#panels[personaId];
		this.switchTo(personaId);
		return true;
	}

	/**
	 * The persona switcher: play another persona (which also signs back in
	 * after a Log Out). Another persona starts in their home panel, the one
	 * the switcher names (an administrator who went to the Agent Panel comes
	 * back to the Admin Panel); each panel still keeps its own place.
	 */
	switchTo(personaId: string): void {
		if (!this.personas.some((p) => p.id === personaId)) return;
		if (personaId !== this.#personaId) delete this.#panels[personaId];
		this.#personaId = personaId;
		this.#signedOut = false;
		this.lastError = null;
		this.#onSwitch?.(personaId);
	}

	/** Send a command as the current persona. Never throws: a storage failure becomes `saveError`. */
	run(command: Command): Promise<RunOutcome> {
		return this.runAs(this.actor, command);
	}

	/** Send a command as another actor (the lab's clock controls act as the system). */
	async runAs(actor: Actor, command: Command): Promise<RunOutcome> {
		this.pending++;
		try {
			const result = await this.#backend.run(actor, command, Date.now());
			if (result.ok) {
				this.lastError = null;
				this.saveError = null;
				return { ok: true, subjectId: result.subjectId };
			}
			this.lastError = result.error;
			return { ok: false, error: result.error };
		} catch (error) {
			// One sentence, whatever failed: the store's own message says what and that nothing changed.
			const message =
				error instanceof Error && error.message
					? error.message
					: 'Your last action was not saved, so nothing changed; try again.';
			this.saveError = message;
			const failure: DomainError = { code: 'conflict', message };
			this.lastError = failure;
			return { ok: false, error: failure };
		} finally {
			this.pending--;
		}
	}
}
