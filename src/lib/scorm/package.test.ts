import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { buildPackage, LAUNCH_FILE, packageName } from './package';
import { xmlId } from './manifest';

const app = new Map([
	['index.html', strToU8('<!doctype html>')],
	['_app/immutable/entry/start.js', strToU8('export {}')],
	['service-worker.js', strToU8('self')],
	['files.json', strToU8('{}')]
]);

describe('a SCORM package', () => {
	it('SCORM 1.2: the manifest first, naming ADL SCORM 1.2, one SCO launching index.html, every file listed', () => {
		const zip = unzipSync(
			buildPackage(app, { version: '1.2', lab: { id: 'adobe-upgrade', title: 'Adobe & <co>' } })
		);
		const names = Object.keys(zip);
		expect(names[0]).toBe('imsmanifest.xml');
		expect(names).not.toContain('service-worker.js');
		expect(names).not.toContain('files.json');
		const manifest = strFromU8(zip['imsmanifest.xml']!);
		expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
		expect(manifest).toContain('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"');
		expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"');
		expect(manifest).toContain('<title>Deskdrill: Adobe &amp; &lt;co&gt;</title>');
		for (const f of ['index.html', '_app/immutable/entry/start.js', LAUNCH_FILE])
			expect(manifest).toContain(`<file href="${f}"/>`);
		expect(JSON.parse(strFromU8(zip[LAUNCH_FILE]!))).toEqual({
			format: 'deskdrill-scorm',
			version: '1.2',
			lab: 'adobe-upgrade',
			scenarios: []
		});
	});

	it('SCORM 2004 4th edition: its schema version, scormType and the catalogue as launch', () => {
		const zip = unzipSync(buildPackage(app, { version: '2004', lab: null }));
		const manifest = strFromU8(zip['imsmanifest.xml']!);
		expect(manifest).toContain('<schemaversion>2004 4th Edition</schemaversion>');
		expect(manifest).toContain('xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"');
		expect(manifest).toContain('adlcp:scormType="sco"');
		expect(manifest).toContain('<imsss:sequencing>');
		expect(JSON.parse(strFromU8(zip[LAUNCH_FILE]!)).lab).toBeNull();
	});

	it('names files and identifiers safely', () => {
		expect(packageName({ version: '2004', lab: null })).toBe('deskdrill-catalogue-scorm2004.zip');
		expect(packageName({ version: '1.2', lab: { id: 'x', title: 'X' } })).toBe(
			'deskdrill-x-scorm12.zip'
		);
		expect(xmlId('9 lives/ok')).toBe('deskdrill-9-lives-ok');
	});
});
