/**
 * Finding the LMS's SCORM run-time API and talking to it through one small
 * interface, whichever version. The search is the one the specifications
 * give: the window itself, then up its parent chain (at most 7 steps, as
 * ADL's SCORM 1.2 sample; 2004's allows more, no real LMS nests deeper), then
 * the opener window and its parents. SCORM 1.2's object is `API`, SCORM
 * 2004's `API_1484_11`. A window of another origin throws on access: that
 * counts as "not here" and the search goes on.
 */
export type ScormVersion = '1.2' | '2004';

/** The two API objects' methods, as the specifications name them. */
export interface Scorm12Api {
	LMSInitialize(arg: ''): string;
	LMSFinish(arg: ''): string;
	LMSGetValue(element: string): string;
	LMSSetValue(element: string, value: string): string;
	LMSCommit(arg: ''): string;
	LMSGetLastError(): string | number;
}
export interface Scorm2004Api {
	Initialize(arg: ''): string;
	Terminate(arg: ''): string;
	GetValue(element: string): string;
	SetValue(element: string, value: string): string;
	Commit(arg: ''): string;
	GetLastError(): string | number;
}

/** The few parts of a window the search reads (a fake chain in tests). */
export interface WindowLike {
	parent: WindowLike | null;
	opener?: WindowLike | null;
	[key: string]: unknown;
}

const NAMES: Record<ScormVersion, string> = { '1.2': 'API', '2004': 'API_1484_11' };
const MAX_PARENTS = 7;

function read(win: WindowLike, name: string): unknown {
	try {
		const api = win[name];
		return api && typeof api === 'object' ? api : null;
	} catch {
		return null; // another origin
	}
}

function parentOf(win: WindowLike): WindowLike | null {
	try {
		const parent = win.parent;
		return parent && parent !== win ? parent : null;
	} catch {
		return null;
	}
}

function searchUp(start: WindowLike | null, name: string): unknown {
	let win = start;
	for (let steps = 0; win && steps <= MAX_PARENTS; steps++) {
		const api = read(win, name);
		if (api) return api;
		win = parentOf(win);
	}
	return null;
}

/** The API of `version` reachable from `win`, or null (launched outside an LMS). */
export function findApi(win: WindowLike, version: ScormVersion): unknown {
	const name = NAMES[version];
	const found = searchUp(win, name);
	if (found) return found;
	let opener: WindowLike | null;
	try {
		opener = win.opener ?? null;
	} catch {
		opener = null; // an opener of another origin
	}
	return opener ? searchUp(opener, name) : null;
}

/** One interface over both versions; element names are the version's own. */
export interface LmsConnection {
	readonly version: ScormVersion;
	initialize(): boolean;
	get(element: string): string;
	set(element: string, value: string): boolean;
	commit(): boolean;
	finish(): boolean;
}

const ok = (result: unknown) => result === 'true' || result === true;

export function connection(version: ScormVersion, api: unknown): LmsConnection {
	if (version === '1.2') {
		const a = api as Scorm12Api;
		return {
			version,
			initialize: () => ok(a.LMSInitialize('')),
			get: (e) => String(a.LMSGetValue(e) ?? ''),
			set: (e, v) => ok(a.LMSSetValue(e, v)),
			commit: () => ok(a.LMSCommit('')),
			finish: () => ok(a.LMSFinish(''))
		};
	}
	const a = api as Scorm2004Api;
	return {
		version,
		initialize: () => ok(a.Initialize('')),
		get: (e) => String(a.GetValue(e) ?? ''),
		set: (e, v) => ok(a.SetValue(e, v)),
		commit: () => ok(a.Commit('')),
		finish: () => ok(a.Terminate(''))
	};
}

/**
 * The LMS connection for `version`, or the other version's when the package
 * does not say (prefer 2004). Null outside an LMS.
 */
export function discover(win: WindowLike, version?: ScormVersion): LmsConnection | null {
	const order: ScormVersion[] = version ? [version] : ['2004', '1.2'];
	for (const v of order) {
		const api = findApi(win, v);
		if (api) return connection(v, api);
	}
	return null;
}
