/** Shares the DeskState of the open lab with every panel component (typed context, no module singleton). */
import { getContext, setContext } from 'svelte';
import type { DeskState } from './desk.svelte';
import type { LabState } from './lab.svelte';

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

const LAB_KEY = Symbol('deskdrill.lab');

/** The open lab attempt (scenario, session, grade), for the lab runner's components. */
export function setLab(lab: LabState): LabState {
	return setContext(LAB_KEY, lab);
}

export function getLab(): LabState {
	const lab = getContext<LabState | undefined>(LAB_KEY);
	if (!lab) throw new Error('getLab() called outside a lab page.');
	return lab;
}
