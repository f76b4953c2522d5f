// Condition (https://hl7.org/fhir/R4/condition.html) → ConditionFact by SNOMED CT. A code on an
// exclude list (drug-induced or cutaneous lupus) wins over any other coding of the same record.
import type { ConditionFact } from '../domain/eligibility/patient-record.ts';
import type { CodeTables } from './code-tables-types.ts';
import { type Fact, noFacts } from './fact.ts';
import { codingsOf, conceptHasCode, dateField, isObject, type Json, objectField, type Sink } from './fhir-read.ts';

// http://terminology.hl7.org/CodeSystem/condition-clinical and condition-ver-status.
const inactiveClinical = new Set(['inactive', 'resolved', 'remission']);
const refuted = new Set(['refuted']);
const enteredInError = new Set(['entered-in-error']);

/** Condition.abatement[x]: con-4 says an abated condition is inactive, resolved or in remission. */
const abatementKeys = ['abatementDateTime', 'abatementAge', 'abatementPeriod', 'abatementRange', 'abatementString'];

function isActive(r: Json): boolean {
  if (conceptHasCode(r['verificationStatus'], refuted)) return false;
  const clinical = r['clinicalStatus'];
  if (clinical !== undefined) return !conceptHasCode(clinical, inactiveClinical);
  return !abatementKeys.some((k) => r[k] !== undefined);
}

export function conditionFacts(r: Json, tables: CodeTables, sink: Sink, source: string): readonly Fact[] {
  if (conceptHasCode(r['verificationStatus'], enteredInError)) return noFacts;
  const codings = codingsOf(r, 'code', sink, []);
  if (!codings) return noFacts;
  let match: { kind: ConditionFact['kind']; code: string } | undefined;
  for (const c of codings) {
    if (!isObject(c) || typeof c['system'] !== 'string' || typeof c['code'] !== 'string') continue;
    const found = tables.conditions.get(c['system'])?.get(c['code']);
    if (found?.excluded) return noFacts;
    if (found && !match) match = { kind: found.kind, code: c['code'] };
  }
  if (!match) return noFacts;
  // onsetDateTime is the contract; onsetPeriod.start is the same moment sent as a period.
  const period = objectField(r, 'onsetPeriod', sink, []);
  const latestDay = { latestDay: true };
  const onset = dateField(r, 'onsetDateTime', sink, [], latestDay) ?? (period ? dateField(period, 'start', sink, ['onsetPeriod'], latestDay) : undefined);
  const recorded = dateField(r, 'recordedDate', sink, [], latestDay);
  const fact: ConditionFact = { kind: match.kind, active: isActive(r), source, code: match.code };
  if (onset !== undefined) fact.onset = onset;
  if (recorded !== undefined) fact.recorded = recorded;
  return [{ kind: 'condition', fact }];
}
