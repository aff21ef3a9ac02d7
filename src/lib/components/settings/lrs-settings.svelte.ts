/**
 * The "Learning Record Store" section of Settings: the form's fields, Save
 * (the configuration stays in this browser, never in a backup), and Test
 * connection (the LRS's about resource and one authenticated read), each
 * answered in one plain sentence.
 */
import {
	EMPTY_LRS_CONFIG,
	loadLrsConfig,
	saveLrsConfig,
	withSlash,
	type LrsConfig
} from '$lib/lrs/config';
import { testConnection } from '$lib/lrs/http';
import { sendWaiting } from '$lib/lrs/sender';
import { dueNow } from '$lib/lrs/outbox';

export interface LrsMessage {
	kind: 'ok' | 'error' | 'info';
	text: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class LrsSettingsState {
	form = $state<LrsConfig>({ ...EMPTY_LRS_CONFIG });
	message = $state<LrsMessage | null>(null);
	busy = $state(false);

	async load(): Promise<void> {
		try {
			const saved = await loadLrsConfig();
			if (saved) this.form = saved;
		} catch {
			this.message = {
				kind: 'error',
				text: 'The saved LRS settings could not be read from the browser storage.'
			};
		}
	}

	/** What is wrong with the form, or null; an empty endpoint means "no LRS" and is fine. */
	problem(): string | null {
		const f = this.form;
		const endpoint = f.endpoint.trim();
		if (!endpoint) return null;
		if (!/^https?:\/\/[^\s/]+/i.test(endpoint))
			return 'The endpoint must be a web address, e.g. https://lrs.example.org/xAPI/.';
		if (f.learnerEmail.trim() && !EMAIL.test(f.learnerEmail.trim()))
			return `“${f.learnerEmail}” is not an e-mail address.`;
		if (!f.learnerEmail.trim() && !f.learnerName.trim())
			return 'Enter the learner’s e-mail (or at least a name), so the LRS knows whose results these are.';
		return null;
	}

	#config(): LrsConfig {
		const f = $state.snapshot(this.form);
		return {
			...f,
			endpoint: f.endpoint.trim(),
			key: f.key.trim(),
			learnerEmail: f.learnerEmail.trim()
		};
	}

	async save(): Promise<void> {
		const problem = this.problem();
		if (problem) return void (this.message = { kind: 'error', text: problem });
		this.busy = true;
		try {
			const config = this.#config();
			await saveLrsConfig(config);
			// A new address, key or secret deserves a fresh try of whatever was waiting.
			await dueNow(null);
			this.form = (await loadLrsConfig()) ?? { ...EMPTY_LRS_CONFIG };
			this.message = config.endpoint
				? {
						kind: 'ok',
						text: config.autoSend
							? 'Saved. Results will be sent to this LRS as you work.'
							: 'Saved. Results are sent only when you press “Send now” on a report.'
					}
				: { kind: 'ok', text: 'Saved: no LRS is set up, so no results leave this browser.' };
			// Statements waiting for a fixed key or secret can go now.
			if (config.endpoint) void sendWaiting(true);
		} catch {
			this.message = {
				kind: 'error',
				text: 'The settings could not be saved in the browser storage.'
			};
		} finally {
			this.busy = false;
		}
	}

	/** Test what is in the form (saved or not). */
	async test(): Promise<void> {
		const config = this.#config();
		if (!config.endpoint)
			return void (this.message = { kind: 'error', text: 'Enter the LRS’s endpoint first.' });
		this.busy = true;
		this.message = { kind: 'info', text: 'Testing the connection…' };
		const check = await testConnection({ ...config, endpoint: withSlash(config.endpoint) });
		this.message = { kind: check.ok ? 'ok' : 'error', text: check.message };
		this.busy = false;
	}
}
