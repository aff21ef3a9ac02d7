/** Attachment: focus an element when it appears (a form's heading, so keyboard users land in it). */
export function focusOnMount(element: HTMLElement): void {
	element.focus();
}
