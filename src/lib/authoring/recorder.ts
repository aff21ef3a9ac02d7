/**
 * Record-to-author: what an author did in the preview (its journal) written
 * back as script lines, exactly as a lab's `solution:` or an attempt's
 * `commands:` are written by hand (scenarios/solution.ts reads them back):
 * `{ as: <persona>, do: <command type>, ...fields }`, tickets named by the
 * lab's bindings (else by their number), e-mails by whom they were sent to,
 * and clock moves folded into an `advance:` on the next line.
 */
import type { Actor, JournalEntry, World } from '../domain';
import { resolveBindings } from '../scenarios/bindings';
import type { BindSpec, Persona, Scenario, ScriptCommand } from '../scenarios/types';

export interface Recording {
	commands: ScriptCommand[];
	/** Tickets no binding names, by number: an attempt names them through `bind:`, a solution cannot. */
	unnamed: { name: string; spec: BindSpec }[];
	/** Lines that could not be written (nobody plays the actor), one sentence each. */
	skipped: string[];
}

/** Minutes as a duration the format reads back: 90 → "1h30m", 1440 → "1d". */
export function durationText(minutes: number): string {
	const whole = Math.round(minutes);
	const d = Math.floor(whole / 1440);
	const h = Math.floor((whole % 1440) / 60);
	const m = whole % 60;
	const text = `${d ? `${d}d` : ''}${h ? `${h}h` : ''}${m ? `${m}m` : ''}`;
	return text || '0m';
}

/** The persona who played this actor: the same person in the same role first, else the same person. */
export function personaOfActor(personas: Persona[], actor: Actor): Persona | undefined {
	if (actor.role === 'system') return undefined;
	const ref = (p: Persona) => (p.role === 'end-user' ? (p.user ?? p.id) : (p.agent ?? p.id));
	const same = personas.filter(
		(p) => ref(p) === actor.id && (p.role === 'end-user') === (actor.role === 'end-user')
	);
	return same.find((p) => p.role === actor.role) ?? same[0];
}

/** How far a clock.advance moved the clock from the entry's time. */
function advanceMinutes(entry: JournalEntry): number {
	const c = entry.command as { minutes?: number; to?: number };
	if (typeof c.minutes === 'number') return c.minutes;
	if (typeof c.to === 'number') return Math.max(0, (c.to - entry.at) / 60_000);
	return 0;
}

/**
 * The journal as script lines. `world` is the world the journal made: each
 * ticket is named by the binding that finds it there (a binding finds the
 * earliest matching ticket, which later tickets cannot change), so the names
 * resolve to the same tickets when the script runs again.
 */
export function recordJournal(
	scenario: Scenario,
	world: World,
	journal: JournalEntry[]
): Recording {
	const names = new Map<string, string>();
	for (const [name, binding] of resolveBindings(scenario, world))
		if (binding.ticketId && !names.has(binding.ticketId)) names.set(binding.ticketId, name);
	const unnamed = new Map<string, { name: string; spec: BindSpec }>();
	const ticketName = (ticketId: string): string => {
		const bound = names.get(ticketId);
		if (bound) return bound;
		const known = unnamed.get(ticketId);
		if (known) return known.name;
		const ticket = world.tickets[ticketId];
		const name = `ticket-${ticket?.number ?? ticketId}`;
		const created = world.events.find(
			(e) => e.type === 'ticket.created' && e.ticketId === ticketId
		);
		const opener = created ? personaOfActor(scenario.personas, created.actor) : undefined;
		unnamed.set(ticketId, {
			name,
			spec: {
				name,
				...(opener ? { createdBy: opener.id } : {}),
				...(ticket?.subject ? { subject: { all: [ticket.subject] } } : {})
			}
		});
		return name;
	};
	const commands: ScriptCommand[] = [];
	const skipped: string[] = [];
	let owed = 0;
	for (const entry of journal) {
		if (entry.command.type === 'clock.advance') {
			if (entry.outcome === 'ok') owed += advanceMinutes(entry);
			continue;
		}
		const persona = personaOfActor(scenario.personas, entry.actor);
		if (!persona) {
			skipped.push(
				`Command ${entry.n} (${entry.command.type}) was run by ${entry.actor.role === 'system' ? 'the system' : entry.actor.id}, whom no persona plays.`
			);
			continue;
		}
		const { type, ...fields } = entry.command as { type: string } & Record<string, unknown>;
		const line: ScriptCommand = {};
		if (owed > 0) line.advance = durationText(owed);
		owed = 0;
		line.as = persona.id;
		line.do = type;
		for (const [key, value] of Object.entries(fields)) {
			if (value === undefined || key === 'id') continue;
			if (key === 'ticketId' && typeof value === 'string') line.ticket = ticketName(value);
			else if (key === 'mailId' && typeof value === 'string') {
				const mail = world.mails.find((m) => m.id === value);
				const to = mail
					? personaOfActor(scenario.personas, {
							role: mail.to.kind === 'user' ? 'end-user' : 'agent',
							id: mail.to.id
						})
					: undefined;
				line.mail = {
					to: to?.id ?? mail?.to.id ?? value,
					...(mail?.ticketId ? { ticket: ticketName(mail.ticketId) } : {}),
					...(mail?.template ? { template: mail.template } : {})
				};
			} else line[key] = structuredClone(value);
		}
		if (entry.outcome === 'refused') line.expect = 'refused';
		commands.push(line);
	}
	// A clock move after the last command: a line of its own.
	if (owed > 0) commands.push({ advance: durationText(owed) });
	return { commands, unnamed: [...unnamed.values()], skipped };
}
