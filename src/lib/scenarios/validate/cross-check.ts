/**
 * The shared state and reporter of the second pass, where a scenario is
 * checked against itself and its world: every persona, ticket name, help
 * topic, department, SLA plan, agent or user it names must exist. Each
 * concern (steps.ts, scripts.ts, markdown.ts) reports through one CrossCheck.
 */
import type { World } from '../../domain';
import { formatPath, type ParsedFile, type PathPart } from '../parse';
import type { Problem, Scenario, TextMatch } from '../types';
import { article, didYouMean } from './words';

export type Table = 'agents' | 'users' | 'departments' | 'teams' | 'topics' | 'slas' | 'roles';

export const TABLE_WORDS: Record<Table, string> = {
	agents: 'agent',
	users: 'end user',
	departments: 'department',
	teams: 'team',
	topics: 'help topic',
	slas: 'SLA plan',
	roles: 'role'
};

export class CrossCheck {
	readonly problems: Problem[] = [];
	/** Names of bound tickets (world ticket refs and bind checks), in document order. */
	readonly bindNames = new Set<string>();
	constructor(
		readonly parsed: ParsedFile,
		readonly scenario: Scenario,
		/** Null when the world cannot be built: then ids are not checked against it. */
		readonly world: World | null
	) {}

	/** Report a problem at a field, or at its key (`key`) for a field that should not be there. */
	report(path: PathPart[], message: string, key = false): void {
		this.problems.push({
			file: this.parsed.file,
			...this.parsed.locate(path, key),
			path: formatPath(path),
			message
		});
	}

	has(table: Table, id: string): boolean {
		return !this.world || id in this.world[table];
	}

	/** Report an id that the world does not define. */
	ref(path: PathPart[], table: Table, id: string | null | undefined): void {
		if (id === null || id === undefined || this.has(table, id)) return;
		const known = Object.keys(this.world?.[table] ?? {});
		this.report(
			path,
			`there is no ${TABLE_WORDS[table]} "${id}" in the world${didYouMean(id, known)}; ${TABLE_WORDS[table]} ids: ${known.join(', ') || 'none'}`
		);
	}

	/** A persona id, or a world agent/user id (or "system" where allowed). */
	person(path: PathPart[], ref: string, want: 'agent' | 'user' | 'any', system = false): void {
		if (system && ref === 'system') return;
		const persona = this.scenario.personas.find((p) => p.id === ref);
		const isAgent = persona ? persona.role !== 'end-user' : this.has('agents', ref) && !!this.world;
		const isUser = persona ? persona.role === 'end-user' : this.has('users', ref) && !!this.world;
		if (!this.world && !persona) return;
		if (!persona && !isAgent && !isUser) {
			const known = this.scenario.personas.map((p) => p.id);
			this.report(
				path,
				`there is no persona, agent or user "${ref}"${didYouMean(ref, known)}; personas: ${known.join(', ')}`
			);
			return;
		}
		if (want === 'agent' && !isAgent)
			this.report(path, `"${ref}" is an end user; an agent is expected here`);
		if (want === 'user' && !isUser)
			this.report(path, `"${ref}" is an agent; an end user is expected here`);
	}

	/** A ticket name: bound by the lab, or by the attempt itself (`local`). */
	binding(path: PathPart[], name: string, local: ReadonlySet<string> = new Set()): void {
		if (this.bindNames.has(name) || local.has(name)) return;
		const known = [...this.bindNames, ...local];
		this.report(
			path,
			`no ticket is bound to the name "${name}"${didYouMean(name, known)}: add a check {kind: bind, name: ${name}, ...} or a world ticket with ref: ${name}; bound names: ${known.join(', ') || 'none'}`
		);
	}

	unique(ids: (string | null)[], path: PathPart[], field: string, what: string): void {
		const seen = new Map<string, number>();
		ids.forEach((id, i) => {
			if (id === null) return;
			const first = seen.get(id);
			if (first !== undefined)
				this.report(
					[...path, i, field],
					`duplicate ${what} "${id}" (already used by ${formatPath([...path, first])})`
				);
			else seen.set(id, i);
		});
	}

	oneOf(path: PathPart[], value: unknown, allowed: readonly string[], what: string): void {
		if (!allowed.includes(String(value)))
			this.report(
				path,
				`"${String(value)}" is not ${article(what)}; expected one of: ${allowed.join(', ')}`
			);
	}

	text(path: PathPart[], match: TextMatch | undefined): void {
		if (match && !match.any && !match.all && match.minWords === undefined)
			this.report(path, 'a text match needs "any", "all" or "minWords"');
	}
}
