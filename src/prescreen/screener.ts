// Screening many patients in a row, for the pre-screening rows (rank.ts), which hold each
// criterion's status and what its unknowns miss, never reasons or evidence. So criteria are
// evaluated by a context that does not explain (eligibility/context.ts): the same statuses and
// missing items as evaluateProtocol, without building the evidence (brief.test.ts holds them
// equal; prescreen.test.ts compares the rows with evaluateProtocol's). With all details every
// criterion of every patient is evaluated. For the default candidate list only eligible and
// undetermined patients need every criterion: a patient is not eligible as soon as one criterion
// is not met (evaluate.ts: `no` if any is not met), so the criteria are tried cheapest-per-exclusion
// first (the order that minimises the expected cost of a sequence of tests: by exclusion rate ÷
// mean time, both measured as the run goes; the time on one patient in `timedEvery`, since reading
// the clock twice per criterion cost as much as a cheap criterion) and stop at the first not met.
// The order changes only how soon an excluded patient is known to be excluded, never a result.
import { type EvalContext, makeContext } from '../domain/eligibility/context.ts';
import { type CriterionResult, Eligibility } from '../domain/eligibility/criterion-result.ts';
import { eligibilityOf, evaluateCriterion } from '../domain/eligibility/evaluate.ts';
import type { Protocol } from '../domain/protocol/schema.ts';
import { Tri } from '../domain/eligibility/tri.ts';
import type { LazyRecord } from './lazy-record.ts';
import { ruleKinds } from './needs.ts';

/** Not eligible, known from the first criterion found not met (the others were not evaluated). */
export interface Excluded {
  readonly eligible: typeof Eligibility.no;
  readonly by: string;
}

/** One criterion as a row needs it: status and, when unknown, what is missing. */
export type CriterionStatus = Pick<CriterionResult, 'id' | 'kind' | 'status' | 'missing'>;

/** Every criterion of a patient, decided: what toRow reads. */
export interface Screened {
  readonly eligible: Eligibility;
  readonly criteria: readonly CriterionStatus[];
}

const reorderEvery = 512;
const timedEvery = 8;

export class Screener {
  private readonly exclusions: number[];
  private readonly runs: number[];
  private readonly time: number[];
  private order: number[];
  private screened = 0;
  /** The kinds of fact each criterion reads, decoded just before it is evaluated. */
  private readonly kinds: number[];

  constructor(
    private readonly protocol: Protocol,
    private readonly asOf: string,
  ) {
    this.exclusions = protocol.criteria.map(() => 0);
    this.runs = protocol.criteria.map(() => 0);
    this.time = protocol.criteria.map(() => 0);
    this.order = protocol.criteria.map((_, i) => i);
    this.kinds = protocol.criteria.map((c) => ruleKinds(c.rule));
  }

  /** Exclusions per millisecond spent: (exclusions / runs) / (time / runs). */
  private worth(i: number): number {
    return (this.exclusions[i]! + 1) / (this.time[i]! + 1e-3);
  }

  /** Every criterion (`all`, or when the patient is not excluded), else the first exclusion. */
  screen(patient: LazyRecord, all: boolean): Screened | Excluded {
    if (all) {
      const ctx = makeContext(this.protocol, patient.whole(), this.asOf, false);
      const criteria = this.protocol.criteria.map((c) => evaluateCriterion(ctx, c));
      return { eligible: eligibilityOf(criteria), criteria };
    }
    if (++this.screened % reorderEvery === 0) this.order = this.order.slice().sort((a, b) => this.worth(b) - this.worth(a) || a - b);
    const ctx: EvalContext = makeContext(this.protocol, patient.record, this.asOf, false);
    const results: CriterionStatus[] = new Array(this.protocol.criteria.length);
    const timed = this.screened % timedEvery === 0;
    let unknown = false;
    for (const i of this.order) {
      patient.need(this.kinds[i]!);
      const started = timed ? performance.now() : 0;
      const r = evaluateCriterion(ctx, this.protocol.criteria[i]!);
      if (timed) this.time[i]! += performance.now() - started;
      this.runs[i]!++;
      if (r.status === Tri.notMet) {
        this.exclusions[i]!++;
        return { eligible: Eligibility.no, by: r.id };
      }
      if (r.status === Tri.unknown) unknown = true;
      results[i] = r;
    }
    return { eligible: unknown ? Eligibility.undetermined : Eligibility.yes, criteria: results };
  }
}
