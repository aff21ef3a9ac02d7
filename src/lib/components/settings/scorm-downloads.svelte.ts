/**
 * The "SCORM packages" section of Settings: which lab (or the whole
 * catalogue) and which SCORM version, and making the zip in the browser from
 * the packaged app the server provides (src/lib/scorm/download.ts).
 */
import { asset } from '$app/paths';
import type { ScormVersion } from '$lib/scorm/api';
import { fetchScormApp, makePackage, packageableLabs, PackageError } from '$lib/scorm/download';
import { SCORM_APP_DIR } from '$lib/scorm/package';

export class ScormDownloads {
	labs = $state.raw<{ id: string; title: string; imported: boolean }[]>([]);
	/** '' is the whole catalogue. */
	lab = $state('');
	version = $state<ScormVersion>('1.2');
	busy = $state(false);
	message = $state<{ kind: 'ok' | 'error'; text: string } | null>(null);
	/** The packaged app, fetched once per visit of the page. */
	#app: Map<string, Uint8Array> | null = null;

	async load(): Promise<void> {
		try {
			this.labs = await packageableLabs();
		} catch {
			this.message = {
				kind: 'error',
				text: 'The labs in this browser could not be read, so no package can be made now.'
			};
		}
	}

	async download(): Promise<void> {
		this.busy = true;
		this.message = null;
		try {
			const folder = `${location.origin}${asset(`/${SCORM_APP_DIR}`)}/`;
			this.#app ??= await fetchScormApp(folder);
			const { name, bytes } = await makePackage(this.#app, this.lab || null, this.version);
			save(name, bytes);
			this.message = {
				kind: 'ok',
				text: `Downloaded ${name} (${Math.max(1, Math.round(bytes.length / 1024))} KB). Upload it to your LMS as a SCORM package.`
			};
		} catch (error) {
			this.message = {
				kind: 'error',
				text:
					error instanceof PackageError
						? error.message
						: 'The package could not be made in this browser, so nothing was downloaded.'
			};
		} finally {
			this.busy = false;
		}
	}
}

function save(name: string, bytes: Uint8Array): void {
	const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/zip' }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
