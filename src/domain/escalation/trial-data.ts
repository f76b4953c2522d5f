// What a dose-escalation design sees. Doses are 1-based dose *levels* everywhere in the public API
// (as in the protocol and the CLI: `--current 2`, `"nextDose": 3`); arrays are indexed by level − 1.
//
// Two views of the same trial:
// - TrialRecord: the live input, one list of patients per dose, each `dlt`, `no-dlt` or `pending`
//   (a patient whose DLT window is not over). `decide()` turns it into a decision or a `wait`.
// - TrialData: complete counts (n treated, y DLTs per dose), what a design's `next()` works on.
import { z } from 'zod';
import { fail, type Issue, issue, ok, type Result } from '../result.ts';
import { customIssue } from '../validation.ts';

export const PatientOutcome = { Dlt: 'dlt', NoDlt: 'no-dlt', Pending: 'pending' } as const;
export type PatientOutcome = (typeof PatientOutcome)[keyof typeof PatientOutcome];

export const PatientRecord = z.strictObject({
  id: z.string().min(1),
  outcome: z.enum([PatientOutcome.Dlt, PatientOutcome.NoDlt, PatientOutcome.Pending]),
});
export type PatientRecord = z.infer<typeof PatientRecord>;

export const TrialRecord = z
  .strictObject({
    /** The dose level (1-based) the most recent cohort received; the start dose before anyone is treated. */
    current: z.int().min(1),
    doses: z.array(z.strictObject({ patients: z.array(PatientRecord) })).min(1),
    /** Ids of the most recent cohort, for designs whose rule looks at it (CRM's restriction). */
    lastCohort: z.array(z.string().min(1)).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.current > r.doses.length)
      ctx.addIssue({ ...customIssue('too_big', { maximum: r.doses.length, inclusive: true }), path: ['current'] });
    const seen = new Set<string>();
    for (const [j, d] of r.doses.entries())
      for (const [i, p] of d.patients.entries()) {
        if (seen.has(p.id)) ctx.addIssue({ ...customIssue('duplicate_id', { id: p.id }), path: ['doses', j, 'patients', i, 'id'] });
        seen.add(p.id);
      }
    for (const [i, id] of (r.lastCohort ?? []).entries())
      if (!seen.has(id)) ctx.addIssue({ ...customIssue('unknown_patient', { id }), path: ['lastCohort', i] });
  });
export type TrialRecord = z.infer<typeof TrialRecord>;

export interface DoseCounts {
  /** Patients treated (with a known outcome). */
  readonly n: number;
  /** Patients with a DLT. */
  readonly y: number;
}

export interface TrialData {
  /** 1-based dose level the most recent cohort received (the start dose before anyone is treated). */
  readonly current: number;
  readonly doses: readonly DoseCounts[];
  /** Counts of the most recent cohort (all at `current`), when known. */
  readonly lastCohort?: DoseCounts;
}

/** Total patients in the data. */
export const totalPatients = (data: TrialData): number => data.doses.reduce((s, d) => s + d.n, 0);

/**
 * Builds a record from per-dose counts, as the CLI takes them (`--n 3,3 --y 0,1 --pending 0,2`):
 * `n` counts every treated patient *including* the pending ones, `y` the observed DLTs, so
 * y + pending ≤ n. Patient ids are synthetic (`d2-p3`).
 */
export function recordFromCounts(input: {
  current: number;
  n: readonly number[];
  y: readonly number[];
  pending?: readonly number[];
}): Result<TrialRecord> {
  const issues: Issue[] = [];
  const K = input.n.length;
  if (input.y.length !== K) issues.push(issue(['y'], 'length_mismatch', { expected: K }));
  if (input.pending && input.pending.length !== K) issues.push(issue(['pending'], 'length_mismatch', { expected: K }));
  const count = (v: number | undefined) => v !== undefined && Number.isInteger(v) && v >= 0;
  input.n.forEach((n, j) => {
    const y = input.y[j];
    const pending = input.pending?.[j] ?? 0;
    if (!count(n)) issues.push(issue(['n', j], 'not_count'));
    if (!count(y)) issues.push(issue(['y', j], 'not_count'));
    if (!count(pending)) issues.push(issue(['pending', j], 'not_count'));
    if ((y ?? 0) + pending > n) issues.push(issue(['y', j], 'too_big', { maximum: n - pending, inclusive: true }));
  });
  if (issues.length > 0) return fail(...issues);
  const doses = input.n.map((n, j) => {
    const y = input.y[j] ?? 0;
    const pending = input.pending?.[j] ?? 0;
    const patients: PatientRecord[] = [];
    for (let i = 0; i < n; i++) {
      const outcome = i < y ? PatientOutcome.Dlt : i < n - pending ? PatientOutcome.NoDlt : PatientOutcome.Pending;
      patients.push({ id: `d${j + 1}-p${i + 1}`, outcome });
    }
    return { patients };
  });
  return ok({ current: input.current, doses });
}

/** Counts of a record whose pending patients are all resolved (throws if some are still pending: a bug). */
export function countsOf(record: TrialRecord): TrialData {
  const byId = new Map<string, PatientOutcome>();
  const doses = record.doses.map(({ patients }) => {
    let y = 0;
    for (const p of patients) {
      if (p.outcome === PatientOutcome.Pending) throw new Error(`patient ${p.id} is still pending`);
      if (p.outcome === PatientOutcome.Dlt) y++;
      byId.set(p.id, p.outcome);
    }
    return { n: patients.length, y };
  });
  if (!record.lastCohort) return { current: record.current, doses };
  const last = record.lastCohort.map((id) => byId.get(id));
  return {
    current: record.current,
    doses,
    lastCohort: { n: last.length, y: last.filter((o) => o === PatientOutcome.Dlt).length },
  };
}
