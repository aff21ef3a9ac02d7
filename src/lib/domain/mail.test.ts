import { describe, expect, it } from 'vitest';
import { renderTemplate } from './mail';

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
