/**
 * A SCORM package as bytes: the SCORM build of the app (build/scorm-app/,
 * hash routes and relative URLs), the launch settings that tell it which lab
 * to open, and imsmanifest.xml, zipped with fflate. Pure: the files come in
 * as arguments, so `npm run package:scorm` (Node) and Settings (the browser,
 * fetching the files the main build lists) make the same zip.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ScormVersion } from './api';
import { imsManifest } from './manifest';

/** Where the main build puts the SCORM build of the app, and the list of its files. */
export const SCORM_APP_DIR = 'scorm-app';
export const SCORM_APP_INDEX = 'files.json';
/** The launch settings file inside a package (read by launch.ts). */
export const LAUNCH_FILE = 'deskdrill-scorm.json';

/** What the packaged app reads at launch. */
export interface LaunchSettings {
	format: 'deskdrill-scorm';
	version: ScormVersion;
	/** The lab the launch opens; null: the catalogue. */
	lab: string | null;
	/** Labs imported in the browser that made the package, loaded at launch (bundled labs are in the app). */
	scenarios: { fileName: string; text: string }[];
}

export interface PackageSpec {
	version: ScormVersion;
	/** null: the whole catalogue. */
	lab: { id: string; title: string } | null;
	scenarios?: LaunchSettings['scenarios'];
}

/** The app's files a package leaves out: a service worker is never registered inside an LMS. */
export function packagedFile(path: string): boolean {
	return path !== SCORM_APP_INDEX && !/^service-worker\.js$/.test(path);
}

export function packageName(spec: PackageSpec): string {
	const what = spec.lab ? spec.lab.id : 'catalogue';
	return `deskdrill-${what}-scorm${spec.version === '1.2' ? '12' : '2004'}.zip`;
}

export function buildPackage(app: Map<string, Uint8Array>, spec: PackageSpec): Uint8Array {
	const settings: LaunchSettings = {
		format: 'deskdrill-scorm',
		version: spec.version,
		lab: spec.lab?.id ?? null,
		scenarios: spec.scenarios ?? []
	};
	const entries: Zippable = {};
	for (const [path, bytes] of app) if (packagedFile(path)) entries[path] = bytes;
	entries[LAUNCH_FILE] = strToU8(JSON.stringify(settings));
	const title = spec.lab ? `Deskdrill: ${spec.lab.title}` : 'Deskdrill: help desk labs';
	const manifest = imsManifest({
		version: spec.version,
		id: spec.lab?.id ?? 'catalogue',
		title,
		itemTitle: spec.lab?.title ?? 'Help desk labs',
		files: Object.keys(entries).sort(),
		launch: 'index.html'
	});
	// imsmanifest.xml first, at the root, as the content packaging spec requires.
	return zipSync({ 'imsmanifest.xml': strToU8(manifest), ...entries }, { level: 6 });
}
