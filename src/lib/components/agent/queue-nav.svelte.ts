/**
 * The Tickets tab's sub-navigation as osTicket 1.18 draws it
 * (include/staff/templates/queue-navigation.tmpl.php): the top queues in a
 * row, each with a drop-down of its sub-queues and their counts, opened by
 * pointing at it (as osTicket's hover) or by its ▾ button (keyboard, touch).
 * One drop-down at a time; Escape closes it and returns to its button.
 */
import { QUEUES, type QueueId } from '$lib/domain';

export interface TopQueue {
	id: QueueId;
	label: string;
	subs: { id: QueueId; label: string }[];
}

/** osTicket's queue tree (queue.yaml): the top queues, each with its sub-queues. */
export const QUEUE_TREE: TopQueue[] = QUEUES.filter((q) => q.parent === null).map((top) => ({
	id: top.id,
	label: top.label,
	subs: QUEUES.filter((q) => q.parent === top.id).map((q) => ({ id: q.id, label: q.label }))
}));

/** The top queue a queue belongs to (itself for a top queue). */
export function topOf(queue: QueueId): QueueId {
	const q = QUEUES.find((x) => x.id === queue);
	return (q?.parent ?? queue) as QueueId;
}

export class QueueNavState {
	/** The top queue whose drop-down is open. */
	open = $state<QueueId | null>(null);
	/** Opened by pointing (closes when the pointer leaves) rather than by its button. */
	#byPointer = false;

	/** The ▾ button: opens (or pins open one the pointer opened), or closes. */
	toggle(top: QueueId) {
		const pinning = this.open === top && this.#byPointer;
		this.#byPointer = false;
		if (!pinning) this.open = this.open === top ? null : top;
	}

	close() {
		this.open = null;
		this.#byPointer = false;
	}

	/** A mouse resting on a top queue opens its drop-down, as osTicket's :hover does. */
	pointerEnter(top: QueueId, event: PointerEvent) {
		if (event.pointerType !== 'mouse') return;
		if (this.open !== top) this.#byPointer = true;
		this.open = top;
	}

	pointerLeave(top: QueueId, event: PointerEvent) {
		if (event.pointerType !== 'mouse' || this.open !== top || !this.#byPointer) return;
		this.close();
	}

	/** Focus left the top queue's item (Tab past the drop-down): close it. */
	focusOut(top: QueueId, event: FocusEvent) {
		const item = event.currentTarget as HTMLElement | null;
		const next = event.relatedTarget as Node | null;
		if (this.open === top && item && !(next && item.contains(next))) this.close();
	}

	/** Escape closes the drop-down and gives focus back to its ▾ button. */
	keydown(top: QueueId, event: KeyboardEvent, toggleButton: HTMLElement | undefined) {
		if (event.key !== 'Escape' || this.open !== top) return;
		event.preventDefault();
		this.close();
		toggleButton?.focus();
	}
}
