// A design's answer to "where do the next patients go?", in the shape of the
// `firstdose design next --json` contract ({decision, nextDose, reason}) plus what explains it:
// the steps (codes with the numbers used; wording is the adapters' job) and the decision table.
import type { Explanation } from '../explanation.ts';

export const DecisionKind = {
  Escalate: 'escalate',
  Stay: 'stay',
  DeEscalate: 'de-escalate',
  Stop: 'stop',
  Wait: 'wait',
} as const;
export type DecisionKind = (typeof DecisionKind)[keyof typeof DecisionKind];

/**
 * One row of a decision table, by number of patients treated at the dose: escalate if y ≤
 * `escalate`, de-escalate if y ≥ `deescalate`, eliminate (never treat again) if y ≥ `eliminate`;
 * `null` where the rule is not defined at that n (BOIN: elimination needs n ≥ 3).
 */
export interface DecisionTableRow {
  readonly n: number;
  readonly escalate: number | null;
  readonly deescalate: number | null;
  readonly eliminate: number | null;
}

export interface Decision {
  readonly decision: DecisionKind;
  /** 1-based dose level for the next patients; `null` for `stop` and `wait`. */
  readonly nextDose: number | null;
  /** Code of the rule that fired, e.g. `boin.escalate`, `3+3.dose-fails`, `pending-could-change`. */
  readonly reason: string;
  /** `stop` only: the selected MTD (1-based), `null` when no dose is selected. */
  readonly mtd?: number | null;
  /** `wait` only: ids of the pending patients whose results could change the decision. */
  readonly needed?: readonly string[];
  readonly explanation: Explanation;
  readonly table: readonly DecisionTableRow[];
}

/** A design's final choice of dose, made from the data at the end of the trial. */
export interface MtdSelection {
  /** 1-based dose level, `null` when no dose is selected. */
  readonly mtd: number | null;
  /** Per-dose estimates behind the choice (BOIN: isotonic DLT rates), `null` for untreated doses. */
  readonly estimates: readonly (number | null)[] | null;
  readonly reason: string;
  readonly explanation: Explanation;
}

/** True when two decisions send the trial the same way (what `wait` compares across pending outcomes). */
export function sameDirection(a: Decision, b: Decision): boolean {
  return a.decision === b.decision && a.nextDose === b.nextDose && (a.mtd ?? null) === (b.mtd ?? null);
}
