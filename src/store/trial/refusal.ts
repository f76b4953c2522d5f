// A conduct rule said no. Thrown (so the transaction rolls back and nothing changes) with the
// rule's code and what would unblock it, for the CLI and the HTTP API to phrase in the user's
// language (messages conduct.*). The HTTP API answers it with 409.
import type { Issue } from '../../domain/result.ts';

export class ConductRefusal extends Error {
  /** Every rule that refused, the first being the one to show when there is room for one. */
  readonly issues: readonly Issue[];
  constructor(first: Issue, ...more: Issue[]) {
    super([first, ...more].map((i) => `${i.code} ${JSON.stringify(i.params)}`).join('; '));
    this.name = 'ConductRefusal';
    this.issues = [first, ...more];
  }
  get issue(): Issue {
    return this.issues[0]!;
  }
  get code(): string {
    return this.issue.code;
  }
}

/** The value of a Result, or the refusal of all its issues. */
export function orRefuse<T>(result: { ok: true; value: T } | { ok: false; issues: readonly Issue[] }): T {
  if (!result.ok) throw new ConductRefusal(result.issues[0]!, ...result.issues.slice(1));
  return result.value;
}

/**
 * The request itself is wrong (a required value missing, out of range, an unknown unit), as
 * opposed to a conduct rule refusing a well-formed step: the HTTP API answers 400, not 409.
 */
export class InvalidInput extends ConductRefusal {
  constructor(first: Issue, ...more: Issue[]) {
    super(first, ...more);
    this.name = 'InvalidInput';
  }
}

/** The value of a parse Result, or InvalidInput naming every field. */
export function orInvalid<T>(result: { ok: true; value: T } | { ok: false; issues: readonly Issue[] }): T {
  if (!result.ok) throw new InvalidInput(result.issues[0]!, ...result.issues.slice(1));
  return result.value;
}
