// The one interface every escalation design implements (style.md §1): pure functions of the data
// so far. BOIN and 3+3 live beside this file; CRM (another module) implements the same interface.
import type { Issue } from '../result.ts';
import type { Conduct } from './conduct.ts';
import type { Decision, MtdSelection } from './decision.ts';
import type { TrialData } from './trial-data.ts';

export interface Design {
  /** Short identifier, e.g. `boin`, `3+3/b`, `crm`. */
  readonly label: string;
  /** Number of dose levels K. */
  readonly doses: number;
  /** 1-based level the trial starts at. */
  readonly startDose: number;
  readonly cohortSize: number;
  /** Maximum sample size, `Infinity` when the design stops on its own rules only (3+3). */
  readonly maxPatients: number;
  /** Target DLT rate, `null` when the design has none (3+3). */
  readonly target: number | null;
  readonly conduct: Conduct;
  /**
   * Where the next cohort goes, given complete data (no pending patients) and the dose the last
   * cohort received. Before anyone is treated the answer is `stay` at the start dose.
   */
  next(data: TrialData): Decision;
  /** The MTD from the data at the end of the trial (what the trial reports when it stops). */
  selectMtd(data: TrialData): MtdSelection;
  /**
   * Optional fast path for exact and simulated operating characteristics. It must agree with
   * `next`/`selectMtd` on every reachable state (checked by `checkDesignContract`); a design
   * without one gets `kernelOf(design)`'s generic, slower adapter.
   */
  readonly kernel?: OcKernel;
  /** Design-specific checks of the data beyond the common ones (3+3: at most 6 patients per dose). */
  check?(data: TrialData): Issue[];
}

/** Return codes of `OcKernel.step` below 0: the trial is over. */
export const KernelStop = {
  /** Stopped with no dose selected (all doses too toxic). */
  NoMtd: -1,
  /** Over; call `select` for the MTD. */
  Select: -2,
} as const;
export type KernelStop = (typeof KernelStop)[keyof typeof KernelStop];

/**
 * A design compiled for operating characteristics: 0-based doses, counts in reusable typed arrays,
 * no allocation per call. The state of a trial between cohorts is (n, y, current dose) and nothing
 * else, which is what lets the exact DP merge identical states.
 */
export interface OcKernel {
  readonly doses: number;
  /** 0-based start dose. */
  readonly startDose: number;
  readonly cohortSize: number;
  /** Maximum sample size; the last cohort is truncated to fit (get.oc §4.1), `Infinity` if none. */
  readonly maxPatients: number;
  readonly target: number | null;
  /**
   * After a cohort at `dose` (already added into n, y; `total` = Σn, `cohortDlts` = DLTs in that
   * cohort): the 0-based dose for the next cohort, or a `KernelStop` code.
   */
  step(n: Int32Array, y: Int32Array, dose: number, total: number, cohortDlts: number): number;
  /** After `step` returned `KernelStop.Select` at `dose`: the 0-based MTD, or −1 for none. */
  select(n: Int32Array, y: Int32Array, dose: number): number;
}
