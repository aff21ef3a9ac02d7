/**
 * Wording shared by the validator's messages: a value as a person reads it,
 * and the closest known name to a misspelt one ("did you mean ...?").
 */

/** A value as a message shows it: `the text "x"`, `the number 3`, `a list`. */
export function typeName(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a mapping';
	if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
	if (typeof value === 'number') return `the number ${value}`;
	return `${typeof value} ${String(value)}`;
}

/** "a status", "an agent permission", "an SLA plan". */
export function article(word: string): string {
	return /^([aeiou]|SLA)/i.test(word) ? `an ${word}` : `a ${word}`;
}

/** JSON Schema type names in words. */
export const TYPE_WORDS: Record<string, string> = {
	string: 'text',
	number: 'a number',
	integer: 'a whole number',
	boolean: 'true or false',
	object: 'a mapping (key: value)',
	array: 'a list',
	null: 'null'
};

/** The option nearest to `word`, if near enough to be what was meant. */
export function closest(word: string, options: readonly string[]): string | null {
	let best: string | null = null;
	let bestScore = Infinity;
	for (const option of options) {
		const d = editDistance(word.toLowerCase(), option.toLowerCase());
		if (d < bestScore) {
			bestScore = d;
			best = option;
		}
	}
	return best !== null && bestScore <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

/** ` (did you mean "x"?)`, or nothing when no option is near. */
export function didYouMean(word: string, options: readonly string[]): string {
	const guess = closest(word, options);
	return guess ? ` (did you mean "${guess}"?)` : '';
}

export function editDistance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let prev = row[0] as number;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const tmp = row[j] as number;
			row[j] = Math.min(
				(row[j] as number) + 1,
				(row[j - 1] as number) + 1,
				prev + (a[i - 1] === b[j - 1] ? 0 : 1)
			);
			prev = tmp;
		}
	}
	return row[b.length] as number;
}
