/**
 * A disclosure with a floating panel (the lab bar's clock and its Submit
 * confirmation): a button with aria-expanded shows a panel placed right after
 * it, so Tab walks into it. Escape closes it and gives focus back to the
 * button; a press elsewhere or focus leaving both closes it.
 */
export class Popover {
	open = $state(false);
	trigger: HTMLElement | undefined = $state();
	panel: HTMLElement | undefined = $state();

	toggle = () => {
		this.open = !this.open;
	};

	close(returnFocus: boolean) {
		if (!this.open) return;
		this.open = false;
		if (returnFocus) this.trigger?.focus();
	}

	onkeydown = (event: KeyboardEvent) => {
		if (event.key === 'Escape' && this.open) {
			event.preventDefault();
			event.stopPropagation();
			this.close(true);
		}
	};

	#inside(node: Node | null): boolean {
		return !!node && (!!this.panel?.contains(node) || !!this.trigger?.contains(node));
	}

	onDocumentPointerDown = (event: PointerEvent) => {
		if (this.open && !this.#inside(event.target as Node | null)) this.open = false;
	};

	onFocusOut = (event: FocusEvent) => {
		const next = event.relatedTarget as Node | null;
		if (next && !this.#inside(next)) this.open = false;
	};
}
