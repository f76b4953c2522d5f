// Procedure (https://hl7.org/fhir/R4/procedure.html) → ProcedureFact: transfusions of blood products
// by SNOMED CT (116859006 and the tables' descendants). Only a procedure that did not happen is
// ignored: an in-progress or stopped transfusion still exposed the patient to blood products.
import type { ProcedureFact } from '../domain/eligibility/patient-record.ts';
import type { CodeTables } from './code-tables-types.ts';
import { type Fact, noFacts } from './fact.ts';
import { codingsOf, dateField, firstMapped, type Json, objectField, type Sink, stringField } from './fhir-read.ts';

/** event-status codes for a procedure that was never performed (or never should have been recorded). */
const ignoredStatuses = new Set(['not-done', 'entered-in-error', 'preparation']);

export function procedureFacts(r: Json, tables: CodeTables, sink: Sink, source: string): readonly Fact[] {
  const status = stringField(r, 'status', sink, []);
  if (status !== undefined && ignoredStatuses.has(status)) return noFacts;
  const codings = codingsOf(r, 'code', sink, []);
  const found = firstMapped(codings, (s, c) => (typeof s === 'string' && typeof c === 'string' ? tables.procedures.get(s)?.get(c) : undefined));
  if (!found) return noFacts;
  const before = sink.count;
  const period = objectField(r, 'performedPeriod', sink, []);
  const date = dateField(r, 'performedDateTime', sink, []) ?? (period ? dateField(period, 'start', sink, ['performedPeriod']) : undefined);
  if (sink.count > before) return noFacts;
  if (date === undefined) {
    sink.add(['performedDateTime'], 'required');
    return noFacts;
  }
  const fact: ProcedureFact = { kind: found.value, date, source, code: found.code };
  return [{ kind: 'procedure', fact }];
}
