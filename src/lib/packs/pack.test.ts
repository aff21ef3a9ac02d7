/**
 * Pack rules: the manifest, the checksum (any change to a lab's text or name
 * breaks it), a pack checked as a whole (one broken lab refuses it with that
 * lab's located problems), and the update plan (newer, same, older; labs
 * added, removed, changed).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scaffoldText } from '../authoring/scaffold';
import {
	buildPack,
	compareVersions,
	looksLikePack,
	packChecksum,
	PackError,
	packInfoProblems,
	planImport,
	verifyPack,
	type PackInfo
} from './pack';

const INFO: PackInfo = {
	name: 'Service desk basics',
	version: '1.0.0',
	author: 'Ada',
	licence: 'CC-BY-4.0'
};
const LABS = [
	{ fileName: 'banking-outage.md', text: readFileSync('scenarios/banking-outage.md', 'utf8') },
	{ fileName: 'printer-down.md', text: scaffoldText('printer-down') }
];

async function refusal(promise: Promise<unknown>): Promise<PackError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof PackError) return error;
		throw error;
	}
	throw new Error('expected a PackError');
}

describe('building and checking a pack', () => {
	it('round-trips: a built pack verifies, with every lab loaded and hashed', async () => {
		const pack = await buildPack(INFO, LABS, new Date('2026-03-02T09:00:00Z'));
		expect(pack.format).toBe('deskdrill-pack');
		expect(pack.manifest).toMatchObject({ ...INFO, createdAt: '2026-03-02T09:00:00.000Z' });
		expect(pack.manifest.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
		const text = JSON.stringify(pack);
		expect(looksLikePack(text)).toBe(true);
		expect(looksLikePack(LABS[0]!.text)).toBe(false);
		const verified = await verifyPack(text, 'basics.json');
		expect(verified.labs.map((l) => l.scenario.id)).toEqual(['banking-outage', 'printer-down']);
		expect(verified.labs.every((l) => /^sha256:/.test(l.hash))).toBe(true);
	});

	it('the checksum covers every text and name, in order', async () => {
		const base = await packChecksum(LABS);
		expect(await packChecksum([...LABS].reverse())).not.toBe(base);
		expect(await packChecksum([{ ...LABS[0]!, text: LABS[0]!.text + ' ' }, LABS[1]!])).not.toBe(
			base
		);
		expect(await packChecksum([{ ...LABS[0]!, fileName: 'x.md' }, LABS[1]!])).not.toBe(base);
		expect(await packChecksum(LABS)).toBe(base);
	});

	it('refuses a pack whose labs were changed after it was made, in words', async () => {
		const pack = await buildPack(INFO, LABS);
		pack.labs[1]!.text = pack.labs[1]!.text.replace('points: 10', 'points: 100');
		const error = await refusal(verifyPack(JSON.stringify(pack), 'basics.json'));
		expect(error.message).toBe(
			'The checksum of basics.json does not match its labs: the file was changed or damaged after it was made, so it was not imported. Ask its author for a fresh copy.'
		);
		expect(error.problems).toEqual([]);
	});

	it("refuses the whole pack when one lab is broken, with that lab's file:line:column problems", async () => {
		const broken = {
			fileName: 'broken.md',
			text: scaffoldText('broken').replace('skill: intake', 'skill: routing')
		};
		const pack = await buildPack(INFO, [...LABS, broken]);
		const error = await refusal(verifyPack(JSON.stringify(pack), 'basics.json'));
		expect(error.message).toContain(
			'the lab broken.md does not load, and a pack is imported whole or not at all'
		);
		expect(error.problems.length).toBeGreaterThan(0);
		expect(error.problems.every((p) => p.file === 'broken.md' && p.line > 0 && p.column > 0)).toBe(
			true
		);
		expect(error.problems.map((p) => p.message).join('\n')).toContain(
			'skill "routing" is not among'
		);
	});

	it.each([
		['not JSON', '{oops', 'is not a lab pack: it is not valid JSON'],
		['a backup', '{"attempts": [], "scenarios": []}', 'does not say format "deskdrill-pack"'],
		[
			'no labs',
			'{"format":"deskdrill-pack","manifest":{"name":"a","version":"1.0.0","author":"b","licence":"c"},"labs":[]}',
			'holds no labs'
		],
		[
			'a bad version',
			'{"format":"deskdrill-pack","manifest":{"name":"a","version":"v1","author":"b","licence":"c"},"labs":[]}',
			'The version must be major.minor.patch'
		],
		[
			'a damaged lab',
			'{"format":"deskdrill-pack","manifest":{"name":"a","version":"1.0.0","author":"b","licence":"c"},"labs":[{"fileName":1}]}',
			'Lab 1 of f.json is damaged'
		]
	])('refuses %s in words', async (_, text, message) => {
		expect((await refusal(verifyPack(text, 'f.json'))).message).toContain(message);
	});

	it('refuses two labs with one id', async () => {
		const pack = await buildPack(INFO, [LABS[1]!, { ...LABS[1]!, fileName: 'copy.md' }]);
		expect((await refusal(verifyPack(JSON.stringify(pack), 'p.json'))).message).toContain(
			'printer-down.md and copy.md are both the lab "printer-down"'
		);
	});

	it('will not build without a complete manifest or any lab', async () => {
		expect(packInfoProblems({ name: ' ', version: '1.0', author: 'a', licence: '' })).toEqual([
			'The pack needs a name.',
			'The pack needs a licence (e.g. CC-BY-4.0).',
			'The version must be major.minor.patch, such as 1.0.0 (got "1.0").'
		]);
		expect((await refusal(buildPack(INFO, []))).message).toBe(
			'Choose at least one lab for the pack.'
		);
	});
});

describe('versions and the update plan', () => {
	it('orders versions as semver does', () => {
		expect(compareVersions('1.10.0', '1.9.0')).toBe(1);
		expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
		expect(compareVersions('1.0.0-beta', '1.0.0')).toBe(-1);
		expect(compareVersions('1.0.0-beta.2', '1.0.0-beta.10')).toBe(-1);
		expect(compareVersions('2.0.0', '10.0.0')).toBe(-1);
	});

	const lab = (id: string, hash: string) => ({ id, title: id, hash });
	const here = { version: '1.0.0', labs: [lab('a', 'h1'), lab('b', 'h2'), lab('c', 'h3')] };

	it('plans an update: labs added, removed, changed and unchanged', () => {
		const plan = planImport(here, {
			name: 'p',
			version: '1.1.0',
			labs: [lab('a', 'h1'), lab('b', 'h2*'), lab('d', 'h4')]
		});
		expect(plan.kind).toBe('update');
		expect([plan.installed, plan.incoming]).toEqual(['1.0.0', '1.1.0']);
		expect(plan.added.map((l) => l.id)).toEqual(['d']);
		expect(plan.removed.map((l) => l.id)).toEqual(['c']);
		expect(plan.changed.map((l) => l.id)).toEqual(['b']);
		expect(plan.unchanged.map((l) => l.id)).toEqual(['a']);
	});

	it('says new, same or older', () => {
		const incoming = (version: string) => ({ name: 'p', version, labs: here.labs });
		expect(planImport(null, incoming('0.1.0')).kind).toBe('new');
		expect(planImport(here, incoming('1.0.0')).kind).toBe('same');
		expect(planImport(here, incoming('0.9.9')).kind).toBe('older');
	});
});
