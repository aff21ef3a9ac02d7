/**
 * The "Import a lab pack" section of Settings: a pack file is checked as a
 * whole and compared with the version here. A new pack is imported at once;
 * a newer version waits for the learner to confirm, having been told which
 * labs it adds, removes and changes; the same or an older version changes
 * nothing and says so. A broken lab refuses the pack with its
 * file:line:column problems. The rules are in $lib/packs.
 */
import { count } from '$lib/components/labels';
import type { PackRef } from '$lib/db/attempts-db';
import { PackError, type ImportPlan } from '$lib/packs/pack';
import {
	applyImport,
	installedPacks,
	prepareImport,
	removePack,
	type PreparedImport
} from '$lib/packs/store';
import type { Problem } from '$lib/scenarios/types';

export interface PackMessage {
	kind: 'ok' | 'error' | 'info';
	text: string;
}

const titles = (labs: { title: string }[]) => labs.map((l) => `“${l.title}”`).join(', ');

/** What an update will do, one line per kind of change. */
export function changeLines(plan: ImportPlan): string[] {
	return [
		plan.added.length ? `Adds ${count(plan.added.length, 'lab')}: ${titles(plan.added)}.` : '',
		plan.changed.length
			? `Changes ${count(plan.changed.length, 'lab')}: ${titles(plan.changed)}. Attempts already played keep the version they were played on.`
			: '',
		plan.removed.length
			? `Removes ${count(plan.removed.length, 'lab')}: ${plan.removed.map((l) => l.id).join(', ')}. Their attempts stay in your history, but cannot be reopened until the lab is imported again.`
			: '',
		plan.unchanged.length
			? `Leaves ${count(plan.unchanged.length, 'lab')} as ${plan.unchanged.length === 1 ? 'it is' : 'they are'}.`
			: ''
	].filter(Boolean);
}

export class PackImportState {
	packs = $state.raw<(PackRef & { labs: string[] })[]>([]);
	message = $state<PackMessage | null>(null);
	problems = $state.raw<Problem[]>([]);
	/** A newer version waiting for the learner's yes. */
	pending = $state.raw<PreparedImport | null>(null);
	busy = $state(false);

	constructor(private readonly changed: () => Promise<void> = async () => {}) {}

	async load(): Promise<void> {
		try {
			this.packs = await installedPacks();
		} catch {
			this.packs = [];
		}
	}

	async choose(file: File): Promise<void> {
		this.message = null;
		this.problems = [];
		this.pending = null;
		this.busy = true;
		try {
			const prepared = await prepareImport(file.name, await file.text());
			const { plan } = prepared;
			const label = `“${plan.name}” ${plan.incoming}`;
			if (plan.kind === 'new') await this.apply(prepared);
			else if (plan.kind === 'update') this.pending = prepared;
			else if (plan.kind === 'same')
				this.message = {
					kind: 'info',
					text: `The pack ${label} is already here, so nothing was changed.`
				};
			else
				this.message = {
					kind: 'info',
					text: `The pack ${label} is older than the version ${plan.installed} here, so nothing was changed.`
				};
		} catch (error) {
			this.refused(file.name, error);
		} finally {
			this.busy = false;
		}
	}

	/** Import the pack waiting for confirmation (or a new one). */
	async apply(prepared: PreparedImport | null = this.pending): Promise<void> {
		if (!prepared) return;
		this.busy = true;
		try {
			await applyImport(prepared);
			const { plan } = prepared;
			this.message = {
				kind: 'ok',
				text:
					plan.kind === 'update'
						? `Updated “${plan.name}” from ${plan.installed} to ${plan.incoming}.`
						: `Imported the pack “${plan.name}” ${plan.incoming}: ${count(plan.added.length, 'lab')}, now in the catalogue.`
			};
			this.pending = null;
			await this.load();
			await this.changed();
		} catch (error) {
			this.refused(prepared.fileName, error);
		} finally {
			this.busy = false;
		}
	}

	cancel(): void {
		const plan = this.pending?.plan;
		this.pending = null;
		if (plan) this.message = { kind: 'info', text: `“${plan.name}” stays at ${plan.installed}.` };
	}

	async remove(name: string): Promise<void> {
		try {
			await removePack(name);
			this.message = {
				kind: 'ok',
				text: `The pack “${name}” was removed from the catalogue; attempts made with it stay.`
			};
			await this.load();
			await this.changed();
		} catch {
			this.message = {
				kind: 'error',
				text: 'The pack could not be removed: the browser storage refused it.'
			};
		}
	}

	private refused(fileName: string, error: unknown): void {
		if (error instanceof PackError) {
			this.message = { kind: 'error', text: error.message };
			this.problems = error.problems;
		} else
			this.message = {
				kind: 'error',
				text: `${fileName} could not be imported: the browser storage refused it, so nothing was changed.`
			};
	}
}
