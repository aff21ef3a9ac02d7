/** The keys of a menu button's list: moving, wrapping, jumping and type-ahead. */
import { describe, expect, it } from 'vitest';
import { matchFrom, moveTo } from './menu.svelte';

describe('moveTo', () => {
	it('moves down and up, wrapping at the ends', () => {
		expect(moveTo('ArrowDown', 0, 3)).toBe(1);
		expect(moveTo('ArrowDown', 2, 3)).toBe(0);
		expect(moveTo('ArrowUp', 0, 3)).toBe(2);
		expect(moveTo('ArrowUp', 2, 3)).toBe(1);
	});

	it('starts from the first or last entry when none has focus', () => {
		expect(moveTo('ArrowDown', -1, 3)).toBe(0);
		expect(moveTo('ArrowUp', -1, 3)).toBe(2);
	});

	it('jumps with Home and End, and ignores other keys or an empty menu', () => {
		expect(moveTo('Home', 2, 3)).toBe(0);
		expect(moveTo('End', 0, 3)).toBe(2);
		expect(moveTo('Enter', 0, 3)).toBeNull();
		expect(moveTo('ArrowDown', -1, 0)).toBeNull();
	});
});

describe('matchFrom', () => {
	const labels = [
		'Change Owner',
		'Release (unassign) Ticket',
		'Manage Referrals',
		'Manage Collaborators'
	];

	it('finds the next entry starting with the letter, case-insensitively, wrapping', () => {
		expect(matchFrom('m', 0, labels)).toBe(2);
		expect(matchFrom('M', 2, labels)).toBe(3);
		expect(matchFrom('m', 3, labels)).toBe(2);
		expect(matchFrom('c', -1, labels)).toBe(0);
	});

	it('ignores keys that are not one printable character, and letters nothing starts with', () => {
		expect(matchFrom('Shift', 0, labels)).toBeNull();
		expect(matchFrom(' ', 0, labels)).toBeNull();
		expect(matchFrom('z', 0, labels)).toBeNull();
	});
});
