/**
 * What every action form gets from ActionPanel: the ticket and what the
 * persona may do with it, a way to run a command (the form closes when it is
 * done), and a way to close the form.
 */
import type { Agent, Command, Ticket } from '$lib/domain';
import type { Abilities } from '../abilities';
import type { AgentView } from '../agent-view.svelte';

export interface ActionFormProps {
	view: AgentView;
	agent: Agent;
	ticket: Ticket;
	abilities: Abilities;
	/** Runs the command as the persona; on success the form closes. Resolves to whether it was done. */
	run: (command: Command, success: string) => Promise<boolean>;
	close: () => void;
}
