// The live decision with pending patients (issue part 2). A pending patient's DLT window is not
// over. The engine never acts on a guess: it evaluates the design under every way the pending
// patients could turn out and answers only when all of them agree; otherwise it returns `wait` and
// names the patients whose results are needed. Timing rules (sentinel dosing, whole cohort before
// escalating) belong to the trial layer and are carried in `design.conduct`, not applied here.
import { type ExplanationStep, step } from '../explanation.ts';
import { fail, type Issue, issue, ok, type Result } from '../result.ts';
import { parseInput } from '../validation.ts';
import { type Decision, sameDirection } from './decision.ts';
import type { Design } from './design.ts';
import { PatientOutcome, TrialRecord, type TrialData } from './trial-data.ts';

export const PendingReason = {
  /** Some pending outcomes would change the decision: wait for them. */
  CouldChange: 'pending-could-change',
  /** Pending patients exist but no outcome of theirs changes the decision. */
  CannotChange: 'pending-cannot-change',
} as const;
export type PendingReason = (typeof PendingReason)[keyof typeof PendingReason];

/** At most this many resolutions are listed in a `wait` explanation (all are evaluated). */
const LISTED_OUTCOMES = 32;

interface Bucket {
  readonly dose: number;
  readonly inLastCohort: boolean;
  readonly ids: readonly string[];
}

/** Decides from a live record: `design.next` when nothing is pending, else agreement or `wait`. */
export function decide(design: Design, input: TrialRecord): Result<Decision> {
  const parsed = parseInput(TrialRecord, input);
  if (!parsed.ok) return parsed;
  const record = parsed.value;
  const issues: Issue[] = [];
  if (record.doses.length !== design.doses) issues.push(issue(['doses'], 'length_mismatch', { expected: design.doses }));
  if (record.current > design.doses) issues.push(issue(['current'], 'too_big', { maximum: design.doses, inclusive: true }));
  if (issues.length > 0) return fail(...issues);

  // Pending patients fall into buckets: by dose, and by membership of the last cohort (for designs
  // that look at it). Within a bucket only the number of DLTs matters.
  const last = new Set(record.lastCohort ?? []);
  const buckets: Bucket[] = [];
  const known = record.doses.map(({ patients }) => patients.filter((p) => p.outcome === PatientOutcome.Dlt).length);
  let lastKnownDlts = 0;
  record.doses.forEach(({ patients }, j) => {
    for (const inLast of [false, true]) {
      const ids = patients.filter((p) => p.outcome === PatientOutcome.Pending && last.has(p.id) === inLast).map((p) => p.id);
      if (ids.length > 0) buckets.push({ dose: j, inLastCohort: inLast, ids });
    }
    lastKnownDlts += patients.filter((p) => p.outcome === PatientOutcome.Dlt && last.has(p.id)).length;
  });

  const dataFor = (k: readonly number[]): TrialData => {
    const y = [...known];
    let lastY = lastKnownDlts;
    buckets.forEach((b, i) => {
      y[b.dose]! += k[i]!;
      if (b.inLastCohort) lastY += k[i]!;
    });
    const doses = record.doses.map(({ patients }, j) => ({ n: patients.length, y: y[j]! }));
    const base = { current: record.current, doses };
    return record.lastCohort ? { ...base, lastCohort: { n: record.lastCohort.length, y: lastY } } : base;
  };

  const checked = design.check?.(dataFor(buckets.map(() => 0))) ?? [];
  if (checked.length > 0) return fail(...checked);
  if (buckets.length === 0) return ok(design.next(dataFor([])));

  // Every resolution, as a mixed-radix counter over the buckets' DLT counts.
  const resolutions: { k: number[]; decision: Decision }[] = [];
  const k = buckets.map(() => 0);
  for (;;) {
    resolutions.push({ k: [...k], decision: design.next(dataFor(k)) });
    let i = 0;
    while (i < buckets.length && k[i] === buckets[i]!.ids.length) k[i++] = 0;
    if (i === buckets.length) break;
    k[i]!++;
  }

  const first = resolutions[0]!.decision;
  const pendingIds = buckets.flatMap((b) => b.ids);
  if (resolutions.every((r) => sameDirection(r.decision, first))) {
    const note = step(PendingReason.CannotChange, { pending: pendingIds.length, outcomes: resolutions.length });
    return ok({ ...first, explanation: [...first.explanation, note] });
  }

  // A bucket is needed when changing its count alone changes the decision somewhere.
  const index = new Map(resolutions.map((r) => [r.k.join(','), r.decision]));
  const needed = buckets.filter((b, i) =>
    resolutions.some((r) => {
      if (r.k[i]! >= b.ids.length) return false;
      const other = index.get(r.k.map((v, x) => (x === i ? v + 1 : v)).join(','));
      return other !== undefined && !sameDirection(r.decision, other);
    }),
  );
  const neededIds = needed.flatMap((b) => b.ids);
  const steps: ExplanationStep[] = [step(PendingReason.CouldChange, { pending: pendingIds.length, needed: neededIds })];
  for (const r of resolutions.slice(0, LISTED_OUTCOMES))
    steps.push(
      step('pending-outcome', {
        dlts: buckets.map((b, i) => `${b.dose + 1}:${r.k[i]}/${b.ids.length}`),
        decision: r.decision.decision,
        nextDose: r.decision.nextDose,
      }),
    );
  return ok({ decision: 'wait', nextDose: null, reason: PendingReason.CouldChange, needed: neededIds, explanation: steps, table: first.table });
}
