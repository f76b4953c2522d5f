// Request validation through the project's own issue codes: every zod schema of a route is
// checked with parseInput (src/domain/validation.ts), so a bad request is answered with the same
// codes, paths and wording as the CLI's (`age: must be at most 120`), not zod's English.
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import type { Issue } from '../domain/result.ts';
import { unstorableIssue } from '../domain/storable.ts';
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

/** What the answer calls each part of a request when the part as a whole is wrong. */
const partNames: Readonly<Record<string, string>> = { body: 'body', querystring: 'query', params: 'path', headers: 'headers' };

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const part = partNames[httpPart ?? 'body'] ?? 'body';
  return (data) => {
    // Before the schema: a NUL or half a surrogate pair reached the database as a 500, and deep
    // JSON overflowed the stack of whatever walked it next.
    const unstorable = unstorableIssue(data);
    if (unstorable) return { error: new InputError([unstorable.path.length === 0 ? { ...unstorable, path: [part] } : unstorable]) };
    const parsed = parseInput(schema, data);
    if (parsed.ok) return { value: parsed.value };
    // A body that is not an object at all has no field to name: the issue names the body.
    return { error: new InputError(parsed.issues.map((i) => (i.path.length === 0 ? { ...i, path: [part] } : i))) };
  };
};
