/**
 * A menu button (the WAI-ARIA "menu button" pattern): the state and keyboard
 * handling behind every drop-down menu (the ticket view's Change Status,
 * Assign ▾ and More ▾). Menu.svelte renders it; the keys follow the pattern:
 * ArrowDown/ArrowUp open the menu from its button and move through it, Home
 * and End jump, a letter moves to the next entry starting with it, Escape
 * closes it and gives focus back to the button, Tab closes it and moves on.
 */
import { tick } from 'svelte';

export interface MenuItem {
	/** Stable key (the entry's label may change with the ticket). */
	id: string;
	label: string;
	onselect: () => void;
	/** A destructive entry (Delete Ticket), set apart and coloured. */
	danger?: boolean;
}

/** The index a navigation key moves to from `index` among `count` entries, or null for other keys. */
export function moveTo(key: string, index: number, count: number): number | null {
	if (count === 0) return null;
	switch (key) {
		case 'ArrowDown':
			return index < 0 ? 0 : (index + 1) % count;
		case 'ArrowUp':
			return index < 0 ? count - 1 : (index - 1 + count) % count;
		case 'Home':
		case 'PageUp':
			return 0;
		case 'End':
		case 'PageDown':
			return count - 1;
		default:
			return null;
	}
}

/** Type-ahead: the next entry after `index` whose label starts with `char`, wrapping; null if none. */
export function matchFrom(char: string, index: number, labels: readonly string[]): number | null {
	const wanted = char.toLowerCase();
	if (wanted.length !== 1 || wanted.trim() === '') return null;
	for (let step = 1; step <= labels.length; step++) {
		const at = (index + step + labels.length) % labels.length;
		if (labels[at]?.trim().toLowerCase().startsWith(wanted)) return at;
	}
	return null;
}

export class MenuState {
	open = $state(false);
	/** Which edge of the button the list lines up with; flipped when it would leave the viewport. */
	align = $state<'end' | 'start'>('end');
	trigger: HTMLButtonElement | undefined = $state();
	list: HTMLElement | undefined = $state();
	readonly #items: () => MenuItem[];

	constructor(items: () => MenuItem[]) {
		this.#items = items;
	}

	#entries(): HTMLElement[] {
		return [...(this.list?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
	}

	#focusAt(index: number) {
		this.#entries()[index]?.focus();
	}

	#current(): number {
		return this.#entries().findIndex((e) => e === document.activeElement);
	}

	/** Keep the list inside the viewport: line it up with the button's right edge, else its left. */
	#place() {
		if (!this.list) return;
		this.align = 'end';
		const rect = this.list.getBoundingClientRect();
		if (rect.left < 0) this.align = 'start';
	}

	async show(focus: 'first' | 'last' = 'first') {
		this.open = true;
		await tick();
		this.#place();
		this.#focusAt(focus === 'first' ? 0 : this.#items().length - 1);
	}

	hide(returnFocus: boolean) {
		if (!this.open) return;
		this.open = false;
		if (returnFocus) this.trigger?.focus();
	}

	/** A click (or Enter/Space) on the button. */
	toggle = () => {
		if (this.open) this.hide(true);
		else void this.show('first');
	};

	onTriggerKeydown = (event: KeyboardEvent) => {
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			event.preventDefault();
			void this.show(event.key === 'ArrowDown' ? 'first' : 'last');
		}
	};

	onListKeydown = (event: KeyboardEvent) => {
		const count = this.#items().length;
		const moved = moveTo(event.key, this.#current(), count);
		if (moved !== null) {
			event.preventDefault();
			this.#focusAt(moved);
			return;
		}
		if (event.key === 'Escape') {
			event.preventDefault();
			this.hide(true);
			return;
		}
		if (event.key === 'Tab') {
			// Let focus move on from the button, as leaving a menu does.
			this.trigger?.focus();
			this.open = false;
			return;
		}
		if (event.ctrlKey || event.metaKey || event.altKey) return;
		const match = matchFrom(
			event.key,
			this.#current(),
			this.#items().map((i) => i.label)
		);
		if (match !== null) {
			event.preventDefault();
			this.#focusAt(match);
		}
	};

	/** Choosing an entry closes the menu, gives focus back to its button, then acts (which may move focus on). */
	select(item: MenuItem) {
		this.hide(true);
		item.onselect();
	}

	/** A press anywhere else closes the menu (focus stays where the press put it). */
	onDocumentPointerDown = (event: PointerEvent) => {
		if (!this.open) return;
		const target = event.target as Node | null;
		if (target && (this.list?.contains(target) || this.trigger?.contains(target))) return;
		this.open = false;
	};

	/** Focus leaving both the button and the list closes the menu. */
	onFocusOut = (event: FocusEvent) => {
		const next = event.relatedTarget as Node | null;
		if (!next) return;
		if (this.list?.contains(next) || this.trigger?.contains(next)) return;
		this.open = false;
	};
}
