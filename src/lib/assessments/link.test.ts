/** Candidate links round-trip, and a garbled or edited one is refused in words, never thrown. */
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink, type CandidateLink } from './link';

const link: CandidateLink = {
	v: 1,
	assessment: { id: 'a1', title: 'Service desk hire', minutes: 20, passMark: 70, showScore: false },
	labs: [{ id: 'cfo-laptop', title: "The CFO's laptop — Ünïcode", hash: 'abc123' }],
	candidate: 'rae@example.com',
	seed: 4_000_000_001,
	lrs: { endpoint: 'https://lrs.example.org/xAPI/', key: 'k', secret: 's' }
};

describe('candidate links', () => {
	it('round-trip through the URL hash, in URL-safe characters only', () => {
		const token = encodeLink(link);
		expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(decodeLink(`#${token}`)).toEqual({ ok: true, link });
		const { lrs: _lrs, ...without } = link;
		void _lrs;
		expect(decodeLink(encodeLink(without as CandidateLink))).toEqual({ ok: true, link: without });
	});

	it('an empty, cut, garbled or non-link hash is refused with a plain message', () => {
		const token = encodeLink(link);
		for (const bad of [
			'',
			'#',
			token.slice(0, 40),
			`${token.slice(0, 30)}!!${token.slice(32)}`,
			'aGVsbG8'
		]) {
			const decoded = decodeLink(bad);
			expect(decoded.ok).toBe(false);
			if (!decoded.ok) expect(decoded.message).toMatch(/link/);
		}
	});

	it('an edited link whose content no longer makes sense says what is wrong', () => {
		const edit = (change: (l: Record<string, unknown>) => void) => {
			const copy = structuredClone(link) as unknown as Record<string, unknown>;
			change(copy);
			return decodeLink(encodeLink(copy as unknown as CandidateLink));
		};
		expect(edit((l) => ((l.assessment as { minutes: number }).minutes = 0))).toMatchObject({
			ok: false,
			message: expect.stringContaining('time limit')
		});
		expect(edit((l) => (l.labs = []))).toMatchObject({
			ok: false,
			message: expect.stringContaining('no labs')
		});
		expect(edit((l) => (l.seed = -1))).toMatchObject({
			ok: false,
			message: expect.stringContaining('variant')
		});
		expect(edit((l) => (l.candidate = ' '))).toMatchObject({
			ok: false,
			message: expect.stringContaining('candidate')
		});
		expect(
			edit((l) => ((l.lrs as { endpoint: string }).endpoint = 'javascript:alert(1)'))
		).toMatchObject({ ok: false, message: expect.stringContaining('Learning Record Store') });
	});
});
