import { describe, expect, it } from 'vitest';
import { formatSimTime, renderTemplate } from './mail';

describe('mail templates', () => {
	const vars = {
		ticket: { number: '123456', subject: 'VPN down', dept: { name: 'Support' } },
		recipient: { name: { first: 'Karen', full: 'Karen Karen' } }
	};

	it('replaces osTicket-style variables, nested paths included', () => {
		expect(
			renderTemplate('Hi %{recipient.name.first}, #%{ticket.number}: %{ticket.subject}', vars)
		).toBe('Hi Karen, #123456: VPN down');
	});

	it('renders an object variable by its name', () => {
		expect(renderTemplate('%{ticket.dept}', vars)).toBe('Support');
		expect(renderTemplate('%{recipient.name}', vars)).toBe('Karen Karen');
	});

	it('leaves unknown variables visible so an author sees the typo', () => {
		expect(renderTemplate('%{ticket.numbr} %{nope}', vars)).toBe('%{ticket.numbr} %{nope}');
	});
});

describe('the one date format (formatSimTime)', () => {
	// osTicket shows every date in its configured time zone (Format::datetime with the
	// system timezone); Deskdrill does the same with the help desk's `timezone` setting.
	const at = Date.UTC(2026, 2, 2, 14, 0); // Monday 2 March 2026, 14:00 UTC
	it('shows a simulated time in the help desk’s time zone', () => {
		expect(formatSimTime(at, 'America/New_York')).toMatch(/\b0?9:00\b/);
		expect(formatSimTime(at, 'UTC')).toMatch(/\b(2:00|14:00)\b/);
		expect(formatSimTime(at, 'UTC')).toMatch(/2026/);
	});
	it('is empty for no time and falls back to the runtime zone for an unknown one', () => {
		expect(formatSimTime(null)).toBe('');
		expect(formatSimTime(at, 'Not/AZone')).toMatch(/2026/);
	});
});
