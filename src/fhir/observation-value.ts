// Observation.value[x] → ObservationValue (https://hl7.org/fhir/R4/observation.html#value). A value
// FirstDose cannot use (unknown unit, a unit of the wrong kind, an unreadable string) is kept as
// `unusable` with its problem, so the criterion can say why it is unknown: never guessed, never dropped.
import type { ObservationValue, ValueProblem } from '../domain/eligibility/patient-record.ts';
import { Dimension, findUnit, type UnitDefinition } from '../domain/units/index.ts';
import { unitSpellingKey } from './code-tables-compile.ts';
import type { CodeTables, FeatureUnits, ObservationMapping } from './code-tables-types.ts';
import { codingsOf, firstMapped, isObject, type Json, numberField, type Sink, stringField } from './fhir-read.ts';

/** The unit a quantity value was stored in, for converting its reference range. */
export type ValueUnit = { readonly def: UnitDefinition } | { readonly arbitrary: string };

export interface ReadValue {
  readonly value: ObservationValue;
  readonly unit?: ValueUnit;
}

const unusable = (code: ValueProblem['code'], detail?: string): ReadValue => ({
  value: { kind: 'unusable', problem: detail === undefined ? { code } : { code, detail } },
});

/** Free-text results some feeds send for presence tests (LOINC Ord scale), in English and Chinese. */
const resultWords: ReadonlyMap<string, 'positive' | 'negative' | 'indeterminate'> = new Map([
  ...['positive', 'pos', 'detected', 'reactive', '阳性'].map((w) => [w, 'positive'] as const),
  ...['negative', 'neg', 'not detected', 'non-reactive', 'nonreactive', '阴性'].map((w) => [w, 'negative'] as const),
  ...['indeterminate', 'inconclusive', 'equivocal', 'borderline'].map((w) => [w, 'indeterminate'] as const),
]);

/** "1:160" → 160: a titre written as its dilution. */
const titerText = /^\s*1\s*:\s*(\d+(?:\.\d+)?)\s*$/;

const otherValueTypes = ['valueInteger', 'valueBoolean', 'valueRange', 'valueSampledData', 'valueTime', 'valueDateTime', 'valuePeriod'];

// findUnit normalises the text before its lookup; an export repeats a few dozen unit texts millions
// of times, so each text's answer is kept (up to a bound, against a feed of ever-new texts).
const units = new Map<string, UnitDefinition | null>();
const unitsKept = 4096;

function knownUnit(text: string): UnitDefinition | undefined {
  let def = units.get(text);
  if (def === undefined) {
    def = findUnit(text) ?? null;
    if (units.size < unitsKept) units.set(text, def);
  }
  return def ?? undefined;
}

/** A UCUM code (Quantity.code), else the human unit (Quantity.unit); the code wins when both are known. */
export function unitOf(q: Json, sink: Sink, at: readonly (string | number)[]): { text?: string; def?: UnitDefinition } {
  const code = stringField(q, 'code', sink, at);
  const unit = stringField(q, 'unit', sink, at);
  const text = code ?? unit;
  const def = (code !== undefined ? knownUnit(code) : undefined) ?? (unit !== undefined ? knownUnit(unit) : undefined);
  return text === undefined ? {} : def ? { text, def } : { text };
}

const massOrMolar = (d: string) => d === Dimension.massConcentration || d === Dimension.substanceConcentration;

function quantityValue(q: Json, mapping: ObservationMapping, units: FeatureUnits | undefined, sink: Sink): ReadValue | undefined {
  const at = ['valueQuantity'];
  const before = sink.count;
  const value = numberField(q, 'value', sink, at);
  const { text, def } = unitOf(q, sink, at);
  if (sink.count > before) return undefined;
  if (value === undefined) return unusable('no_value');
  const comparator = q['comparator'];
  // "<5" is not 5: mapping it to its bound could pass a threshold the true value fails.
  if (comparator !== undefined) return unusable('unreadable_value', `comparator ${String(comparator)}`);
  if (mapping.kind === 'ordinal' || mapping.kind === 'coded') return unusable('unreadable_value', 'a number for a presence test');
  if (text === undefined) return unusable('unknown_unit', 'no unit');
  // A value in {titer} is a titre, whichever of the feature's codes it came under (5130-0 or 11013-0).
  if (def?.dimension === Dimension.titer) {
    if (mapping.kind !== 'titer' && !units?.dimensions.has(Dimension.titer)) return unusable('incompatible_unit', `${text} (titer) for ${mapping.feature}`);
    return value > 0 ? { value: { kind: 'titer', dilution: value } } : unusable('unreadable_value', `titre ${value}`);
  }
  if (mapping.kind === 'titer') return def ? unusable('incompatible_unit', `${text} is not a titre`) : unusable('unknown_unit', text);
  if (def) {
    const accepted = units?.dimensions.has(def.dimension) || (units?.analyte !== undefined && massOrMolar(def.dimension) && [...units.dimensions].some(massOrMolar));
    if (!accepted) return unusable('incompatible_unit', `${text} (${def.dimension}) for ${mapping.feature}`);
    return { value: { kind: 'quantity', quantity: { value, unit: def.code } }, unit: { def } };
  }
  const listed = units?.arbitrary.get(unitSpellingKey(text));
  if (listed === undefined) return unusable('unknown_unit', text);
  return { value: { kind: 'quantity', quantity: { value, unit: listed } }, unit: { arbitrary: listed } };
}

