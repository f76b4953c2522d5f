import { z } from 'zod';
import { fail, issue, ok, type Result } from '../result.ts';
import { type Analyte, Dimension, findUnit, micromolPerLitrePerMgPerDl, type UnitDefinition } from './unit-table.ts';

export const QuantitySchema = z.strictObject({
  value: z.number(),
  unit: z.string().min(1),
});
export type Quantity = z.infer<typeof QuantitySchema>;

/** Shifts a number by a power of ten through its decimal representation, so 1500 cells/µL is exactly 1.5. */
function shiftDecimal(value: number, exponent: number): number {
  if (exponent === 0 || value === 0) return value;
  const [mantissa, power] = value.toExponential().split('e');
  return Number(`${mantissa}e${Number(power) + exponent}`);
}

/**
 * Removes binary floating-point noise from a derived value (39.000000000000004 → 39) by keeping 12
 * significant digits: far beyond any clinical precision, and what makes 102.2 °F grade as
 * 39.0 °C rather than just above it.
 */
export function tidy(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

export function parseUnit(unit: string, path: ReadonlyArray<string | number> = ['unit']): Result<UnitDefinition> {
  const found = findUnit(unit);
  return found ? ok(found) : fail(issue(path, 'unknown_unit', { unit }));
}

function toBase(value: number, unit: UnitDefinition): number {
  return shiftDecimal(value, unit.exponent) * unit.multiplier + unit.offset;
}

function fromBase(value: number, unit: UnitDefinition): number {
  return shiftDecimal((value - unit.offset) / unit.multiplier, -unit.exponent);
}

function convertBetween(value: number, from: UnitDefinition, to: UnitDefinition, analyte?: Analyte): number | undefined {
  if (from.code === to.code) return value;
  if (from.dimension === to.dimension) {
    if (from.multiplier === 1 && to.multiplier === 1 && from.offset === 0 && to.offset === 0)
      return shiftDecimal(value, from.exponent - to.exponent);
    return tidy(fromBase(toBase(value, from), to));
  }
  if (analyte === undefined) return undefined;
  const factor = micromolPerLitrePerMgPerDl[analyte];
  if (from.dimension === Dimension.massConcentration && to.dimension === Dimension.substanceConcentration) {
    const mgPerDl = shiftDecimal(toBase(value, from), 2);
    return tidy(fromBase(mgPerDl * factor, to));
  }
  if (from.dimension === Dimension.substanceConcentration && to.dimension === Dimension.massConcentration) {
    const mgPerDl = toBase(value, from) / factor;
    return tidy(fromBase(shiftDecimal(mgPerDl, -2), to));
  }
  return undefined;
}

/**
 * Converts a quantity to another unit. Mass and molar concentrations convert only for a named
 * analyte; anything else across dimensions is an error, never a guess.
 */
export function convert(
  quantity: Quantity,
  toUnit: string,
  options: { analyte?: Analyte; path?: ReadonlyArray<string | number> } = {},
): Result<Quantity> {
  const path = options.path ?? [];
  const from = parseUnit(quantity.unit, [...path, 'unit']);
  if (!from.ok) return from;
  const to = findUnit(toUnit);
  if (!to) throw new Error(`target unit ${toUnit} is not in the unit table`);
  const value = convertBetween(quantity.value, from.value, to, options.analyte);
  if (value === undefined)
    return fail(issue([...path, 'unit'], 'incompatible_unit', { unit: quantity.unit, expected: to.display }));
  return ok({ value, unit: to.code });
}

/** Converts and returns the bare number, for formulas that need one unit. */
export function valueIn(
  quantity: Quantity,
  toUnit: string,
  options: { analyte?: Analyte; path?: ReadonlyArray<string | number> } = {},
): Result<number> {
  const converted = convert(quantity, toUnit, options);
  return converted.ok ? ok(converted.value.value) : converted;
}

/** True when two unit spellings name the same UCUM unit. */
export function sameUnit(a: string, b: string): boolean {
  const ua = findUnit(a);
  return ua !== undefined && ua === findUnit(b);
}
