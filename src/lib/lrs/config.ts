/**
 * The learning record store this browser sends results to, as the learner set
 * it up in Settings. It lives in the workspace database's settings table,
 * which backups never copy, so the secret stays in this browser.
 */
import { workspaceDb } from '$lib/db/attempts-db';

export interface LrsConfig {
	/** The LRS's xAPI base URL, e.g. https://lrs.example.org/xAPI/ (always ends with a slash). */
	endpoint: string;
	/** HTTP Basic key (user name) and secret (password). */
	key: string;
	secret: string;
	/** The actor: the learner's e-mail (sent as mailto:) and name. */
	learnerEmail: string;
	learnerName: string;
	/** Send each attempt's statements as they happen, without asking. */
	autoSend: boolean;
}

const KEY = 'lrs';

export const EMPTY_LRS_CONFIG: LrsConfig = {
	endpoint: '',
	key: '',
	secret: '',
	learnerEmail: '',
	learnerName: '',
	autoSend: false
};

/** The saved configuration, or null when none was saved or its endpoint is empty. */
export async function loadLrsConfig(): Promise<LrsConfig | null> {
	const row = await workspaceDb().settings.get(KEY);
	const value = row?.value as Partial<LrsConfig> | undefined;
	if (!value?.endpoint) return null;
	return { ...EMPTY_LRS_CONFIG, ...value, endpoint: withSlash(value.endpoint) };
}

export async function saveLrsConfig(config: LrsConfig): Promise<void> {
	await workspaceDb().settings.put({
		key: KEY,
		value: { ...config, endpoint: withSlash(config.endpoint.trim()) }
	});
}

/** Resources are resolved against the base, so it must end with a slash. */
export function withSlash(endpoint: string): string {
	return endpoint === '' || endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
}
