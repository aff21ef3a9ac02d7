/**
 * The ticket-system domain's public face. Pure TypeScript: no Svelte, no
 * Dexie, no wall clock. See README.md ("The engine") for a tour.
 */
export * from './types';
export * from './events';
export * from './commands';
export * from './errors';
export * from './world';
export * from './engine';
export * from './journal';
export * from './build';
export * from './queries';
export * from './queue-listing';
export * from './directory';
export * from './mail';
export * from './schedule';
export * from './command-fields';
export { worldProblems } from './world-check';
export { DEFAULT_ROLES, CREATE_ONLY_ROLE, DEFAULT_AGENT_PERMISSIONS } from './roles';
export { statusMachine, nextStatus, reachableStatuses } from './status-machine';
export {
	visibility,
	canSee,
	appliedRole,
	explainMissing,
	ticketAbilities,
	teamsOf,
	roleIdInDept,
	hasDeptAccess,
	isAssignedTo,
	deptLineage,
	statusChoices,
	statusPermissionProblem,
	assignmentProblem,
	assignableAgents,
	canOpenTickets
} from './access';
export * from './settings-commands';
