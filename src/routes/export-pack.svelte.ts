/**
 * The catalogue's "Export labs as a pack" dialog: which labs (all ticked to
 * start with), the manifest (name, version, author, licence), and the
 * download of one .json file. Refusals (no lab, an incomplete manifest, a
 * lab whose text is not here) are one sentence in the dialog.
 */
import type { Scenario } from '$lib/scenarios/types';

/** "Service desk basics" → "service-desk-basics", for the file name. */
const fileSlug = (text: string) =>
	text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '') || 'labs';

export class ExportPackState {
	open = $state(false);
	/** Lab ids ticked for the pack. */
	chosen = $state<string[]>([]);
	name = $state('');
	version = $state('1.0.0');
	author = $state('');
	licence = $state('CC-BY-4.0');
	error = $state<string | null>(null);
	done = $state<string | null>(null);
	busy = $state(false);

	show(labs: readonly Scenario[]): void {
		this.chosen = labs.map((l) => l.id);
		this.error = null;
		this.done = null;
		this.open = true;
	}

	close(): void {
		this.open = false;
	}

	async download(labs: readonly Scenario[]): Promise<void> {
		this.error = null;
		this.busy = true;
		try {
			const picked = labs.filter((l) => this.chosen.includes(l.id));
			// The pack code loads only when a pack is made, not with the catalogue.
			const { exportPack } = await import('$lib/packs/store');
			const pack = await exportPack(
				{ name: this.name, version: this.version, author: this.author, licence: this.licence },
				picked
			);
			const file = `${fileSlug(pack.manifest.name)}-${pack.manifest.version}.deskdrill-pack.json`;
			const url = URL.createObjectURL(
				new Blob([JSON.stringify(pack, null, '\t')], { type: 'application/json' })
			);
			const a = document.createElement('a');
			a.href = url;
			a.download = file;
			a.click();
			setTimeout(() => URL.revokeObjectURL(url), 1000);
			this.done = `Downloaded ${file}. Import it in Settings, here or on another machine.`;
		} catch (error) {
			this.error =
				error instanceof Error && error.name === 'PackError'
					? error.message
					: 'The pack could not be made: a lab’s text could not be read here.';
		} finally {
			this.busy = false;
		}
	}
}
