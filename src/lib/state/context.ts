/** Shares the DeskState of the open lab with every panel component (typed context, no module singleton). */
import { getContext, setContext } from 'svelte';
import type { DeskState } from './desk.svelte';

const KEY = Symbol('deskdrill.desk');

export function setDesk(desk: DeskState): DeskState {
	return setContext(KEY, desk);
}

export function getDesk(): DeskState {
	const desk = getContext<DeskState | undefined>(KEY);
	if (!desk)
		throw new Error(
			'getDesk() called outside a lab: wrap the panel in a component that calls setDesk().'
		);
	return desk;
}
