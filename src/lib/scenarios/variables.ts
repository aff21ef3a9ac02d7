/**
 * Lab variables: pools of values (people, subjects, which SLA a severity
 * calls for, ...) from which a seed picks one each, so that every candidate
 * can get another variant of the same lab. The lab's text refers to them as
 * {{name}} or {{name.field}} anywhere in its front matter and briefing;
 * substituting a variant's values gives a complete, ordinary lab that is
 * then checked like any other.
 *
 * Seeds map onto variants one to one in mixed radix (seed mod the number of
 * variants), so seeds 0 … n-1 are every variant once: the self-test can run
 * all of them when there are few, and seed 0 is the lab as written (the first
 * value of every pool).
 */
import type { PathPart } from './parse';

/** One value of a pool: text, a number, or a record of named parts (a person: name, email, ...). */
export type VariableValue = string | number | { [field: string]: string | number | string[] };
export type VariablePools = Record<string, VariableValue[]>;

/** The values one seed picked, by variable name. */
export type VariantValues = Record<string, VariableValue>;

export interface VariableProblem {
	path: PathPart[];
	message: string;
}

const NAME = /^[a-z][a-zA-Z0-9_]*$/;
/** {{name}} or {{name.field}}, spaces allowed inside the braces. */
const REFERENCE = /\{\{\s*([^{}\s.]+)(?:\.([^{}\s.]+))?\s*\}\}/g;

/** How many different variants the pools make (1 without variables). */
export function variantCount(pools: VariablePools | undefined): number {
	if (!pools) return 1;
	return Object.values(pools).reduce((n, pool) => n * Math.max(1, pool.length), 1);
}

/** Which value of each pool a seed picks (an index per variable, in declared order). */
export function variantChoice(pools: VariablePools, seed: number): Record<string, number> {
	const count = variantCount(pools);
	let rest = ((Math.trunc(seed) % count) + count) % count;
	const choice: Record<string, number> = {};
	for (const [name, pool] of Object.entries(pools)) {
		const size = Math.max(1, pool.length);
		choice[name] = rest % size;
		rest = Math.floor(rest / size);
	}
	return choice;
}

export function variantValues(pools: VariablePools, seed: number): VariantValues {
	const choice = variantChoice(pools, seed);
	return Object.fromEntries(
		Object.entries(pools).map(([name, pool]) => [name, pool[choice[name] ?? 0] as VariableValue])
	);
}

/** The seeds the self-test proves: every variant when there are at most `max`, else a fixed spread of `max`. */
export function seedsToProve(pools: VariablePools | undefined, max = 12): number[] {
	const count = variantCount(pools);
	if (count <= max) return Array.from({ length: count }, (_, i) => i);
	// Seed 0 (the lab as written), then a fixed stride prime to the count, so
	// the seeds are distinct, a run can be repeated, and the first pool's
	// values all come round rather than every few-th variant alike.
	let stride = Math.ceil(count / max);
	while (gcd(stride, count) !== 1) stride++;
	return Array.from({ length: max }, (_, i) => (i * stride) % count);
}

function gcd(a: number, b: number): number {
	return b === 0 ? a : gcd(b, a % b);
}

