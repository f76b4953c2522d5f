import type { Issue } from '../domain/result.ts';

/**
 * A user error: the command stops with exit code 2 and one line on stderr naming the field or
 * argument. Carries issues (phrased in the user's language by the runner) or a ready message.
 */
export class CliError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[], message = 'invalid input') {
    super(message);
    this.issues = issues;
  }
}

export const usageExitCode = 2;
