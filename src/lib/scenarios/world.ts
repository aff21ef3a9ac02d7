/**
 * A scenario's world: the domain WorldSpec built through the admin commands
 * (buildWorld), then the tickets that already exist, opened by their end users
 * or the system at their times, then the clock moved to the lab's start.
 * A problem is reported with the path of the entry at fault.
 */
import {
	buildWorld,
	run,
	WorldBuildError,
	type Actor,
	type Command,
	type World,
	type WorldSpec
} from '../domain';
import type { PathPart } from './parse';
import type { Scenario, ScenarioWorld } from './types';

export class ScenarioWorldError extends Error {
	constructor(
		readonly path: PathPart[],
		message: string
	) {
		super(message);
		this.name = 'ScenarioWorldError';
	}
}

export function parseTime(text: string): number {
	return Date.parse(text);
}

/** Minutes in a duration: 90, "90m", "2h", "1d4h30m". */
export function durationMinutes(value: number | string): number {
	if (typeof value === 'number') return value;
	const match = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/.exec(value.trim());
	if (!match) return NaN;
	return Number(match[1] ?? 0) * 1440 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

const SYSTEM: Actor = { role: 'system' };

/** Build the world a learner starts from. Throws ScenarioWorldError. */
export function scenarioWorld(scenario: Pick<Scenario, 'world'>): World {
	const { tickets = [], start: startText, ...rest } = scenario.world as ScenarioWorld;
	const start = parseTime(startText);
	if (!Number.isFinite(start))
		throw new ScenarioWorldError(['world', 'start'], `"${startText}" is not a valid time`);
	const times = tickets.map((t, i) => {
		const at = t.at === undefined ? start : parseTime(t.at);
		if (!Number.isFinite(at))
			throw new ScenarioWorldError(['world', 'tickets', i, 'at'], `"${t.at}" is not a valid time`);
		return at;
	});
	times.forEach((at, i) => {
		if (i > 0 && at < (times[i - 1] as number))
			throw new ScenarioWorldError(
				['world', 'tickets', i, 'at'],
				'pre-existing tickets must be listed in the order they were opened (the clock only moves forward)'
			);
	});
	const first = Math.min(start, ...times);
	let world: World;
	try {
		world = buildWorld({ ...(rest as Omit<WorldSpec, 'start'>), start: first });
	} catch (error) {
		if (error instanceof WorldBuildError)
			throw new ScenarioWorldError(
				['world', ...splitPath(error.path)],
				error.message.replace(/^[^:]*: /, '')
			);
		throw new ScenarioWorldError(['world'], `the world cannot be built: ${describe(error)}`);
	}
	tickets.forEach((seed, i) => {
		const at = times[i] as number;
		advance(world, at, ['world', 'tickets', i, 'at']);
		const { ref: _ref, as, at: _at, ...fields } = seed;
		void _ref;
		void _at;
		const actor: Actor = as ? { role: 'end-user', id: as } : SYSTEM;
		const result = safeRun(world, actor, { type: 'ticket.open', ...fields } as Command);
		if (!result.ok)
			throw new ScenarioWorldError(
				['world', 'tickets', i],
				`this ticket cannot be opened: ${result.message}`
			);
	});
	advance(world, start, ['world', 'start']);
	return world;
}

function advance(world: World, to: number, path: PathPart[]): void {
	if (to <= world.meta.clock) return;
	const result = safeRun(world, SYSTEM, { type: 'clock.advance', to });
	if (!result.ok) throw new ScenarioWorldError(path, result.message);
}

function safeRun(
	world: World,
	actor: Actor,
	command: Command
): { ok: true } | { ok: false; message: string } {
	try {
		const result = run(world, actor, command);
		return result.ok ? { ok: true } : { ok: false, message: result.error.message };
	} catch (error) {
		return { ok: false, message: describe(error) };
	}
}

/** "agents[2].teams" → ["agents", 2, "teams"] */
function splitPath(path: string): PathPart[] {
	const parts: PathPart[] = [];
	for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
		parts.push(match[2] !== undefined ? Number(match[2]) : (match[1] as string));
	return parts;
}

export function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** The i-th pre-existing ticket is the i-th ticket opened in the world (they are opened first). */
export function seedTicketIds(
	world: World,
	scenario: Pick<Scenario, 'world'>
): Map<string, string> {
	const refs = new Map<string, string>();
	const created = world.events
		.filter((e) => e.type === 'ticket.created')
		.sort((a, b) => a.seq - b.seq);
	(scenario.world.tickets ?? []).forEach((seed, i) => {
		const event = created[i];
		if (event?.ticketId) refs.set(seed.ref, event.ticketId);
	});
	return refs;
}
