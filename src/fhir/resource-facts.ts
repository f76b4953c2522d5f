// One FHIR R4 resource → the facts it contributes and the patient it is about. Used resource by
// resource by the bulk pre-screener (NDJSON) and by bundleToRecord. A resource type FirstDose does
// not read, or a resource whose codes map to nothing, yields no facts and costs a few lookups.
import { fail, type IssuePath, ok, type Result } from '../domain/result.ts';
import type { CodeTables } from './code-tables-types.ts';
import { conditionFacts } from './condition.ts';
import { type Fact, noFacts, type PatientFact, type ResourceFacts } from './fact.ts';
import { dateField, isObject, type Json, normalisePatientReference, Sink, stringField, subjectOf } from './fhir-read.ts';
import { medicationFacts, type ResolveReference } from './medication.ts';
import { observationFacts } from './observation.ts';
import { procedureFacts } from './procedure.ts';
import { answerFacts } from './questionnaire-response.ts';

export interface ResourceOptions {
  /** Resolves a non-contained medicationReference (the bundle's entries, or a bulk export's Medication file). */
  readonly resolve?: ResolveReference;
  /** The source to cite for a resource without an id (a bundle entry's fullUrl). */
  readonly source?: string;
}

/** administrative-gender (https://hl7.org/fhir/R4/valueset-administrative-gender.html). */
const genders = new Set(['female', 'male', 'other', 'unknown']);

function patientFacts(r: Json, sink: Sink): readonly Fact[] {
  const fact: { -readonly [K in keyof PatientFact]: PatientFact[K] } = { kind: 'patient' };
  if (typeof r['id'] === 'string') fact.id = r['id'];
  const birthDate = dateField(r, 'birthDate', sink, []);
  if (birthDate !== undefined) fact.birthDate = birthDate;
  const gender = stringField(r, 'gender', sink, []);
  if (gender !== undefined) {
    if (genders.has(gender)) fact.sex = gender as PatientFact['sex'];
    else sink.add(['gender'], 'invalid_choice', { value: gender, allowed: [...genders] });
  }
  return [fact];
}

/** The subject without checking it, for resources that yield no facts (no issue is worth raising). */
function looseSubject(r: Json): string | null {
  const ref = r['subject'] ?? r['patient'];
  return isObject(ref) && typeof ref['reference'] === 'string' ? normalisePatientReference(ref['reference']) : null;
}

function factsOf(type: string, r: Json, tables: CodeTables, sink: Sink, options: ResourceOptions): readonly Fact[] {
  switch (type) {
    case 'Observation':
      return observationFacts(r, tables, sink, sink.resource);
    case 'Condition':
      return conditionFacts(r, tables, sink, sink.resource);
    case 'MedicationStatement':
      return medicationFacts(r, tables, sink, sink.resource, options.resolve);
    case 'Procedure':
      return procedureFacts(r, tables, sink, sink.resource);
    case 'QuestionnaireResponse':
      return answerFacts(r, sink, sink.resource);
    default:
      return noFacts;
  }
}

const used = new Set(['Patient', 'Observation', 'Condition', 'MedicationStatement', 'Procedure', 'QuestionnaireResponse']);

/**
 * The facts of one resource. Issues name the resource (`resource: 'Observation/abc'`) and carry the
 * field's path under `path` (for a bundle, `['entry', 3, 'resource']`). Never throws.
 */
export function resourceFacts(resource: unknown, tables: CodeTables, path: IssuePath = [], options: ResourceOptions = {}): Result<ResourceFacts> {
  if (!isObject(resource)) return fail({ path, code: 'invalid_type', params: { expected: 'object', received: resource === null ? 'null' : Array.isArray(resource) ? 'array' : typeof resource } });
  const type = resource['resourceType'];
  if (typeof type !== 'string' || type === '') {
    const params = { resource: options.source ?? '?', ...(type === undefined ? {} : { expected: 'string', received: typeof type }) };
    return fail({ path: [...path, 'resourceType'], code: type === undefined ? 'required' : 'invalid_type', params });
  }
  if (!used.has(type)) return ok({ subject: looseSubject(resource), facts: noFacts });
  const id = resource['id'];
  const source = typeof id === 'string' && id !== '' ? `${type}/${id}` : (options.source ?? type);
  const sink = new Sink(path, source);
  if (type === 'Patient') {
    const facts = patientFacts(resource, sink);
    if (sink.issues) return { ok: false, issues: sink.issues };
    return ok({ subject: typeof id === 'string' && id !== '' ? `Patient/${id}` : (options.source ?? null), facts });
  }
  const facts = factsOf(type, resource, tables, sink, options);
  if (facts.length === 0) return sink.issues ? { ok: false, issues: sink.issues } : ok({ subject: looseSubject(resource), facts });
  // Every resource type read here names its patient in `subject` (R4).
  const subject = subjectOf(resource, 'subject', sink);
  if (subject === undefined) sink.add(['subject'], 'required');
  if (sink.issues) return { ok: false, issues: sink.issues };
  return ok({ subject: subject ?? null, facts });
}
