// What an evaluated criterion reports: its status, why (a reason code with parameters, phrased by
// the adapters), the facts it used, and what is missing when it is unknown.
import type { Tri } from './tri.ts';

/** One fact used: a value with its unit and date and the record it came from. */
export interface Evidence {
  /** A feature (`anc`), an agent, a score, or an answer's linkId. */
  readonly item: string;
  readonly value: string | number | boolean | null;
  readonly unit?: string;
  readonly date?: string;
  readonly source?: string;
  /** The threshold it was compared with, in the same unit: `>= 1.5`, `<= 2.5 x ULN (40)`. */
  readonly compared?: string;
}

/** What would settle an unknown: the test or record to obtain, and why it is needed. */
export interface Missing {
  readonly item: string;
  /** `no_result_in_window`, `result_too_old`, `unknown_unit`, `no_reference_range`, `not_answered`, … */
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number | boolean | null>>;
}

export interface Reason {
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number | boolean | null | readonly (string | number)[]>>;
}

export interface NodeResult {
  readonly status: Tri;
  readonly reason: Reason;
  readonly evidence: readonly Evidence[];
  readonly missing: readonly Missing[];
}

export const CriterionKind = { inclusion: 'inclusion', exclusion: 'exclusion' } as const;
export type CriterionKind = (typeof CriterionKind)[keyof typeof CriterionKind];

export interface CriterionResult extends NodeResult {
  readonly id: string;
  readonly kind: CriterionKind;
}

export const Eligibility = { yes: 'yes', no: 'no', undetermined: 'undetermined' } as const;
export type Eligibility = (typeof Eligibility)[keyof typeof Eligibility];

export interface ScreeningResult {
  readonly protocol: string;
  readonly protocolVersion: string;
  readonly asOf: string;
  readonly eligible: Eligibility;
  readonly criteria: readonly CriterionResult[];
}
