// Mutations of a valid JSON value at any depth: one node replaced by a hostile value, deleted,
// given an unexpected key, or wrapped in an array. Shared by the fuzz tests of the HTTP API and
// the CLI.
import fc from 'fast-check';
import { hostileValue } from './hostile.ts';

export type Mutation = 'replace' | 'delete' | 'extra' | 'wrap';

/** Every path into a JSON value, the root first. */
export function pathsOf(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) pathsOf(v, [...at, i], out);
  } else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  return out;
}

/** The value with one node changed: replaced by `hostile`, deleted, given an extra key, or wrapped in an array. */
export function mutateAt(value: unknown, path: readonly (string | number)[], op: Mutation, hostile: unknown, extraKey = 'unexpected'): unknown {
  if (path.length === 0) {
    if (op === 'replace' || op === 'delete') return hostile;
    if (op === 'wrap') return [value];
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value, [extraKey]: hostile } : hostile;
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && op === 'delete') copy.splice(head as number, 1);
    else copy[head as number] = mutateAt(copy[head as number], rest, op, hostile, extraKey);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && op === 'delete') delete copy[head as string];
  else copy[head as string] = mutateAt(copy[head as string], rest, op, hostile, extraKey);
  return copy;
}

/** A valid value with one node mutated somewhere, at any depth. */
export function mutatedArbitrary(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.nat(), fc.constantFrom<Mutation>('replace', 'replace', 'delete', 'extra', 'wrap'), hostileValue, fc.constantFrom('unexpected', '__proto__', 'constructor', '', '😀'))
    .map(([v, n, op, hostile, key]) => {
      const paths = pathsOf(v);
      return mutateAt(v, paths[n % paths.length]!, op, hostile, key);
    });
}
