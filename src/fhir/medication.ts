// MedicationStatement (https://hl7.org/fhir/R4/medicationstatement.html) → MedicationFact. The drug
// is matched by ATC code (exact, then prefix), by a site's local code, then by name for drugs that
// have no ATC code (telitacicept). Each statement is one regimen: a dose change is a new statement.
import type { MedicationFact, ValueProblem } from '../domain/eligibility/patient-record.ts';
import type { CodeTables, MedicationMapping } from './code-tables-types.ts';
import { drugNameKey } from './code-tables-compile.ts';
import { type Fact, noFacts } from './fact.ts';
import { dateField, isObject, type Json, objectField, type Sink, stringField } from './fhir-read.ts';
import { readDosage } from './medication-dosage.ts';

/** MedicationStatement.status values that say the drug was not (or not yet) taken. */
const ignoredStatuses = new Set(['entered-in-error', 'not-taken', 'intended']);
/** Statuses under which the regimen is over, so its end date is required. */
const endedStatuses = new Set(['completed', 'stopped']);

/** Resolves a Medication reference: contained (`#id`) here, anything else through the caller. */
export type ResolveReference = (reference: string) => unknown;

function matchAtc(code: string, tables: CodeTables): MedicationMapping | undefined {
  const m = tables.medications;
  const exact = m.atc.get(code);
  if (exact) return exact;
  if (m.review.has(code)) return undefined;
  for (const { prefix, class: cls } of m.prefixes) {
    if (code.startsWith(prefix)) return cls === 'corticosteroid' ? { class: cls, agent: code, noConversion: true } : { class: cls, agent: code };
  }
  return undefined;
}

function matchConcept(concept: Json, tables: CodeTables): { mapping: MedicationMapping; atc?: string } | undefined {
  const codings = Array.isArray(concept['coding']) ? concept['coding'] : [];
  const atcSystem = tables.medications.atcSystem;
  for (const c of codings) {
    if (!isObject(c) || typeof c['system'] !== 'string' || typeof c['code'] !== 'string') continue;
    if (c['system'] === atcSystem) {
      const mapping = matchAtc(c['code'], tables);
      if (mapping) return { mapping, atc: c['code'] };
    }
    const local = tables.medications.localCodes.get(c['system'])?.get(c['code']);
    if (local) return { mapping: local };
  }
  if (tables.medications.names.length === 0) return undefined;
  const texts = [concept['text'], ...codings.map((c) => (isObject(c) ? c['display'] : undefined))];
  for (const text of texts) {
    if (typeof text !== 'string') continue;
    const key = drugNameKey(text);
    const named = tables.medications.names.find((n) => n.pattern.test(key));
    if (named) return { mapping: named.mapping };
  }
  return undefined;
}

/** medicationCodeableConcept, or the code of the Medication that medicationReference points to. */
function medicationConcept(r: Json, sink: Sink, resolve: ResolveReference | undefined): Json | undefined {
  const concept = objectField(r, 'medicationCodeableConcept', sink, []);
  if (concept) return concept;
  const ref = objectField(r, 'medicationReference', sink, []);
  const reference = ref ? stringField(ref, 'reference', sink, ['medicationReference']) : undefined;
  if (reference === undefined) return undefined;
  let target: unknown;
  if (reference.startsWith('#')) {
    const contained = Array.isArray(r['contained']) ? r['contained'] : [];
    target = contained.find((c) => isObject(c) && `#${String(c['id'])}` === reference);
  } else target = resolve?.(reference);
  if (!isObject(target) || target['resourceType'] !== 'Medication') {
    sink.add(['medicationReference', 'reference'], 'unresolved_reference', { reference });
    return undefined;
  }
  return objectField(target, 'code', sink, ['medicationReference']);
}

export function medicationFacts(r: Json, tables: CodeTables, sink: Sink, source: string, resolve?: ResolveReference): readonly Fact[] {
  const status = stringField(r, 'status', sink, []);
  if (status !== undefined && ignoredStatuses.has(status)) return noFacts;
  const concept = medicationConcept(r, sink, resolve);
  const matched = concept ? matchConcept(concept, tables) : undefined;
  if (!matched) return noFacts;
  const before = sink.count;
  const period = objectField(r, 'effectivePeriod', sink, []);
  const dateTime = dateField(r, 'effectiveDateTime', sink, []);
  const start = period ? dateField(period, 'start', sink, ['effectivePeriod']) : dateTime;
  let end = period ? dateField(period, 'end', sink, ['effectivePeriod']) : undefined;
  // A statement dated by one dateTime that is over was taken on that day only.
  if (!period && status !== undefined && endedStatuses.has(status)) end = dateTime;
  if (sink.count > before) return noFacts;
  if (start === undefined) {
    sink.add(period ? ['effectivePeriod', 'start'] : ['effectiveDateTime'], 'required');
    return noFacts;
  }
  if (end === undefined && status !== undefined && endedStatuses.has(status)) {
    sink.add(['effectivePeriod', 'end'], 'required', { status });
    return noFacts;
  }
  const { mapping, atc } = matched;
  const steroid = mapping.class === 'corticosteroid';
  const dosage = readDosage(r, steroid, sink);
  if (!dosage) return noFacts;
  const fact: MedicationFact = { class: mapping.class, agent: mapping.agent, start, source };
  if (atc !== undefined) fact.atc = atc;
  if (end !== undefined) fact.end = end;
  if (dosage.dose) fact.dose = dosage.dose;
  if (dosage.perDay !== undefined) fact.perDay = dosage.perDay;
  // No prednisone equivalent is the first thing to fix, so it is the problem reported.
  const problem: ValueProblem | undefined = mapping.noConversion ? { code: 'unreadable_value', detail: 'no_prednisone_equivalent' } : dosage.problem;
  if (problem) fact.problem = problem;
  return [{ kind: 'medication', fact }];
}
