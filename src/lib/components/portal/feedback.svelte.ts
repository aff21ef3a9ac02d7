/**
 * What the last command of a form did, in words: a success sentence, or the
 * domain's refusal with the field at fault named by its on-screen label.
 * Shared by the portal and the admin panel so every form reports alike.
 * No rule lives here: the domain decides, this only words the outcome.
 */
import type { Command, DomainError } from '$lib/domain';
import type { DeskState, RunOutcome } from '$lib/state/desk.svelte';

export class Feedback {
	success = $state<string | null>(null);
	error = $state<DomainError | null>(null);
	readonly #labels: Record<string, string>;
	readonly #noticeId: string | undefined;

	/**
	 * `labels` maps the domain's field keys (`subject`, `topicId`…) to the labels
	 * on screen; `noticeId` is the CommandNotice that describes a refused field.
	 */
	constructor(labels: Record<string, string> = {}, noticeId?: string) {
		this.#labels = labels;
		this.#noticeId = noticeId;
	}

	/**
	 * The attributes that tie a form control to this feedback: its id (for its
	 * label), the domain field it edits (to focus it on a refusal), and, while the
	 * refusal is about that field, aria-invalid and a pointer to the notice.
	 * `also`: other fields the same control edits; `hint`: a help text it is always described by.
	 */
	control(id: string, field: string, options: { also?: string[]; hint?: string } = {}) {
		const invalid = [field, ...(options.also ?? [])].some((f) => this.invalid(f));
		const describedBy = [options.hint, invalid ? this.#noticeId : undefined]
			.filter(Boolean)
			.join(' ');
		return {
			id,
			'data-field': field,
			'aria-invalid': invalid,
			'aria-describedby': describedBy || undefined
		};
	}

	clear(): void {
		this.success = null;
		this.error = null;
	}

	/** Run a command and remember a refusal; the caller words the success. */
	async run(desk: DeskState, command: Command): Promise<RunOutcome> {
		this.success = null;
		const outcome = await desk.run(command);
		this.error = outcome.ok ? null : outcome.error;
		return outcome;
	}

	/**
	 * Create or update an entity through the desk: on success say so (in
	 * `say(id)`'s words) and return its id; on refusal move focus to the field
	 * at fault (`alias` maps a field to the control that edits it) and return null.
	 */
	async save(
		desk: DeskState,
		form: HTMLElement | undefined,
		command: Command,
		say: (id: string) => string,
		alias: Record<string, string> = {}
	): Promise<string | null> {
		const outcome = await this.run(desk, command);
		if (!outcome.ok) {
			const field = outcome.error.field;
			focusField(form, field ? (alias[field] ?? field) : field);
			return null;
		}
		if (!outcome.subjectId) return null;
		this.succeed(say(outcome.subjectId));
		return outcome.subjectId;
	}

	succeed(message: string): void {
		this.error = null;
		this.success = message;
	}

	/** The label of the field at fault, when the refusal names one this form shows. */
	get fieldLabel(): string | null {
		const field = this.error?.field;
		return field ? (this.#labels[field] ?? null) : null;
	}

	/** Whether this field is the one the refusal is about. */
	invalid(field: string): boolean {
		return this.error?.field === field;
	}
}

/** Move focus to the control the refusal is about (controls carry `data-field`). */
export function focusField(root: HTMLElement | undefined, field: string | undefined): void {
	if (!root || !field) return;
	const control = root.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`);
	control?.focus();
}
