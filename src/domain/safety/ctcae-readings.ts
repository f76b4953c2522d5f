// Brings a CTCAE input's value and its references (LLN, ULN, baseline) into the one unit a term's
// criteria compare in, collecting every unit problem with its path. A bare reference is in the
// value's unit (the contract); a quantity reference is converted with the term's analyte.
import { type ExplanationStep, step } from '../explanation.ts';
import { fail, type Issue, issue, ok, type Result } from '../result.ts';
import { type Analyte, convert, Dimension, findUnit, parseUnit, type Quantity, sameUnit, type UnitDefinition } from '../units/index.ts';
import type { CtcaeInput, CtcaeReference } from './ctcae-input.ts';

export type ReferenceField = 'lln' | 'uln' | 'baseline';

export interface Readings {
  /** The value in the comparison unit. */
  readonly value: number;
  readonly unit: UnitDefinition;
  readonly lln?: number;
  readonly uln?: number;
  readonly baseline?: number;
}

export interface ReadingsPlan {
  /** Picks the comparison unit (a UCUM code) from the value's own unit. */
  readonly unitFor: (valueUnit: UnitDefinition) => string;
  readonly analyte?: Analyte;
  readonly references: readonly ReferenceField[];
}

function converted(field: string, quantity: Quantity, to: UnitDefinition, value: number): ExplanationStep {
  const fromUnit = findUnit(quantity.unit)?.display ?? quantity.unit;
  return step('ctcae.converted', { field, from: quantity.value, fromUnit, to: Number(value.toPrecision(6)), toUnit: to.display });
}

function toUnit(field: string, quantity: Quantity, unit: UnitDefinition, analyte: Analyte | undefined, steps: ExplanationStep[]): Result<number> {
  const result = convert(quantity, unit.code, { ...(analyte ? { analyte } : {}), path: [field] });
  if (!result.ok) return result;
  if (!sameUnit(quantity.unit, unit.code)) steps.push(converted(field, quantity, unit, result.value.value));
  return ok(result.value.value);
}

function reference(
  field: ReferenceField,
  ref: CtcaeReference,
  valueUnit: string,
  unit: UnitDefinition,
  analyte: Analyte | undefined,
  steps: ExplanationStep[],
): Result<number> {
  const quantity = typeof ref === 'number' ? { value: ref, unit: valueUnit } : ref;
  // A reference of 0 or less makes "x ULN" meaningless and is never a real laboratory range.
  if (!(quantity.value > 0)) return fail(issue(typeof ref === 'number' ? [field] : [field, 'value'], 'must_be_positive'));
  return toUnit(field, quantity, unit, analyte, steps);
}

/** Resolves the value and the planned references, or every issue found among them. */
export function readings(input: CtcaeInput, plan: ReadingsPlan, steps: ExplanationStep[]): Result<Readings> {
  const issues: Issue[] = [];
  const parsed = parseUnit(input.value.unit, ['value', 'unit']);
  if (input.value.value < 0) issues.push(issue(['value', 'value'], 'too_small', { minimum: 0, inclusive: true }));

  let unit: UnitDefinition | undefined;
  let value: number | undefined;
  if (!parsed.ok) issues.push(...parsed.issues);
  else {
    unit = findUnit(plan.unitFor(parsed.value));
    if (!unit) throw new Error(`comparison unit for ${input.term} is not in the unit table`);
    const v = toUnit('value', input.value, unit, plan.analyte, steps);
    if (v.ok) value = v.value;
    else issues.push(...v.issues);
  }

  const refs: Partial<Record<ReferenceField, number>> = {};
  for (const field of plan.references) {
    const ref = input[field];
    if (ref === undefined) continue;
    // A bare number is in the value's unit; if that unit is unusable, the value's issue says so.
    if (value === undefined || unit === undefined) {
      if (typeof ref !== 'number') {
        const checked = parseUnit(ref.unit, [field, 'unit']);
        if (!checked.ok) issues.push(...checked.issues);
      }
      continue;
    }
    const r = reference(field, ref, input.value.unit, unit, plan.analyte, steps);
    if (r.ok) refs[field] = r.value;
    else issues.push(...r.issues);
  }

  if (issues.length > 0 || value === undefined || unit === undefined) return fail(...issues);
  return ok({ value, unit, ...refs });
}

/** True when a value in `unit` can be compared with criteria written in `family` (same dimension, or mass ↔ molar for an analyte). */
export function comparable(unit: UnitDefinition, family: string, analyte?: Analyte): boolean {
  const target = findUnit(family);
  if (!target) throw new Error(`unit ${family} is not in the unit table`);
  if (unit.dimension === target.dimension) return true;
  const concentrations: readonly string[] = [Dimension.massConcentration, Dimension.substanceConcentration];
  return analyte !== undefined && concentrations.includes(unit.dimension) && concentrations.includes(target.dimension);
}
