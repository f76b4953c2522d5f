// Comparisons at CTCAE bounds. "x ULN" bounds are products of a factor and a reference, and binary
// floating point can put a product just below its true value (1.5 × 0.7 = 1.0499999999999998), which
// would move a value sitting exactly on the bound into the next grade. Products are therefore taken
// through `tidy` (12 significant digits) before comparing, so ALT 120 U/L with ULN 40 is exactly
// 3.0 × ULN and stays grade 1 (shared/domain/domain.md §7, case T8).
import { type ExplanationStep, step } from '../explanation.ts';
import { tidy } from '../units/index.ts';
import type { Multiple, MultipleScale } from './ctcae-criteria.ts';
import type { SafetyGrade } from './grade.ts';

/** A term's grade, the CTCAE criterion text that fired, and how it was reached. */
export interface CtcaeGrading {
  readonly grade: SafetyGrade;
  readonly rule: string;
  readonly explanation: readonly ExplanationStep[];
}

/** factor × reference without binary noise. */
export const times = (factor: number, reference: number): number => tidy(factor * reference);

export function meetsMultiple(value: number, band: Multiple, reference: number): boolean {
  const bound = times(band.factor, reference);
  return band.inclusive ? value >= bound : value > bound;
}

/**
 * value / reference for display, to 2 decimals, with more digits when 2 would print the bound
 * itself for a value that is not on it (3.001 × ULN must not read as "3 × ULN, above 3.0").
 */
export function displayRatio(value: number, reference: number, factor: number): number {
  const exact = tidy(value / reference);
  for (let digits = 2; digits <= 6; digits++) {
    const scale = 10 ** digits;
    const rounded = Math.round(exact * scale) / scale;
    if (rounded !== factor || exact === factor) return rounded;
  }
  return exact;
}

/**
 * A compared value for display: 6 significant digits (40.2777777778 °C from 104.5 °F reads 40.2778),
 * or every digit when 6 would print the bound itself for a value that is not on it.
 */
export function shown(value: number, bound?: number): number {
  const short = Number(value.toPrecision(6));
  return short === bound && value !== bound ? value : short;
}

export interface MultipleGrade {
  readonly grade: SafetyGrade;
  readonly rule: string;
  /** The band that decided: the one met, or the lowest one when none was. */
  readonly band: Multiple;
  readonly met: boolean;
}

/** The highest band of a scale that the value meets against the reference. */
export function gradeByMultiples(value: number, reference: number, scale: MultipleScale): MultipleGrade {
  const lowest = scale.bands[0];
  if (!lowest) throw new Error('a multiple scale needs at least one band');
  let met: Multiple | undefined;
  for (const band of scale.bands) if (meetsMultiple(value, band, reference)) met = band;
  return met ? { grade: met.grade, rule: met.rule, band: met, met: true } : { grade: 0, rule: scale.noneRule, band: lowest, met: false };
}

/** The comparator that a band decided with, as a symbol for the explanation. */
export function comparator(band: Multiple, met: boolean): string {
  if (met) return band.inclusive ? '≥' : '>';
  return band.inclusive ? '<' : '≤';
}

/** Grades by a multiple scale and explains the deciding comparison. */
export function multipleStep(
  kind: 'uln' | 'baseline',
  value: number,
  unit: string,
  reference: number,
  scale: MultipleScale,
): [MultipleGrade, ExplanationStep] {
  const graded = gradeByMultiples(value, reference, scale);
  const { band, met } = graded;
  const params = {
    grade: graded.grade,
    value: shown(value, times(band.factor, reference)),
    unit,
    ratio: displayRatio(value, reference, band.factor),
    comparator: comparator(band, met),
    factor: band.factor,
    [kind]: shown(reference),
  };
  return [graded, step(`ctcae.${kind}-multiple`, params)];
}
