// Test helpers: run a score definition on raw JSON as the CLI does (parse, then compute). Plain
// throws rather than node:assert, so this non-test file keeps the domain's imports pure.
import type { z } from 'zod';
import type { Issue, Result } from '../../result.ts';
import { parseInput } from '../../validation.ts';
import type { ScoreDefinition, Scored } from '../score-definition.ts';

export function run<S extends z.ZodType, O>(definition: ScoreDefinition<S, O>, input: unknown): Result<Scored<O>> {
  const parsed = parseInput(definition.input, input);
  return parsed.ok ? definition.compute(parsed.value) : parsed;
}

export function outputOf<S extends z.ZodType, O>(definition: ScoreDefinition<S, O>, input: unknown): O {
  const r = run(definition, input);
  if (!r.ok) throw new Error(`unexpected issues: ${JSON.stringify(r.issues)}`);
  return r.value.output;
}

export function issuesOf<S extends z.ZodType, O>(definition: ScoreDefinition<S, O>, input: unknown): readonly Issue[] {
  const r = run(definition, input);
  if (r.ok) throw new Error(`expected issues, got ${JSON.stringify(r.value.output)}`);
  return r.issues;
}

/** The issues as `path: code`, which is what a test about "naming the field" cares about. */
export const issueSummary = (issues: readonly Issue[]): string[] => issues.map((i) => `${i.path.join('.')}: ${i.code}`);
