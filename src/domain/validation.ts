// Turns zod's issues into the project's Issue codes, so that every input error, from whichever
// schema, can be phrased in English or Chinese by the same catalogue.
import type { z } from 'zod';
import { type Issue, type IssueParams, issue, ok, type Result } from './result.ts';

type ZodIssue = z.core.$ZodIssue;

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function toIssue(input: unknown, z: ZodIssue): Issue[] {
  const path = z.path.filter((p): p is string | number => typeof p !== 'symbol');
  switch (z.code) {
    case 'invalid_type': {
      const actual = valueAt(input, z.path);
      if (actual === undefined) return [issue(path, 'required')];
      if (z.expected === 'int') return [issue(path, 'not_integer')];
      if (z.expected === 'number' && typeof actual === 'number') return [issue(path, 'not_finite')];
      return [issue(path, 'invalid_type', { expected: z.expected, received: describe(actual) })];
    }
    case 'too_small':
      if (z.origin === 'array' || z.origin === 'string')
        return [issue(path, 'too_few', { minimum: Number(z.minimum) })];
      return [issue(path, 'too_small', { minimum: Number(z.minimum), inclusive: z.inclusive !== false })];
    case 'too_big':
      if (z.origin === 'array' || z.origin === 'string')
        return [issue(path, 'too_many', { maximum: Number(z.maximum) })];
      return [issue(path, 'too_big', { maximum: Number(z.maximum), inclusive: z.inclusive !== false })];
    case 'invalid_value':
      if (valueAt(input, z.path) === undefined) return [issue(path, 'required')];
      return [
        issue(path, 'invalid_choice', {
          value: String(valueAt(input, z.path)),
          allowed: z.values.map((v) => String(v)),
        }),
      ];
    case 'unrecognized_keys':
      return z.keys.map((key) => issue([...path, key], 'unknown_field'));
    case 'invalid_union':
      return [issue(path, 'invalid_value', { value: JSON.stringify(valueAt(input, z.path)) ?? 'undefined' })];
    case 'custom': {
      const params = (z.params ?? {}) as { code?: string } & Record<string, unknown>;
      const { code, ...rest } = params;
      return [issue(path, code ?? 'invalid_value', rest as IssueParams)];
    }
    default:
      return [issue(path, 'invalid_value', { value: JSON.stringify(valueAt(input, z.path)) ?? 'undefined' })];
  }
}

/** Validates `input` against `schema`, collecting every issue with its path. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.infer<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return { ok: false, issues: parsed.error.issues.flatMap((z) => toIssue(input, z as ZodIssue)) };
}

/** Custom-issue parameters for zod's `ctx.addIssue` / `refine`, carrying the project's code. */
export function customIssue(code: string, params: Record<string, unknown> = {}) {
  return { code: 'custom' as const, params: { code, ...params } };
}