/** What is wrong with a `variables:` block, each with its path; none means it can be used. */
export function checkPools(value: unknown): VariableProblem[] {
	const problems: VariableProblem[] = [];
	if (value === undefined) return problems;
	if (value === null || typeof value !== 'object' || Array.isArray(value))
		return [
			{
				path: ['variables'],
				message:
					'variables must be a mapping of names to lists of values, e.g. customer: [{name: Karen Karen, email: karen@example.com}, ...]'
			}
		];
	for (const [name, pool] of Object.entries(value)) {
		const path: PathPart[] = ['variables', name];
		if (!NAME.test(name))
			problems.push({
				path,
				message: `variable name "${name}" must start with a lower-case letter and hold only letters, digits and "_"`
			});
		if (!Array.isArray(pool) || pool.length === 0) {
			problems.push({ path, message: `variable "${name}" needs a list of at least one value` });
			continue;
		}
		let fields: string | null = null;
		pool.forEach((item: unknown, i) => {
			const at = [...path, i];
			if (typeof item === 'string' || typeof item === 'number') {
				if (fields !== null) problems.push({ path: at, message: mixMessage(name, fields) });
				return;
			}
			if (item === null || typeof item !== 'object' || Array.isArray(item)) {
				problems.push({
					path: at,
					message: `each value of "${name}" must be text, a number, or a mapping of named parts`
				});
				return;
			}
			const keys = Object.keys(item).sort().join(', ');
			for (const [field, part] of Object.entries(item)) {
				const fine =
					typeof part === 'string' ||
					typeof part === 'number' ||
					(Array.isArray(part) && part.every((p) => typeof p === 'string'));
				if (!fine)
					problems.push({
						path: [...at, field],
						message: `"${name}.${field}" must be text, a number or a list of texts`
					});
			}
			if (fields === null) fields = keys;
			else if (fields !== keys)
				problems.push({
					path: at,
					message: `every value of "${name}" must have the same parts (${fields}); this one has ${keys || 'none'}`
				});
		});
		if (fields !== null && pool.some((v) => typeof v !== 'object'))
			problems.push({ path, message: mixMessage(name, fields) });
	}
	return problems;
}

function mixMessage(name: string, fields: string): string {
	return `the values of "${name}" mix plain values with mappings (${fields}); use one kind`;
}

/**
 * The tree with every {{reference}} replaced by the variant's value. A text
 * that is one reference and nothing else takes the value as it is (a list of
 * key words, a number); inside longer text a value reads as text (a list
 * joined with ", "). Unknown references are reported with their path.
 */
export function substitute(
	tree: unknown,
	values: VariantValues,
	path: PathPart[] = []
): { value: unknown; problems: VariableProblem[] } {
	const problems: VariableProblem[] = [];
	const walk = (node: unknown, at: PathPart[]): unknown => {
		if (typeof node === 'string') return substituteText(node, values, at, problems);
		if (Array.isArray(node)) return node.map((item, i) => walk(item, [...at, i]));
		if (node && typeof node === 'object')
			return Object.fromEntries(
				Object.entries(node).map(([key, item]) => [key, walk(item, [...at, key])])
			);
		return node;
	};
	return { value: walk(tree, path), problems };
}

function substituteText(
	text: string,
	values: VariantValues,
	at: PathPart[],
	problems: VariableProblem[]
): unknown {
	if (!text.includes('{{')) return text;
	const whole = new RegExp(`^${REFERENCE.source}$`).exec(text.trim());
	if (whole) {
		const found = lookUp(values, whole[1] as string, whole[2]);
		if (typeof found === 'string') return text.replace(whole[0], found);
		if (found !== undefined) return found;
	}
	return text.replace(REFERENCE, (ref, name: string, field: string | undefined) => {
		const found = lookUp(values, name, field);
		if (found === undefined) {
			problems.push({ path: at, message: unknownMessage(values, name, field) });
			return ref;
		}
		return Array.isArray(found) ? found.join(', ') : String(found);
	});
}

function lookUp(
	values: VariantValues,
	name: string,
	field: string | undefined
): string | number | string[] | undefined {
	const value = values[name];
	if (value === undefined) return undefined;
	if (field === undefined) return typeof value === 'object' ? undefined : value;
	return typeof value === 'object' ? value[field] : undefined;
}

function unknownMessage(values: VariantValues, name: string, field: string | undefined): string {
	const value = values[name];
	const ref = field ? `${name}.${field}` : name;
	if (value === undefined) {
		const known = Object.keys(values);
		return known.length
			? `unknown variable "{{${ref}}}": the lab declares ${known.map((k) => `"${k}"`).join(', ')}`
			: `unknown variable "{{${ref}}}": the lab declares no variables (add a variables: block)`;
	}
	if (typeof value === 'object')
		return field
			? `variable "${name}" has no part "${field}"; its parts are ${Object.keys(value).join(', ')}`
			: `variable "${name}" has parts (${Object.keys(value).join(', ')}): write {{${name}.${Object.keys(value)[0]}}}`;
	return `variable "${name}" is plain text, not a mapping: write {{${name}}}`;
}
