import type { z } from 'zod';
import type { Explanation } from '../explanation.ts';
import type { Result } from '../result.ts';

/**
 * One clinical calculation as every adapter sees it: a schema for its input, a pure computation,
 * and the output in the exact JSON shape of the `firstdose score <name>` contract, with its
 * explanation beside it (not inside it, so the contract shape stays exact).
 */
export interface ScoreDefinition<S extends z.ZodType = z.ZodType, O = unknown> {
  /** The CLI name: `firstdose score <name>`. */
  readonly name: string;
  readonly input: S;
  /** Semantic problems that the schema cannot see (a value that needs an LLN, say) are issues too. */
  compute(input: z.infer<S>): Result<Scored<O>>;
}

export interface Scored<O> {
  readonly output: O;
  readonly explanation: Explanation;
}

/** Declares a score with its types inferred from the schema. */
export function defineScore<S extends z.ZodType, O>(definition: ScoreDefinition<S, O>): ScoreDefinition<S, O> {
  return definition;
}
