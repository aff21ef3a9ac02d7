/**
 * Why a command was refused. Every refusal carries a message a trainee can act
 * on; the code lets callers (the UI, the grader) react without parsing words.
 */
import type { RolePermission, AgentPermission } from './types';

export type ErrorCode =
	/** The ticket exists but the actor may not see it (osTicket's "Access denied"). */
	| 'hidden'
	/** The actor sees the ticket but their role does not allow the action. */
	| 'forbidden'
	/** The actor is not allowed to act in this role (e.g. admin panel without admin). */
	| 'not_admin'
	/** Something named does not exist. */
	| 'not_found'
	/** The input is malformed or incomplete. */
	| 'invalid'
	/** The action does not fit the ticket's current state (closing a closed ticket). */
	| 'conflict';

export interface DomainError {
	code: ErrorCode;
	message: string;
	/** The permission that was missing, for `forbidden`. */
	permission?: RolePermission | AgentPermission;
	/** The field at fault, for `invalid`. */
	field?: string;
}

/** Thrown inside command handlers; caught by the engine and turned into a refusal. */
export class CommandRefused extends Error {
	readonly error: DomainError;
	constructor(error: DomainError) {
		super(error.message);
		this.name = 'CommandRefused';
		this.error = error;
	}
}

export function refuse(code: ErrorCode, message: string, extra: Partial<DomainError> = {}): never {
	throw new CommandRefused({ ...extra, code, message });
}
