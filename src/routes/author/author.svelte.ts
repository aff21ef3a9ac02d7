/**
 * The Author page's state: the lab file being edited, its problems (the same
 * loader and messages as `npm run scenarios:check`, checked a moment after
 * typing stops), the live preview, the self-test's lines, recording the
 * author's play as the solution or a wrong attempt, saving and downloading.
 * The page and its components only show it.
 */
import { formatProblem, loadScenario } from '$lib/scenarios/load';
import type { Problem, Scenario } from '$lib/scenarios/types';
import { describe as describeError } from '$lib/scenarios/world';
import { labTestLines, type LabTestLines } from '$lib/authoring/test-lines';
import { recordJournal } from '$lib/authoring/recorder';
import { runAttempt } from '$lib/authoring/selftest';
import { writeAttempt, writeSolution } from '$lib/authoring/write-yaml';
import { STARTER_LAB } from '$lib/authoring/starter-lab';
import { importScenario, isBundled, labSource } from '$lib/services/catalogue';
import { Preview } from './preview.svelte';

/** How long typing must pause before the file is checked again. */
const CHECK_DELAY_MS = 400;

export type Recording = { kind: 'solution' } | { kind: 'attempt'; name: string };

export class AuthorPage {
	text = $state(STARTER_LAB);
	fileName = $state('my-lab.md');
	/** Problems of the text as last checked, located at line and column. */
	problems = $state.raw<Problem[]>([]);
	/** The text as last checked loaded: the preview and the self-test use it. */
	scenario = $state.raw<Scenario | null>(null);
	preview = $state.raw<Preview | null>(null);
	/** Bumps when the preview is rebuilt, so its panels start afresh. */
	generation = $state(0);
	previewProblem = $state<string | null>(null);
	test = $state.raw<LabTestLines | null>(null);
	recording = $state.raw<Recording | null>(null);
	attemptName = $state('');
	/** What the last action did, in one sentence; `tone` says how to show it. */
	message = $state<{ tone: 'ok' | 'warn' | 'error'; text: string } | null>(null);
	loading = $state(false);
	/** The self-test is running. */
	testing = $state(false);
	/** A line the editor should bring into view (where recorded lines were written). */
	reveal = $state.raw<{ line: number } | null>(null);
	#timer: ReturnType<typeof setTimeout> | undefined;

	/** Open a copy of a lab (the catalogue's "Edit a copy"), or the starter lab. */
	async open(labId: string | null): Promise<void> {
		if (labId) {
			this.loading = true;
			try {
				const source = await labSource(labId);
				if (source) {
					this.text = source.text;
					this.fileName = source.file.split('/').pop() ?? `${labId}.md`;
				} else
					this.say('error', `There is no lab “${labId}” here; the starter lab is open instead.`);
			} catch (error) {
				this.say('error', `The lab “${labId}” could not be read (${describeError(error)}).`);
			} finally {
				this.loading = false;
			}
		}
		this.check();
		this.restart();
	}

