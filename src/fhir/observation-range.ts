// Observation.referenceRange → LLN / ULN in the value's unit
// (https://hl7.org/fhir/R4/observation-definitions.html#Observation.referenceRange). The first range
// whose type is absent or `normal` is used; a limit in another unit is converted, and a limit that
// cannot be converted is left out (the evaluator then falls back to the protocol's site range),
// because a limit in the wrong unit would be worse than none.
import { convert } from '../domain/units/index.ts';
import type { FeatureUnits } from './code-tables-types.ts';
import { unitSpellingKey } from './code-tables-compile.ts';
import { isObject, type Json, type Sink } from './fhir-read.ts';
import { unitOf, type ValueUnit } from './observation-value.ts';

export interface Limits {
  lln?: number;
  uln?: number;
}

function isNormalRange(range: Json): boolean {
  const type = range['type'];
  if (type === undefined) return true;
  if (!isObject(type) || !Array.isArray(type['coding'])) return false;
  // http://terminology.hl7.org/CodeSystem/referencerange-meaning#normal
  return type['coding'].some((c) => isObject(c) && c['code'] === 'normal');
}

function limit(q: unknown, at: (string | number)[], unit: ValueUnit, units: FeatureUnits | undefined, sink: Sink): number | undefined {
  if (q === undefined) return undefined;
  if (!isObject(q)) {
    sink.wrongType(at, 'object', q);
    return undefined;
  }
  const value = q['value'];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    sink.wrongType([...at, 'value'], 'number', value);
    return undefined;
  }
  const { text, def } = unitOf(q, sink, at);
  // A limit without a unit is in the value's unit, which is how most laboratories send it.
  if (text === undefined) return value;
  if ('arbitrary' in unit) return unitSpellingKey(text) === unitSpellingKey(unit.arbitrary) ? value : undefined;
  if (!def) return undefined;
  if (def === unit.def) return value;
  const converted = convert({ value, unit: def.code }, unit.def.code, units?.analyte ? { analyte: units.analyte } : {});
  return converted.ok && Number.isFinite(converted.value.value) ? converted.value.value : undefined;
}

export function readLimits(r: Json, unit: ValueUnit, units: FeatureUnits | undefined, sink: Sink): Limits {
  const ranges = r['referenceRange'];
  if (ranges === undefined) return {};
  if (!Array.isArray(ranges)) {
    sink.wrongType(['referenceRange'], 'array', ranges);
    return {};
  }
  for (let i = 0; i < ranges.length; i++) {
    const range = ranges[i];
    if (!isObject(range)) {
      sink.wrongType(['referenceRange', i], 'object', range);
      return {};
    }
    if (!isNormalRange(range) || (range['low'] === undefined && range['high'] === undefined)) continue;
    const lln = limit(range['low'], ['referenceRange', i, 'low'], unit, units, sink);
    const uln = limit(range['high'], ['referenceRange', i, 'high'], unit, units, sink);
    const out: Limits = {};
    if (lln !== undefined) out.lln = lln;
    if (uln !== undefined) out.uln = uln;
    return out;
  }
  return {};
}
