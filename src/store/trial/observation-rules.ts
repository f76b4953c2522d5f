// What each kind of observation must hold, checked before anything is stored (R-35: type, range
// and unit checks). Quantities carry a unit FirstDose knows, so they can be converted and graded
// later; scores hold their own ranges; findings are checked by the graders' own schemas, so a
// CRS finding that could not be graded is refused at entry, not discovered at grading.
import { findUnit } from '../../domain/units/index.ts';
import { CrsInput, IcansInput } from '../../domain/safety/index.ts';
import { type Issue, issue } from '../../domain/result.ts';
import { parseInput } from '../../domain/validation.ts';
import type { ObservationKind } from '../schema-conduct.ts';

/** Vital-sign units outside the laboratory table. */
const vitalUnits = new Set(['mm[Hg]', 'mmHg', '/min', '{beats}/min', 'beats/min', 'bpm', '{breaths}/min']);

/** Parts of an efficacy assessment: entered together, through recordAssessment. */
const assessmentKinds: readonly ObservationKind[] = ['sledai2k', 'bilag', 'glucocorticoid', 'assessment-flags'];

const ranges: Partial<Record<ObservationKind, { min: number; max: number; integer?: boolean; unit?: string }>> = {
  pga: { min: 0, max: 3 },
  ice: { min: 0, max: 10, integer: true },
  'car-fraction': { min: 0, max: 100, unit: '%' },
  'b-cells': { min: 0, max: Number.MAX_SAFE_INTEGER },
};

export interface ObservationValue {
  readonly kind: ObservationKind;
  readonly valueNum?: number | undefined;
  readonly valueText?: string | undefined;
  readonly valueJson?: unknown;
  readonly unit?: string | undefined;
  readonly refLow?: number | undefined;
  readonly refHigh?: number | undefined;
}

export function observationIssues(o: ObservationValue): Issue[] {
  const issues: Issue[] = [];
  if (assessmentKinds.includes(o.kind)) return [issue(['kind'], 'invalid_choice', { value: o.kind, allowed: ['lab', 'vital', 'pga', 'ice', 'b-cells', 'car-fraction', 'crs-findings', 'icans-findings'] })];
  if (o.kind === 'crs-findings' || o.kind === 'icans-findings') {
    const parsed = parseInput(o.kind === 'crs-findings' ? CrsInput : IcansInput, o.valueJson);
    return parsed.ok ? [] : parsed.issues.map((i) => ({ ...i, path: ['valueJson', ...i.path] }));
  }
  if (o.valueNum === undefined) {
    if (o.kind === 'lab' && o.valueText !== undefined && o.valueText.trim() !== '') return [];
    return [issue(['valueNum'], 'required')];
  }
  if (!Number.isFinite(o.valueNum)) return [issue(['valueNum'], 'invalid_type', { expected: 'number', received: String(o.valueNum) })];
  const range = ranges[o.kind];
  if (range) {
    if (o.valueNum < range.min) issues.push(issue(['valueNum'], 'too_small', { minimum: range.min, inclusive: true }));
    if (o.valueNum > range.max) issues.push(issue(['valueNum'], 'too_big', { maximum: range.max, inclusive: true }));
    if (range.integer && !Number.isInteger(o.valueNum)) issues.push(issue(['valueNum'], 'invalid_type', { expected: 'integer', received: String(o.valueNum) }));
    if (range.unit && o.unit !== undefined && o.unit !== range.unit) issues.push(issue(['unit'], 'invalid_choice', { value: o.unit, allowed: [range.unit] }));
  }
  const needsUnit = o.kind === 'lab' || o.kind === 'vital' || o.kind === 'b-cells';
  if (needsUnit && !o.unit) issues.push(issue(['unit'], 'required'));
  else if (needsUnit && o.unit && !findUnit(o.unit) && !(o.kind === 'vital' && vitalUnits.has(o.unit))) issues.push(issue(['unit'], 'unknown_unit', { unit: o.unit }));
  if (o.refLow !== undefined && o.refHigh !== undefined && o.refLow > o.refHigh) issues.push(issue(['refLow'], 'too_big', { maximum: o.refHigh, inclusive: true }));
  return issues;
}