	/** The editor's text changed: check it once typing pauses. */
	edit(text: string): void {
		if (text === this.text) return;
		this.text = text;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.check(), CHECK_DELAY_MS);
	}

	/** Check the text now (also what the debounce runs). */
	check(): void {
		clearTimeout(this.#timer);
		const result = loadScenario(this.text, this.fileName);
		this.problems = result.ok ? [] : result.problems;
		this.scenario = result.ok ? result.scenario : null;
	}

	/** "file:line:column: path: message", as scenarios:check prints it. */
	problemText(problem: Problem): string {
		return formatProblem(problem);
	}

	get canRebuild(): boolean {
		return this.scenario !== null && this.recording === null;
	}

	/** "Restart the preview": the lab as the editor has it, from the start. */
	restart(): void {
		this.check();
		this.#rebuild((scenario) => Preview.fresh(scenario));
	}

	/** "Keep my progress": the new lab, with the current journal replayed where it applies. */
	keepProgress(): void {
		this.check();
		const old = this.preview;
		if (!old) return this.restart();
		const journal = $state.snapshot(old.journal);
		this.#rebuild((scenario) => Preview.keeping(scenario, journal, old.desk.persona.id));
		if (this.preview && this.preview !== old && this.preview.message)
			this.say('ok', this.preview.message);
	}

	#rebuild(make: (scenario: Scenario) => Preview): void {
		const scenario = this.scenario;
		if (!scenario) {
			this.previewProblem =
				'The preview shows the lab as it was last valid: fix the problems listed under the editor to rebuild it.';
			return;
		}
		try {
			this.preview = make(scenario);
			this.previewProblem = null;
			this.generation++;
		} catch (error) {
			this.previewProblem = `The lab’s help desk cannot be built: ${describeError(error)}`;
		}
	}

	/** "Run the self-test": the lines scenarios:test prints for this lab. */
	async runSelfTest(): Promise<void> {
		this.check();
		const scenario = this.scenario;
		if (!scenario) {
			this.test = null;
			this.say('error', 'The self-test needs a lab that loads: fix the problems listed first.');
			return;
		}
		// A lab with many variants takes a moment: the page says so before the work starts.
		this.testing = true;
		await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
		try {
			this.test = labTestLines(scenario);
		} catch (error) {
			this.say('error', `The self-test could not run: ${describeError(error)}`);
		} finally {
			this.testing = false;
		}
	}

	/** Start recording: the preview restarts, and everything done in it is recorded. */
	startRecording(kind: Recording['kind']): void {
		const name = this.attemptName.trim();
		if (kind === 'attempt' && !name) {
			this.say('error', 'Give the wrong attempt a name first (what the trainee gets wrong).');
			return;
		}
		this.restart();
		if (!this.preview) return;
		this.recording = kind === 'solution' ? { kind } : { kind, name };
		this.say(
			'ok',
			'Recording: play the lab in the preview, as any persona, then press “Stop and write”.'
		);
	}

	cancelRecording(): void {
		this.recording = null;
		this.message = null;
	}

	/** Write what was played into the editor's text (solution: or a new entry of attempts:). */
	stopRecording(): void {
		const recording = this.recording;
		const preview = this.preview;
		this.recording = null;
		if (!recording || !preview) return;
		const journal = $state.snapshot(preview.journal);
		const recorded = recordJournal(preview.scenario, preview.desk.world, journal);
		if (!recorded.commands.length) {
			this.say('warn', 'Nothing was done in the preview, so nothing was written.');
			return;
		}
		try {
			if (recording.kind === 'solution') this.#writeSolution(recorded);
			else this.#writeAttempt(recording.name, recorded);
		} catch (error) {
			this.say('error', describeError(error));
		}
	}

	#writeSolution(recorded: ReturnType<typeof recordJournal>): void {
		this.text = writeSolution(this.text, recorded.commands);
		this.check();
		this.#revealLine(/^solution:/);
		const notes = [
			`The solution was written: ${recorded.commands.length} line${recorded.commands.length === 1 ? '' : 's'}.`,
			...recorded.skipped
		];
		if (recorded.unnamed.length)
			notes.push(
				`No binding names ${recorded.unnamed.map((u) => u.name).join(', ')}: add a bind check for it, or its lines fail the self-test.`
			);
		this.say(recorded.unnamed.length || recorded.skipped.length ? 'warn' : 'ok', notes.join(' '));
		void this.runSelfTest();
	}

	/** The attempt is written, run, and its `fails:` filled in with the steps it fails, to confirm. */
	#writeAttempt(name: string, recorded: ReturnType<typeof recordJournal>): void {
		const attempt = {
			name,
			fails: [] as string[],
			bind: recorded.unnamed.map((u) => u.spec),
			commands: recorded.commands
		};
		const draft = loadScenario(writeAttempt(this.text, attempt), this.fileName);
		const written = draft.ok ? draft.scenario.attempts.find((a) => a.name === name) : undefined;
		if (draft.ok && written) attempt.fails = runAttempt(draft.scenario, written).failed;
		this.text = writeAttempt(this.text, attempt);
		this.check();
		this.#revealLine(
			new RegExp(`^\\s*- name: ['"]?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
		);
		const fails = attempt.fails.length ? attempt.fails.join(', ') : 'no step';
		this.say(
			'ok',
			`The attempt “${name}” was written; it fails ${fails}. Check that these are the steps this mistake should fail (fails: in the editor).`
		);
		this.attemptName = '';
		void this.runSelfTest();
	}

	/** "Save as an imported lab": in this browser's catalogue, refused with its problems. */
	async save(): Promise<void> {
		this.check();
		try {
			const result = await importScenario(this.fileName, this.text);
			if (!result.ok) {
				this.say(
					'error',
					`Not saved: the lab has ${result.problems.length} problem(s); see the list under the editor.`
				);
				return;
			}
			const replaces = isBundled(result.scenario.id)
				? ' It takes the place of the lab of the same id that comes with Deskdrill; change its id: to keep both.'
				: '';
			this.say('ok', `Saved “${result.scenario.title}” in this browser’s labs.${replaces}`);
		} catch (error) {
			this.say(
				'error',
				`The lab could not be saved in this browser (${describeError(error)}); nothing changed.`
			);
		}
	}

	/** "Download .md": the file as the editor has it. */
	download(): void {
		const name = this.scenario ? `${this.scenario.id}.md` : this.fileName;
		const url = URL.createObjectURL(new Blob([this.text], { type: 'text/markdown' }));
		const a = document.createElement('a');
		a.href = url;
		a.download = name;
		a.click();
		setTimeout(() => URL.revokeObjectURL(url), 1000);
	}

	#revealLine(pattern: RegExp): void {
		const index = this.text.split('\n').findIndex((l) => pattern.test(l));
		if (index >= 0) this.reveal = { line: index + 1 };
	}

	say(tone: 'ok' | 'warn' | 'error', text: string): void {
		this.message = { tone, text };
	}

	close(): void {
		clearTimeout(this.#timer);
	}
}
