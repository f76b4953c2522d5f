// Observation (https://hl7.org/fhir/R4/observation.html) → ObservationFact, by the LOINC codes of
// the code tables. Pregnancy status (LOINC 82810-3) is an Observation too but becomes a pregnancy
// ConditionFact, since the record keeps pregnancy as a condition.
import type { ObservationFact } from '../domain/eligibility/patient-record.ts';
import type { CodeRole } from './code-tables-schema.ts';
import type { CodeTables, ObservationMapping } from './code-tables-types.ts';
import { type Fact, noFacts } from './fact.ts';
import { codingsOf, dateField, firstMapped, isObject, type Json, objectField, type Sink, stringField } from './fhir-read.ts';
import { readLimits } from './observation-range.ts';
import { readObservationValue } from './observation-value.ts';
import { onRoomAir } from './spo2-room-air.ts';

/** Observation.status values whose result must not be used (observation-status value set). */
const ignoredStatuses = new Set(['entered-in-error', 'cancelled']);

const roleRank: Readonly<Record<CodeRole, number>> = { primary: 0, alternate: 1, lowPreference: 2, deprecated: 3 };

/** Of several LOINC codings, the one with the best role (59408-5 over 2708-6 on the same SpO2). */
function bestMapping(codings: readonly unknown[] | undefined, tables: CodeTables): ObservationMapping | undefined {
  if (!codings) return undefined;
  let best: ObservationMapping | undefined;
  for (const c of codings) {
    if (!isObject(c) || typeof c['system'] !== 'string' || typeof c['code'] !== 'string') continue;
    const found = tables.observations.get(c['system'])?.get(c['code']);
    if (found && (!best || roleRank[found.role] < roleRank[best.role])) best = found;
  }
  return best;
}

/** effectiveDateTime, else effectivePeriod.start, else effectiveInstant, else issued. */
function observationDate(r: Json, sink: Sink): string | undefined {
  const before = sink.count;
  const dateTime = dateField(r, 'effectiveDateTime', sink, []);
  if (dateTime !== undefined) return dateTime;
  const period = objectField(r, 'effectivePeriod', sink, []);
  const start = period ? dateField(period, 'start', sink, ['effectivePeriod']) : undefined;
  const date = start ?? dateField(r, 'effectiveInstant', sink, []) ?? dateField(r, 'issued', sink, []);
  if (date === undefined && sink.count === before) sink.add(['effectiveDateTime'], 'required');
  return date;
}

function pregnancyFact(r: Json, code: string, date: string, tables: CodeTables, source: string): readonly Fact[] {
  const concept = r['valueCodeableConcept'];
  const codings = isObject(concept) && Array.isArray(concept['coding']) ? concept['coding'] : undefined;
  const pregnant = firstMapped(codings, (s, c) => (typeof s === 'string' && typeof c === 'string' ? tables.pregnancyValues.get(s)?.get(c) : undefined));
  // "Unknown" or an uncoded answer says nothing either way.
  if (!pregnant) return noFacts;
  return [{ kind: 'condition', fact: { kind: 'pregnancy', recorded: date, active: pregnant.value, source, code } }];
}

export function observationFacts(r: Json, tables: CodeTables, sink: Sink, source: string): readonly Fact[] {
  const status = stringField(r, 'status', sink, []);
  if (status !== undefined && ignoredStatuses.has(status)) return noFacts;
  const codings = codingsOf(r, 'code', sink, []);
  const mapping = bestMapping(codings, tables);
  const pregnancy = mapping ? undefined : firstMapped(codings, (s, c) => (typeof s === 'string' && typeof c === 'string' ? tables.pregnancyObservations.get(s)?.get(c) : undefined));
  if (!mapping && !pregnancy) return noFacts;
  const date = observationDate(r, sink);
  if (date === undefined) return noFacts;
  if (pregnancy) return pregnancyFact(r, pregnancy.code, date, tables, source);
  if (!mapping) return noFacts;
  const read = readObservationValue(r, mapping, tables, sink);
  if (!read) return noFacts;
  const fact: ObservationFact = { feature: mapping.feature, date, value: read.value, source, code: mapping.code };
  if (read.unit) Object.assign(fact, readLimits(r, read.unit, tables.featureUnits.get(mapping.feature), sink));
  if (mapping.feature === 'spo2') {
    const roomAir = onRoomAir(r, tables, sink);
    if (roomAir !== undefined) fact.onRoomAir = roomAir;
  }
  return [{ kind: 'observation', fact }];
}
