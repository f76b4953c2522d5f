// Was an SpO2 measured on room air? US Core's pulse-oximetry profile carries the inspired oxygen as
// components of the SpO2 observation: 3150-0 Inhaled oxygen concentration (%) and 3151-8 Inhaled
// oxygen flow rate (https://hl7.org/fhir/us/core/STU7/StructureDefinition-us-core-pulse-oximetry.html).
// FirstDose's contract: no such component means room air; FiO2 21 % (or the LOINC answer LA11849-9
// "Room air", answer list LL738-6) or a flow of 0 means room air; any other value means supplemental
// oxygen. A component without a readable value leaves the question open.
import { Dimension } from '../domain/units/index.ts';
import type { CodeTables } from './code-tables-types.ts';
import { isObject, type Json, type Sink } from './fhir-read.ts';
import { unitOf } from './observation-value.ts';

type Signal = 'room' | 'supplemental' | 'unknown';

/** Room air is 20.9 % oxygen; records round it to 21. */
const isRoomAirFio2 = (percent: number) => percent >= 20.9 && percent <= 21;

function codedSignal(concept: unknown, tables: CodeTables): Signal {
  if (!isObject(concept) || !Array.isArray(concept['coding'])) return 'unknown';
  let coded = false;
  for (const c of concept['coding']) {
    if (!isObject(c) || typeof c['system'] !== 'string' || typeof c['code'] !== 'string') continue;
    coded = true;
    if (tables.roomAirAnswers.get(c['system'])?.has(c['code'])) return 'room';
  }
  // Any other answer of LL738-6 is an oxygen delivery device: supplemental oxygen.
  return coded ? 'supplemental' : 'unknown';
}

function componentSignal(component: Json, kind: 'concentration' | 'flow', tables: CodeTables, sink: Sink, i: number): Signal {
  if (component['valueCodeableConcept'] !== undefined) return codedSignal(component['valueCodeableConcept'], tables);
  const q = component['valueQuantity'];
  if (!isObject(q)) return 'unknown';
  const value = q['value'];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    if (value !== undefined) sink.wrongType(['component', i, 'valueQuantity', 'value'], 'number', value);
    return 'unknown';
  }
  if (q['comparator'] !== undefined) return 'unknown';
  // Flow: zero is zero in any unit, and any positive flow is oxygen given.
  if (kind === 'flow') return value === 0 ? 'room' : value > 0 ? 'supplemental' : 'unknown';
  const { def } = unitOf(q, sink, ['component', i, 'valueQuantity']);
  if (def?.dimension !== Dimension.fraction) return 'unknown';
  return isRoomAirFio2(value) ? 'room' : 'supplemental';
}

/** true = room air, false = supplemental oxygen, undefined = the record does not say clearly. */
export function onRoomAir(r: Json, tables: CodeTables, sink: Sink): boolean | undefined {
  const components = r['component'];
  if (components === undefined) return true;
  if (!Array.isArray(components)) {
    sink.wrongType(['component'], 'array', components);
    return undefined;
  }
  let unknown = false;
  for (let i = 0; i < components.length; i++) {
    const component = components[i];
    if (!isObject(component) || !isObject(component['code']) || !Array.isArray(component['code']['coding'])) continue;
    let kind: 'concentration' | 'flow' | undefined;
    for (const c of component['code']['coding']) {
      if (isObject(c) && typeof c['system'] === 'string' && typeof c['code'] === 'string') kind ??= tables.inspiredOxygen.get(c['system'])?.get(c['code']);
    }
    if (kind === undefined) continue;
    const signal = componentSignal(component, kind, tables, sink, i);
    if (signal === 'supplemental') return false;
    if (signal === 'unknown') unknown = true;
  }
  return unknown ? undefined : true;
}
