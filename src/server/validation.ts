// Request validation through the project's own issue codes: every zod schema of a route is
// checked with parseInput (src/domain/validation.ts), so a bad request is answered with the same
// codes, paths and wording as the CLI's (`age: must be at most 120`), not zod's English.
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import type { Issue } from '../domain/result.ts';
import { parseInput } from '../domain/validation.ts';

/** A request that failed its schema; fastify passes it to the error handler with status 400. */
export class InputError extends Error {
  readonly issues: readonly Issue[];
  readonly statusCode = 400;
  constructor(issues: readonly Issue[]) {
    super(issues.map((i) => `${i.path.join('.')} ${i.code}`).join('; '));
    this.name = 'InputError';
    this.issues = issues;
  }
}

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const parsed = parseInput(schema, data);
    return parsed.ok ? { value: parsed.value } : { error: new InputError(parsed.issues) };
  };
