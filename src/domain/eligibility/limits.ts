// Reference limits and comparisons. A criterion written as a multiple of the ULN (or LLN) uses the
// result's own reference range first, because the ULN belongs to the lab and method that produced
// the value (domain.md §6.3: "compute value / ULN with both in the same lab's units"); the
// protocol's site range is the fallback; with neither the criterion is unknown (`no_reference_range`)
// rather than borrowing a textbook ULN.
import { convert, findUnit, sameUnit } from '../units/index.ts';
import { MissingCode } from './codes.ts';
import { type EvalContext, missing } from './context.ts';
import { datePart } from './dates.ts';
import { analyteOf, found, lacking, type Pick } from './observations.ts';
import type { ObservationFact } from './patient-record.ts';
import type { Comparison, Leaf } from './rules.ts';
import { tidied } from './tidied.ts';

export type LeafOf<T extends Leaf['type']> = Extract<Leaf, { type: T }>;

export type LimitKind = 'uln' | 'lln';

export interface Limit {
  /** In the unit the value was reported in. */
  readonly value: number;
  readonly origin: 'result' | 'site';
}

/** The ULN or LLN for a result, in the result's unit. */
export function limitFor(ctx: EvalContext, fact: ObservationFact, kind: LimitKind): Pick<Limit> {
  const own = fact[kind];
  if (own !== undefined) return found({ value: own, origin: 'result' });
  const at = { date: datePart(fact.date), source: fact.source };
  const site = ctx.protocol.referenceRanges?.[fact.feature];
  const siteValue = site?.[kind];
  // Object.assign, not a spread followed by fields: the same object without V8's slow path (combine.ts).
  if (site === undefined || siteValue === undefined) return lacking(missing(fact.feature, MissingCode.noReferenceRange, Object.assign({}, at, { limit: kind })));
  if (fact.value.kind !== 'quantity') return found({ value: siteValue, origin: 'site' });
  const reported = fact.value.quantity.unit;
  if (reported === site.unit || sameUnit(reported, site.unit)) return found({ value: siteValue, origin: 'site' });
  if (!findUnit(reported)) return lacking(missing(fact.feature, MissingCode.unknownUnit, Object.assign({}, at, { unit: reported })));
  if (!findUnit(site.unit)) return lacking(missing(fact.feature, MissingCode.unknownUnit, Object.assign({}, at, { unit: site.unit })));
  const converted = convert({ value: siteValue, unit: site.unit }, reported, { analyte: analyteOf(fact.feature) });
  if (!converted.ok) return lacking(missing(fact.feature, MissingCode.incompatibleUnit, Object.assign({}, at, { unit: reported, expected: site.unit })));
  return found({ value: tidied(converted.value.value), origin: 'site' });
}

/**
 * `value op threshold`, after removing float noise from both sides (tidy keeps 12 significant
 * digits), so that 2.5 × ULN computed as 1.5 × 1.1 = 1.6500000000000001 still equals 1.65.
 * Tidying moves a number by at most 5e-12 of itself and never reorders two numbers (rounding to 12
 * digits is monotone), so numbers further apart than 1e-10 of the larger compare as they are
 * tidied: only near-ties pay for tidy (computed values such as a clearance are new to its memo).
 */
export function compare(value: number, op: Comparison, threshold: number): boolean {
  const apart = Math.abs(value - threshold) > 1e-10 * Math.max(Math.abs(value), Math.abs(threshold));
  const a = apart ? value : tidied(value);
  const b = apart ? threshold : tidied(threshold);
  switch (op) {
    case '>=':
      return a >= b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '<':
      return a < b;
  }
}

/** For reasons: a failed `>=`/`>` means the value was below the threshold, else above it. */
export const failsLow = (op: Comparison): boolean => op === '>=' || op === '>';
