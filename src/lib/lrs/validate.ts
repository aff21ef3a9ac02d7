/**
 * Every statement Deskdrill writes (to an LRS or to an export file) passes
 * Learning Locker's own validator (npm `xapi-validation`, conformance-tested)
 * first. An invalid statement is a bug in Deskdrill: it is refused here, with
 * the validator's findings in words, and never sent.
 */
import type { Statement } from '@xapi/xapi';
import validatorModule from 'xapi-validation';

interface Warning {
	name?: string;
	path?: string[];
	data?: unknown;
	typeName?: string;
	keys?: string[];
}

type Validator = (data: unknown) => Warning[];

// The package is CommonJS with `exports.default`: bundlers unwrap it, Node's ESM loader does not.
const validator: Validator =
	typeof validatorModule === 'function'
		? (validatorModule as Validator)
		: (validatorModule as unknown as { default: Validator }).default;

function shown(data: unknown): string {
	const text = JSON.stringify(data) ?? String(data);
	return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** One validator warning in words, as Learning Locker's own API words them. */
function words(warning: Warning): string {
	const path = (warning.path ?? ['statement']).join('.');
	const kind = (warning.name ?? 'Warning').replace(/Warning$/, '');
	switch (kind) {
		case 'Type':
			return `Expected '${path}' to be ${warning.typeName ?? 'of another type'}, received ${shown(warning.data)}`;
		case 'Required':
			return `Missing required value in '${path}'`;
		case 'RestrictedKeys':
			return `Unknown keys (${(warning.keys ?? []).join(', ')}) set in '${path}'`;
		default:
			// The remaining warnings name their rule: RawMoreThanMax, NoIfi, MinMoreThanMax...
			return `${kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} in '${path}', received ${shown(warning.data)}`;
	}
}

/** What is wrong with a statement, one sentence per problem; empty when it is valid. */
export function statementProblems(statement: unknown): string[] {
	return validator(statement).map(words);
}

/** A statement the validator refused: a bug, said in the validator's words. */
export class InvalidStatementError extends Error {
	override name = 'InvalidStatementError';
	constructor(
		readonly statementId: string | undefined,
		readonly problems: string[]
	) {
		super(`Statement ${statementId ?? '(no id)'} is not valid xAPI: ${problems.join('; ')}.`);
	}
}

/** The statements unchanged when every one is valid; throws InvalidStatementError otherwise. */
export function validated<T extends Statement>(statements: T[]): T[] {
	for (const s of statements) {
		const problems = statementProblems(s);
		if (problems.length) throw new InvalidStatementError(s.id, problems);
	}
	return statements;
}
