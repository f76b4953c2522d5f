// Entry points taking unvalidated input (what the CLI and web adapters call): each parses with its
// schema and returns a Result, so bad options come back as located issues, never as throws.
import { ok, type Result } from '../../result.ts';
import { parseInput } from '../../validation.ts';
import type { DecisionTableRow } from '../decision.ts';
import { boinThresholds, boundaryRows, extrasafeRows } from './boundaries.ts';
import { BoinBoundariesRequest, BoinConfig, type BoinConfigInput, BoinSelectRequest } from './config.ts';
import { type BoinDesign, boin } from './design.ts';
import { type BoinSelection, BoinSelector, boinSelectMtd } from './select-mtd.ts';

export interface BoinBoundaries {
  readonly lambdaE: number;
  readonly lambdaD: number;
  /** One row per n = 1 … N (get.boundary's full_boundary_tab). */
  readonly table: readonly DecisionTableRow[];
  /** The rows at n = c, 2c, … (get.boundary's boundary_tab). */
  readonly cohortTable: readonly DecisionTableRow[];
  /** With extrasafe: stop the trial if the lowest dose has y ≥ `stop` of n (null: never). */
  readonly stopBoundary?: readonly { n: number; stop: number | null }[];
}

/** get.boundary (spec §2–§3): `firstdose design boundaries --design boin`. */
export function boinBoundaries(input: BoinBoundariesRequest): Result<BoinBoundaries> {
  const parsed = parseInput(BoinBoundariesRequest, input);
  if (!parsed.ok) return parsed;
  const p = parsed.value;
  const t = boinThresholds(p);
  const maxN = p.cohorts * p.cohortSize;
  const table = boundaryRows(t, maxN);
  const cohortTable = table.filter((r) => r.n % p.cohortSize === 0);
  const out: BoinBoundaries = { lambdaE: t.lambdaE, lambdaD: t.lambdaD, table, cohortTable };
  return ok(p.extrasafe ? { ...out, stopBoundary: extrasafeRows(t, maxN) } : out);
}

/** select.mtd (spec §5): `firstdose design select-mtd --design boin`. `mtd` is 1-based or null. */
export function selectBoinMtd(input: BoinSelectRequest): Result<BoinSelection> {
  const parsed = parseInput(BoinSelectRequest, input);
  if (!parsed.ok) return parsed;
  const p = parsed.value;
  const t = boinThresholds(p);
  const selector = new BoinSelector(t, p.n.length, p.extrasafe, p.boundMtd);
  return ok(boinSelectMtd(selector, t, p.n, p.y));
}

/** A BOIN design from unvalidated options. */
export function boinDesign(input: BoinConfigInput): Result<BoinDesign> {
  const parsed = parseInput(BoinConfig, input);
  return parsed.ok ? ok(boin(parsed.value)) : parsed;
}
