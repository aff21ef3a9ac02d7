import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render';

describe('renderMarkdown', () => {
	it('renders ordinary markdown', () => {
		const html = renderMarkdown('Set **Priority** to `Emergency`.\n\n> Quote\n\n- one\n- two');
		expect(html).toContain('<strong>Priority</strong>');
		expect(html).toContain('<code>Emergency</code>');
		expect(html).toContain('<blockquote>');
		expect(html).toContain('<li>one</li>');
	});

	it('never lets raw HTML, handlers or script URLs through', () => {
		const hostile = [
			'<script>alert(1)</script>',
			'<img src=x onerror="alert(2)">',
			'Inline <b onmouseover="alert(3)">bold</b>',
			'[click](javascript:alert(4))',
			'![x](javascript:alert(5))'
		].join('\n\n');
		const html = renderMarkdown(hostile);
		expect(html).not.toMatch(/<script/i);
		expect(html).not.toMatch(/<img/i);
		expect(html).not.toMatch(/<b /i);
		expect(html).not.toMatch(/href="javascript/i);
		expect(html).toContain('&lt;script&gt;');
	});

	it('keeps safe links, opening in a new tab', () => {
		expect(renderMarkdown('[osTicket](https://osticket.com)')).toContain(
			'<a href="https://osticket.com" rel="noopener noreferrer" target="_blank">osTicket</a>'
		);
	});
});
