/**
 * The lab frame's own state, around the attempt (LabState): the steps pane
 * (a full pane or a narrow rail, remembered in this browser; a drawer on a
 * phone), the step shown, the briefing (opened by itself on a fresh attempt,
 * and on demand), and the "Lab complete" moment (once per attempt, remembered,
 * and on demand). Shared with the frame's components through context.
 */
import { getContext, setContext } from 'svelte';
import { MediaQuery } from 'svelte/reactivity';
import type { LabState } from '$lib/state/lab.svelte';

const COLLAPSED_KEY = 'deskdrill.steps-collapsed';

/** Where choices are remembered; a stand-in when the browser refuses storage. */
export interface KeyValueStore {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
}

function browserStorage(): KeyValueStore | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

/** Narrow screens (a phone, a small window): the steps are a drawer over the desk. */
const NARROW = '(max-width: 60rem)';

export class LabFrame {
	readonly lab: LabState;
	readonly #store: KeyValueStore | null;
	readonly #narrow = new MediaQuery(NARROW, false);
	/** The steps pane folded to a rail of step numbers (wide screens; remembered). */
	collapsed = $state(false);
	/** The steps drawer is open (narrow screens; starts closed, so the desk comes first). */
	drawerOpen = $state(false);
	/** The step whose details are shown; the first not yet passed by default. */
	selected = $state<string | null>(null);
	briefingOpen = $state(false);
	completeOpen = $state(false);

	constructor(lab: LabState, store: KeyValueStore | null = browserStorage()) {
		this.lab = lab;
		this.#store = store;
		this.collapsed = this.#read(COLLAPSED_KEY) === '1';
		// A fresh attempt opens with its briefing; a reload of one begun does not.
		this.briefingOpen = lab.fresh;
	}

	get narrow(): boolean {
		return this.#narrow.current;
	}

	/** Whether the full steps pane (list and details) is showing. */
	get stepsOpen(): boolean {
		return this.narrow ? this.drawerOpen : !this.collapsed;
	}

	get stepId(): string | null {
		return this.selected ?? this.lab.currentStepId ?? this.lab.scenario.steps.at(-1)?.id ?? null;
	}

	toggleSteps(): void {
		if (this.narrow) this.drawerOpen = !this.drawerOpen;
		else this.#setCollapsed(!this.collapsed);
	}

	/** A step number in the rail (or the phone's strip): show that step, opening the pane. */
	openStep(id: string): void {
		this.selected = id;
		if (this.narrow) this.drawerOpen = true;
		else this.#setCollapsed(false);
	}

	closeDrawer(): void {
		this.drawerOpen = false;
	}

	#setCollapsed(value: boolean) {
		this.collapsed = value;
		this.#write(COLLAPSED_KEY, value ? '1' : '0');
	}

	openBriefing(): void {
		this.briefingOpen = true;
	}

	/**
	 * Closing the briefing (by its button or Escape) begins the attempt, once;
	 * it closes once the begin is stored, so another tab opened after it does
	 * not show the briefing again (a failure is said by the lab's error line).
	 */
	async closeBriefing(): Promise<void> {
		try {
			await this.lab.begin();
		} finally {
			this.briefingOpen = false;
		}
	}

	/** The key under which this attempt's "Lab complete" moment is remembered (a reset is a new one). */
	get #completeKey(): string {
		return `deskdrill.complete-seen.${this.lab.attempt.id}.${this.lab.startedAt ?? ''}`;
	}

	/** Practice only, and while the attempt runs: the moment to say the lab is complete. */
	get completeOffered(): boolean {
		return !this.lab.isAssessment && !this.lab.ended && this.lab.complete;
	}

	/**
	 * Called whenever the grade changes: the first time every step has passed
	 * in this attempt, the "Lab complete" dialog opens; it is remembered, so a
	 * reload does not show it again (the bar offers it).
	 */
	noticeComplete(): void {
		if (!this.completeOffered || this.briefingOpen) return;
		if (this.#read(this.#completeKey) === '1') return;
		this.#write(this.#completeKey, '1');
		this.completeOpen = true;
	}

	openComplete(): void {
		this.completeOpen = true;
	}

	closeComplete(): void {
		this.completeOpen = false;
	}

	#read(key: string): string | null {
		try {
			return this.#store?.getItem(key) ?? null;
		} catch {
			return null;
		}
	}

	#write(key: string, value: string) {
		try {
			this.#store?.setItem(key, value);
		} catch {
			// Storage refused (private mode, full): the choice lasts until the page closes.
		}
	}
}

const KEY = Symbol('deskdrill.lab-frame');

export function setLabFrame(frame: LabFrame): LabFrame {
	return setContext(KEY, frame);
}

export function getLabFrame(): LabFrame {
	const frame = getContext<LabFrame | undefined>(KEY);
	if (!frame) throw new Error('getLabFrame() called outside the lab frame.');
	return frame;
}
