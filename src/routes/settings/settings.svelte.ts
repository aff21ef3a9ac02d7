/**
 * What the Settings page knows and does: the browser's storage, backup and
 * restore (asking first when the file is older than the work here), importing
 * a lab file and starting it, removing an imported lab. The page only shows
 * this state; each message belongs to the section whose action produced it,
 * so it appears where the learner is looking.
 */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { count } from '$lib/components/labels';
import type { Problem, Scenario } from '$lib/scenarios/types';
import { listAttempts, startAttempt } from '$lib/services/attempts';
import {
	exportWorkspace,
	parseBackup,
	planRestore,
	restoreWorkspace,
	BackupError,
	type ConflictChoice,
	type RestorePlan
} from '$lib/services/backup';
import { looksLikePack } from '$lib/packs/pack';
import { importScenario, importedLabs, removeImportedLab } from '$lib/services/catalogue';
import { requestPersistence, storageStatus, type StorageStatus } from '$lib/services/storage';

export type Section = 'storage' | 'backup' | 'import';
export interface Message {
	section: Section;
	kind: 'ok' | 'error';
	text: string;
}
export interface ImportedLab {
	id: string;
	fileName: string;
	importedAt: number;
	/** "Name 1.2.0" when it came with a lab pack. */
	pack: string | null;
}

/** Today as yyyy-mm-dd, for a file name (not shown as a date: ISO sorts). */
const today = () => new Date().toISOString().slice(0, 10);

const why = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class SettingsState {
	status = $state<StorageStatus | null>(null);
	attempts = $state(0);
	message = $state<Message | null>(null);
	/** What is wrong with the file just imported, as file:line:column. */
	problems = $state.raw<Problem[]>([]);
	busy = $state(false);
	/** A restore waiting for the learner's choice: the file holds older copies of newer work here. */
	pending = $state.raw<{ plan: RestorePlan; file: string } | null>(null);
	imported = $state.raw<ImportedLab[]>([]);
	/** The lab just imported, offered to start. Raw: the engine clones scenarios. */
	justImported = $state.raw<Scenario | null>(null);

	readonly available = $derived(this.status?.available ?? false);

	/** The message of one section, if it has one. */
	messageFor(section: Section): Message | null {
		return this.message?.section === section ? this.message : null;
	}

	async refresh() {
		this.status = await storageStatus();
		this.attempts = this.status.available ? (await listAttempts()).length : 0;
		this.imported = this.status.available ? await importedLabs() : [];
	}

	async persist() {
		const granted = await requestPersistence();
		this.message = granted
			? {
					section: 'storage',
					kind: 'ok',
					text: 'The browser will keep your labs even when it runs short of space.'
				}
			: {
					section: 'storage',
					kind: 'error',
					text: 'The browser declined to make storage persistent; your labs may be removed if space runs short. Export a backup now and then.'
				};
		await this.refresh();
	}

	async backup() {
		this.busy = true;
		try {
			const data = await exportWorkspace();
			const url = URL.createObjectURL(
				new Blob([JSON.stringify(data)], { type: 'application/json' })
			);
			const a = document.createElement('a');
			a.href = url;
			a.download = `deskdrill-backup-${today()}.json`;
			a.click();
			setTimeout(() => URL.revokeObjectURL(url), 1000);
			this.message = {
				section: 'backup',
				kind: 'ok',
				text: `Backup ready: ${count(data.attempts.length, 'attempt')}, ${count(data.scenarios.length, 'imported scenario')}.`
			};
		} catch (error) {
			this.message = {
				section: 'backup',
				kind: 'error',
				text: `The backup could not be made: ${why(error)}`
			};
		} finally {
			this.busy = false;
		}
	}

	async restore(file: File) {
		this.busy = true;
		this.pending = null;
		this.message = null;
		try {
			const plan = await planRestore(parseBackup(await file.text()));
			if (plan.conflicts.length) this.pending = { plan, file: file.name };
			else await this.finishRestore(plan, file.name, 'replace');
		} catch (error) {
			this.restoreFailed(error);
		} finally {
			this.busy = false;
		}
	}

	async finishRestore(plan: RestorePlan, file: string, choice: ConflictChoice) {
		this.busy = true;
		this.pending = null;
		try {
			const result = await restoreWorkspace(plan, choice);
			const copies = result.copies ? `, ${result.copies} of them as copies beside newer work` : '';
			this.message = {
				section: 'backup',
				kind: 'ok',
				text: `Restored ${count(result.attempts, 'attempt')}${copies} and ${count(result.scenarios, 'imported lab')} from ${file}; they are marked as restored.`
			};
			await this.refresh();
		} catch (error) {
			this.restoreFailed(error);
		} finally {
			this.busy = false;
		}
	}

	private restoreFailed(error: unknown) {
		this.message = {
			section: 'backup',
			kind: 'error',
			text:
				error instanceof BackupError
					? error.message
					: 'The file could not be restored, so nothing was changed.'
		};
	}

	async importLab(file: File) {
		this.problems = [];
		this.justImported = null;
		this.message = null;
		try {
			const text = await file.text();
			if (looksLikePack(text)) {
				this.message = {
					section: 'import',
					kind: 'error',
					text: `${file.name} is a lab pack: import it under “Import a lab pack” below.`
				};
				return;
			}
			const result = await importScenario(file.name, text);
			if (result.ok) {
				this.message = {
					section: 'import',
					kind: 'ok',
					text: `Imported “${result.scenario.title}”: it is now in the catalogue.`
				};
				this.justImported = result.scenario;
				await this.refresh();
			} else {
				this.problems = result.problems;
				this.message = {
					section: 'import',
					kind: 'error',
					text: `${file.name} was not imported: ${count(result.problems.length, 'problem')} below.`
				};
			}
		} catch (error) {
			this.message = {
				section: 'import',
				kind: 'error',
				text: `${file.name} could not be imported: ${why(error)}`
			};
		}
	}

	/** Start the lab just imported, in practice mode. */
	async startImported() {
		const scenario = this.justImported;
		if (!scenario) return;
		try {
			const attempt = await startAttempt(scenario, { mode: 'practice' });
			void requestPersistence();
			await goto(resolve('/lab/[id]', { id: attempt.id }));
		} catch {
			this.message = {
				section: 'import',
				kind: 'error',
				text: 'The lab could not start: the browser storage refused it.'
			};
		}
	}

	async remove(id: string) {
		try {
			await removeImportedLab(id);
			if (this.justImported?.id === id) this.justImported = null;
			this.message = {
				section: 'import',
				kind: 'ok',
				text: `The imported lab “${id}” was removed from the catalogue.`
			};
			await this.refresh();
		} catch {
			this.message = {
				section: 'import',
				kind: 'error',
				text: 'The lab could not be removed: the browser storage refused it.'
			};
		}
	}
}
