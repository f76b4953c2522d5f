// Test helpers shared by the grade tests: run a score definition as the CLI does (parse, then
// compute) and return its grade, its explanation codes, or the input issues.
import assert from 'node:assert/strict';
import type { z } from 'zod';
import type { Issue } from '../result.ts';
import type { ScoreDefinition } from '../scores/score-definition.ts';
import { parseInput } from '../validation.ts';

export function gradeRunner<S extends z.ZodType>(score: ScoreDefinition<S, { grade: number }>) {
  const run = (input: unknown): { grade?: number; codes?: string[]; issues?: readonly Issue[] } => {
    const parsed = parseInput(score.input, input);
    if (!parsed.ok) return { issues: parsed.issues };
    const r = score.compute(parsed.value);
    assert.ok(r.ok);
    assert.deepEqual(Object.keys(r.value.output), ['grade']);
    return { grade: r.value.output.grade, codes: r.value.explanation.map((s) => s.code) };
  };
  const grade = (input: unknown): number => {
    const r = run(input);
    assert.ok(r.grade !== undefined, JSON.stringify(r.issues));
    return r.grade;
  };
  return { run, grade };
}
