/**
 * The help desk as a lab attempt runs it: the personas a lab names, and the
 * attempt's world store with the lab's rules on top (LabBackend). The rules
 * themselves (is the attempt locked, begun, owed a clock move) belong to the
 * lab state; this file only orders them around each command.
 */
import type { Actor, Command, CommandResult, JournalEntry, World } from '$lib/domain';
import type { Scenario } from '$lib/scenarios/types';
import { WriteRefused, type WorldStore, type WriteGuard } from '$lib/services/attempts';
import type { DeskBackend, Persona } from './desk.svelte';

/** What LabBackend asks of the lab around each command (LabState answers). */
export interface LabRules {
	readonly begun: boolean;
	readonly lockReason: string | null;
	owesClock(now: number): boolean;
	checkStored(): Promise<string | null>;
	begin(now: number): Promise<void>;
	catchUp(now: number): Promise<number>;
	touched(clockFrom: number): Promise<void>;
}

export function personasOf(scenario: Scenario, world: World): Persona[] {
	return scenario.personas.map((p) => {
		const agent = p.agent ? world.agents[p.agent] : undefined;
		const user = p.user ? world.users[p.user] : undefined;
		const name =
			p.label ?? (agent ? `${agent.firstName} ${agent.lastName}`.trim() : (user?.name ?? p.id));
		return { id: p.id, name, role: p.role, refId: (p.agent ?? p.user ?? p.id) as string };
	});
}

/**
 * The attempt's store, with three lab rules on top: an attempt whose stored
 * record has ended (or is paused) takes no more commands, whatever this tab
 * believed; the first command begins the attempt if its briefing has not;
 * and a following clock (realtime, accelerated) catches up just before each
 * command, so the command happens at the time the trainee sees.
 */
export class LabBackend implements DeskBackend {
	constructor(
		private readonly store: WorldStore,
		private readonly lab: LabRules
	) {}
	get world() {
		return this.store.world;
	}
	get journal(): JournalEntry[] {
		return this.store.journal;
	}
	subscribe(listener: () => void) {
		return this.store.subscribe(listener);
	}
	async run(actor: Actor, command: Command, wallAt?: number): Promise<CommandResult> {
		const refuse = (message: string): CommandResult => ({
			ok: false,
			error: { code: 'conflict', message }
		});
		const now = wallAt ?? Date.now();
		let guard: WriteGuard | undefined;
		if (this.lab.begun && !this.lab.owesClock(now)) {
			// The usual case: nothing to write before the command, so it shows at
			// once and the stored record is read while it is being stored.
			if (this.lab.lockReason) return refuse(this.lab.lockReason);
			guard = () => this.lab.checkStored();
		} else {
			const locked = await this.lab.checkStored();
			if (locked) return refuse(locked);
			await this.lab.begin(now);
		}
		const caughtUpTo = await this.lab.catchUp(now);
		let result: CommandResult;
		try {
			result = await this.store.run(actor, command, now, guard);
		} catch (error) {
			if (error instanceof WriteRefused) return refuse(error.message);
			throw error;
		}
		// The command is stored: a failure below must not read as if it were not.
		await this.lab.touched(caughtUpTo);
		return result;
	}
}
