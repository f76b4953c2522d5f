// Outcome strings as in the escalation R package and style.md §5: cohorts separated by spaces, each
// a 1-based dose level followed by one letter per patient, N (no DLT) or T (DLT):
// `1NNN 2NTN 2NNN`. Used by decision tables in tests and handy for the CLI.
import { fail, issue, ok, type Result } from '../result.ts';
import type { TrialData } from './trial-data.ts';

const COHORT = /^(\d+)([NT]+)$/;

/** Parses an outcome string into complete data for a design with `doses` levels. */
export function parseOutcomes(outcomes: string, doses: number, startDose = 1): Result<TrialData> {
  const n = new Array<number>(doses).fill(0);
  const y = new Array<number>(doses).fill(0);
  let current = startDose;
  let last: { n: number; y: number } | undefined;
  const tokens = outcomes.trim() === '' ? [] : outcomes.trim().split(/\s+/);
  for (const [i, token] of tokens.entries()) {
    const m = COHORT.exec(token);
    if (!m) return fail(issue(['outcomes', i], 'invalid_outcome_token', { token }));
    const dose = Number(m[1]);
    if (dose < 1 || dose > doses) return fail(issue(['outcomes', i], 'too_big', { maximum: doses, inclusive: true }));
    const letters = m[2]!;
    const dlts = [...letters].filter((c) => c === 'T').length;
    n[dose - 1]! += letters.length;
    y[dose - 1]! += dlts;
    current = dose;
    last = { n: letters.length, y: dlts };
  }
  const data = { current, doses: n.map((nj, j) => ({ n: nj, y: y[j]! })) };
  return ok(last ? { ...data, lastCohort: last } : data);
}
