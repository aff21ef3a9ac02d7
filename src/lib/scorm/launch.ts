/**
 * Starting the packaged app (the SCORM build only; +layout.ts calls this
 * once): read the package's launch settings (deskdrill-scorm.json beside
 * index.html), load the labs the package carries, open the LMS session, and
 * say which attempt to open:
 *   - the LMS resumes (entry = resume) with our suspend_data: that attempt,
 *     restored into IndexedDB from suspend_data if this browser lacks it (or
 *     holds less of it);
 *   - else, in a one-lab package: a new attempt of that lab (outside an LMS,
 *     the one in progress here, if any);
 *   - a catalogue package: none; the catalogue opens and the lab the learner
 *     starts is the one reported.
 */
import { createWorldStore, openWorldStore } from '../db/world-store';
import { workspaceDb } from '../db/attempts-db';
import { listAttempts, startAttempt } from '../services/attempts';
import { findScenario, importScenario } from '../services/catalogue';
import { replayTo } from '../services/replay';
import { isEnded } from '../services/session-machine';
import { LAUNCH_FILE, type LaunchSettings } from './package';
import { openScormSession } from './session';
import { decodeSuspend, type SuspendState } from './suspend';

/** The package's launch settings, or null (not a package, or a damaged file). */
export async function readLaunchSettings(base: string): Promise<LaunchSettings | null> {
	try {
		const response = await fetch(new URL(LAUNCH_FILE, base));
		if (!response.ok) return null;
		const data = (await response.json()) as Partial<LaunchSettings>;
		if (data.format !== 'deskdrill-scorm' || (data.version !== '1.2' && data.version !== '2004'))
			return null;
		return {
			format: data.format,
			version: data.version,
			lab: typeof data.lab === 'string' ? data.lab : null,
			scenarios: Array.isArray(data.scenarios) ? data.scenarios : []
		};
	} catch {
		return null;
	}
}

/**
 * Make the suspended attempt available here. Kept as it is when this browser
 * already holds at least as much of it; else rebuilt by replaying the journal
 * suspend_data carried. Returns its id, or null if its lab is not available.
 */
export async function restoreSuspended(
	state: SuspendState,
	now = Date.now()
): Promise<string | null> {
	const { record, journal, total } = state;
	const here = await workspaceDb().attempts.get(record.id);
	const store = here ? await openWorldStore(record.id) : null;
	const heldHere = store?.journal.length ?? -1;
	store?.close();
	if (here && heldHere >= journal.length) return record.id;
	const scenario = await findScenario(record.scenarioId);
	if (!scenario) return null;
	const { world } = replayTo(scenario, journal, journal.length);
	(await createWorldStore(record.id, world, journal)).close();
	// A journal cut short to fit the LMS's limit is a partial copy: the report says it was restored.
	await workspaceDb().attempts.put({
		...record,
		restoredAt: journal.length < total ? now : (record.restoredAt ?? null)
	});
	return record.id;
}

async function loadPackagedLabs(settings: LaunchSettings): Promise<void> {
	for (const lab of settings.scenarios) {
		if (typeof lab?.text !== 'string' || typeof lab.fileName !== 'string') continue;
		await importScenario(lab.fileName, lab.text);
	}
}

/** The attempt the launch opens, or null for the catalogue. */
export async function launch(win: Window): Promise<string | null> {
	const settings = await readLaunchSettings(win.document.baseURI);
	if (!settings) return null;
	await loadPackagedLabs(settings);
	const session = openScormSession(win, settings.version);
	if (session?.resuming) {
		const state = decodeSuspend(session.suspendData);
		const id = state ? await restoreSuspended(state) : null;
		if (id) return id;
	}
	if (!settings.lab) return null;
	if (!session) {
		const open = (await listAttempts()).find(
			(a) => a.scenarioId === settings.lab && !isEnded(a.status)
		);
		if (open) return open.id;
	}
	const scenario = await findScenario(settings.lab);
	if (!scenario) return null;
	return (await startAttempt(scenario, { mode: 'practice' })).id;
}

let launched = false;

/** launch(), the first time only: later navigations open what the learner chose. */
export async function launchOnce(win: Window): Promise<string | null> {
	if (launched) return null;
	launched = true;
	return launch(win);
}
