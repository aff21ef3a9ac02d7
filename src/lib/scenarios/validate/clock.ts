/**
 * The `clock` field in words: the schema allows `manual`, `realtime` or
 * `{ mode: accelerated, speed: 60 }`, but ajv's errors for such an
 * alternative ("must match a schema in anyOf") help nobody. This reads the
 * value itself and says the one thing that is wrong, with a "did you mean".
 */
import type { PathPart } from '../parse';
import { MAX_CLOCK_SPEED } from '../types';
import { CLOCK_MODES } from '../schema';
import { didYouMean, typeName } from './words';

export interface ClockProblem {
	path: PathPart[];
	/** The problem is a map key (an unknown field). */
	key?: boolean;
	message: string;
}

const EXPECTED = 'expected manual, realtime, or { mode: accelerated, speed: 60 }';
const SPEED = `simulated minutes per real minute, from 1 to ${MAX_CLOCK_SPEED}`;

function unknownMode(mode: string): string {
	return `unknown clock mode ${JSON.stringify(mode)}${didYouMean(mode, CLOCK_MODES)}; ${EXPECTED}`;
}

/** What is wrong with a lab's `clock` value, or null when it is right (or left out). */
export function clockProblem(value: unknown): ClockProblem | null {
	const at: PathPart[] = ['clock'];
	if (value === undefined) return null;
	if (typeof value === 'string') {
		if (value === 'manual' || value === 'realtime') return null;
		if (value === 'accelerated')
			return {
				path: at,
				message: `an accelerated clock needs a speed: write clock: { mode: accelerated, speed: 60 } (${SPEED})`
			};
		return { path: at, message: unknownMode(value) };
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value))
		return { path: at, message: `${EXPECTED}; got ${typeName(value)}` };
	const fields = value as Record<string, unknown>;
	const known = ['mode', 'speed'];
	for (const name of Object.keys(fields))
		if (!known.includes(name))
			return {
				path: [...at, name],
				key: true,
				message: `unknown field "${name}"${didYouMean(name, known)}; expected one of: ${known.join(', ')}`
			};
	const mode = fields['mode'];
	if (mode === undefined)
		return { path: at, message: `missing required field "mode": ${CLOCK_MODES.join(', ')}` };
	if (typeof mode !== 'string')
		return { path: [...at, 'mode'], message: `${EXPECTED}; got ${typeName(mode)}` };
	if (!(CLOCK_MODES as readonly string[]).includes(mode))
		return { path: [...at, 'mode'], message: unknownMode(mode) };
	const speed = fields['speed'];
	if (mode !== 'accelerated')
		return speed === undefined
			? null
			: {
					path: [...at, 'speed'],
					key: true,
					message: `"speed" applies only to an accelerated clock: remove it, or write mode: accelerated`
				};
	if (speed === undefined)
		return {
			path: at,
			message: `an accelerated clock needs "speed" (${SPEED}), e.g. { mode: accelerated, speed: 60 }`
		};
	if (typeof speed !== 'number' || !Number.isFinite(speed) || speed < 1 || speed > MAX_CLOCK_SPEED)
		return { path: [...at, 'speed'], message: `expected ${SPEED}; got ${typeName(speed)}` };
	return null;
}
