// MedicationStatement.dosage[0] → one administration's dose and administrations per day.
// Dosage: https://hl7.org/fhir/R4/dosage.html; Timing.repeat: https://hl7.org/fhir/R4/datatypes.html#Timing
// (frequency "times per period", 1 when absent; period with periodUnit s | min | h | d | wk | mo | a).
import type { ValueProblem } from '../domain/eligibility/patient-record.ts';
import { Dimension, type Quantity, tidy } from '../domain/units/index.ts';
import { isObject, type Json, numberField, objectField, type Sink, stringField } from './fhir-read.ts';
import { unitOf } from './observation-value.ts';

export interface Dosage {
  dose?: Quantity;
  perDay?: number;
  /** Only for glucocorticoids, whose dose FirstDose converts to prednisone mg/day. */
  problem?: ValueProblem;
}

/** Days per periodUnit. Months and years have no fixed length, so a perDay is not derived from them. */
const daysPer: Readonly<Record<string, number>> = { s: 1 / 86400, min: 1 / 1440, h: 1 / 24, d: 1, wk: 7 };

function first(parent: Json, key: string, sink: Sink, at: (string | number)[]): Json | undefined {
  const list = parent[key];
  if (list === undefined) return undefined;
  if (!Array.isArray(list)) {
    sink.wrongType([...at, key], 'array', list);
    return undefined;
  }
  const item = list[0];
  if (item === undefined || isObject(item)) return item;
  sink.wrongType([...at, key, 0], 'object', item);
  return undefined;
}

function readDose(dosage: Json, steroid: boolean, sink: Sink): Dosage | undefined {
  const rate = first(dosage, 'doseAndRate', sink, ['dosage', 0]);
  const q = rate ? objectField(rate, 'doseQuantity', sink, ['dosage', 0, 'doseAndRate', 0]) : undefined;
  if (!q) return steroid ? { problem: { code: 'no_value', detail: 'dose' } } : {};
  const at = ['dosage', 0, 'doseAndRate', 0, 'doseQuantity'];
  const before = sink.count;
  const value = numberField(q, 'value', sink, at);
  const { text, def } = unitOf(q, sink, at);
  if (sink.count > before) return undefined;
  if (value === undefined) return steroid ? { problem: { code: 'no_value', detail: 'dose' } } : {};
  if (value < 0) {
    sink.add([...at, 'value'], 'too_small', { minimum: 0, inclusive: true });
    return undefined;
  }
  if (text === undefined) return steroid ? { problem: { code: 'unknown_unit', detail: 'no unit' } } : {};
  if (!def) return { dose: { value, unit: text }, ...(steroid ? { problem: { code: 'unknown_unit', detail: text } } : {}) };
  const dose = { value, unit: def.code };
  if (steroid && def.dimension !== Dimension.mass) return { dose, problem: { code: 'incompatible_unit', detail: `${text} is not a mass` } };
  return { dose };
}

// tidy writes and reads back its argument as text; a few rates (1, 2, 3 a day) recur in every export.
const rates = new Map<number, number>();

function tidied(rate: number): number {
  let out = rates.get(rate);
  if (out === undefined) {
    out = tidy(rate);
    if (rates.size < 1024) rates.set(rate, out);
  }
  return out;
}

function readPerDay(dosage: Json, sink: Sink): { perDay?: number; problem?: ValueProblem } | undefined {
  const timing = objectField(dosage, 'timing', sink, ['dosage', 0]);
  const repeat = timing ? objectField(timing, 'repeat', sink, ['dosage', 0, 'timing']) : undefined;
  if (!repeat) return {};
  const at = ['dosage', 0, 'timing', 'repeat'];
  const before = sink.count;
  const frequency = numberField(repeat, 'frequency', sink, at) ?? 1;
  const period = numberField(repeat, 'period', sink, at);
  const unit = stringField(repeat, 'periodUnit', sink, at);
  if (sink.count > before) return undefined;
  if (period === undefined) return {};
  // frequency is a positiveInt, period a decimal > 0.
  if (!Number.isInteger(frequency)) sink.add([...at, 'frequency'], 'not_integer');
  else if (frequency < 1) sink.add([...at, 'frequency'], 'must_be_positive');
  if (period <= 0) sink.add([...at, 'period'], 'must_be_positive');
  if (sink.count > before) return undefined;
  const days = unit === undefined ? undefined : daysPer[unit];
  if (days === undefined) return { problem: { code: 'unreadable_value', detail: `periodUnit ${unit ?? 'missing'}` } };
  const perDay = tidied(frequency / (period * days));
  // A period so short that the rate overflows (5e-324 d) says nothing usable.
  if (!Number.isFinite(perDay) || perDay <= 0) return { problem: { code: 'unreadable_value', detail: `period ${period} ${unit}` } };
  return { perDay };
}

/** dosage[0]'s dose and frequency; undefined when a field is malformed (the issue is in `sink`). */
export function readDosage(r: Json, steroid: boolean, sink: Sink): Dosage | undefined {
  const dosage = first(r, 'dosage', sink, []);
  if (!dosage) return steroid ? { problem: { code: 'no_value', detail: 'dose' } } : {};
  const dose = readDose(dosage, steroid, sink);
  const timing = readPerDay(dosage, sink);
  if (!dose || !timing) return undefined;
  const out: Dosage = {};
  if (dose.dose) out.dose = dose.dose;
  if (timing.perDay !== undefined) out.perDay = timing.perDay;
  const problem = dose.problem ?? (steroid ? timing.problem : undefined);
  if (problem) out.problem = problem;
  return out;
}
