/**
 * What the browser lets Deskdrill keep: whether IndexedDB works at all (some
 * private windows refuse it), whether storage is persistent, and how much the
 * labs use. Shown in Settings; a refusal is said plainly, never hidden.
 */
export interface StorageStatus {
	available: boolean;
	problem: string | null;
	persisted: boolean | null;
	usage: number | null;
	quota: number | null;
}

/** Try a real IndexedDB write and delete: feature detection alone is not enough. */
export async function probeIndexedDb(): Promise<string | null> {
	if (typeof indexedDB === 'undefined')
		return 'This browser gives Deskdrill no storage (IndexedDB), so the labs are listed but none can be started or saved here.';
	try {
		await new Promise<void>((done, fail) => {
			const request = indexedDB.open('deskdrill-probe');
			request.onerror = () => fail(request.error ?? new Error('open failed'));
			request.onblocked = () => done();
			request.onsuccess = () => {
				request.result.close();
				indexedDB.deleteDatabase('deskdrill-probe');
				done();
			};
		});
		return null;
	} catch (error) {
		void error;
		return 'This browser refuses Deskdrill its storage (as a private window does), so the labs are listed but none can be started or saved here: open Deskdrill in a normal window.';
	}
}

export async function storageStatus(): Promise<StorageStatus> {
	const problem = await probeIndexedDb();
	const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
	const estimate = storage?.estimate ? await storage.estimate().catch(() => null) : null;
	const persisted = storage?.persisted ? await storage.persisted().catch(() => null) : null;
	return {
		available: problem === null,
		problem,
		persisted,
		usage: estimate?.usage ?? null,
		quota: estimate?.quota ?? null
	};
}

/** Ask the browser not to evict the labs under storage pressure; returns whether it agreed. */
export async function requestPersistence(): Promise<boolean> {
	const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
	if (!storage?.persist) return false;
	if (await storage.persisted?.()) return true;
	return storage.persist().catch(() => false);
}

export function formatBytes(bytes: number | null): string {
	if (bytes === null) return 'unknown';
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
	if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
	return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