function codedValue(r: Json, tables: CodeTables, sink: Sink): ReadValue | undefined {
  const before = sink.count;
  const codings = codingsOf(r, 'valueCodeableConcept', sink, []);
  if (sink.count > before || !isObject(r['valueCodeableConcept'])) return undefined;
  const found = firstMapped(codings, (s, c) => (typeof s === 'string' && typeof c === 'string' ? tables.results.get(s)?.get(c) : undefined));
  if (found) return { value: { kind: 'coded', result: found.value } };
  const concept = r['valueCodeableConcept'] as Json;
  const text = typeof concept['text'] === 'string' ? resultWords.get(concept['text'].trim().toLowerCase()) : undefined;
  if (text) return { value: { kind: 'coded', result: text } };
  const first = codings?.find(isObject);
  return unusable('unreadable_value', first ? `${String(first['system'])}|${String(first['code'])}` : 'no coding');
}

function stringValue(text: string, mapping: ObservationMapping): ReadValue {
  if (mapping.kind === 'titer') {
    const m = titerText.exec(text);
    if (m && Number(m[1]) > 0) return { value: { kind: 'titer', dilution: Number(m[1]) } };
  }
  const word = resultWords.get(text.trim().toLowerCase());
  if (word) return { value: { kind: 'coded', result: word } };
  return unusable('unreadable_value', text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function ratioValue(ratio: Json, mapping: ObservationMapping, sink: Sink): ReadValue | undefined {
  const before = sink.count;
  const num = isObject(ratio['numerator']) ? numberField(ratio['numerator'], 'value', sink, ['valueRatio', 'numerator']) : undefined;
  const den = isObject(ratio['denominator']) ? numberField(ratio['denominator'], 'value', sink, ['valueRatio', 'denominator']) : undefined;
  if (sink.count > before) return undefined;
  if (mapping.kind !== 'titer') return unusable('unreadable_value', 'a ratio for a non-titre test');
  // A titre as a Ratio is 1:N: numerator 1, denominator the dilution.
  if (num === 1 && den !== undefined && den > 0) return { value: { kind: 'titer', dilution: den } };
  return unusable('unreadable_value', `ratio ${num ?? '?'}:${den ?? '?'}`);
}

/** The observation's value, or undefined when a field is malformed (the issue is in `sink`). */
export function readObservationValue(r: Json, mapping: ObservationMapping, tables: CodeTables, sink: Sink): ReadValue | undefined {
  const q = r['valueQuantity'];
  if (q !== undefined) {
    if (isObject(q)) return quantityValue(q, mapping, tables.featureUnits.get(mapping.feature), sink);
    sink.wrongType(['valueQuantity'], 'object', q);
    return undefined;
  }
  if (r['valueCodeableConcept'] !== undefined) return codedValue(r, tables, sink);
  const ratio = r['valueRatio'];
  if (ratio !== undefined) {
    if (isObject(ratio)) return ratioValue(ratio, mapping, sink);
    sink.wrongType(['valueRatio'], 'object', ratio);
    return undefined;
  }
  const before = sink.count;
  const s = stringField(r, 'valueString', sink, []);
  if (s !== undefined) return stringValue(s, mapping);
  if (sink.count > before) return undefined;
  for (const key of otherValueTypes) if (r[key] !== undefined) return unusable('unreadable_value', key);
  const absent = r['dataAbsentReason'];
  const reason = isObject(absent) && Array.isArray(absent['coding']) && isObject(absent['coding'][0]) ? absent['coding'][0]['code'] : undefined;
  return unusable('no_value', typeof reason === 'string' ? reason : undefined);
}
