// One patient's FHIR R4 Bundle (https://hl7.org/fhir/R4/bundle.html) → PatientRecord. Every entry is
// mapped by resourceFacts; references between entries resolve through fullUrl (urn:uuid: in a
// transaction) or `Type/id`. A bundle is about one patient: a resource about anyone else is an issue,
// and so is every malformed field, all collected with the entry's path and the resource's name.
import type { PatientRecord } from '../domain/eligibility/patient-record.ts';
import { fail, type Issue, issue, ok, type Result } from '../domain/result.ts';
import { unstorableIssue } from '../domain/storable.ts';
import type { CodeTables } from './code-tables-types.ts';
import { describe, isObject, type Json, normalisePatientReference } from './fhir-read.ts';
import { addFacts, emptyRecord } from './record-builder.ts';
import { resourceFacts } from './resource-facts.ts';

const bundleTypes = ['collection', 'batch', 'transaction', 'searchset'];

/** `Medication/1` from a relative or absolute reference (with or without `_history`). */
const typeAndId = /([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

interface Entry {
  readonly index: number;
  readonly resource: Json;
  readonly fullUrl?: string;
}

function readEntries(bundle: Json, issues: Issue[]): Entry[] {
  const list = bundle['entry'];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    issues.push(issue(['entry'], 'invalid_type', { expected: 'array', received: describe(list) }));
    return [];
  }
  const entries: Entry[] = [];
  list.forEach((entry, index) => {
    if (!isObject(entry)) {
      issues.push(issue(['entry', index], 'invalid_type', { expected: 'object', received: describe(entry) }));
      return;
    }
    const fullUrl = entry['fullUrl'];
    if (fullUrl !== undefined && typeof fullUrl !== 'string')
      issues.push(issue(['entry', index, 'fullUrl'], 'invalid_type', { expected: 'string', received: describe(fullUrl) }));
    const resource = entry['resource'];
    // A search outcome (OperationOutcome) is about the search, and an entry without a resource (a
    // transaction DELETE, a batch GET) carries no clinical data.
    if (resource === undefined || (isObject(entry['search']) && entry['search']['mode'] === 'outcome')) return;
    if (isObject(resource)) entries.push(typeof fullUrl === 'string' ? { index, resource, fullUrl } : { index, resource });
    else issues.push(issue(['entry', index, 'resource'], 'invalid_type', { expected: 'object', received: describe(resource) }));
  });
  return entries;
}

function indexEntries(entries: readonly Entry[]): Map<string, Json> {
  const byReference = new Map<string, Json>();
  for (const { resource, fullUrl } of entries) {
    if (fullUrl !== undefined) byReference.set(fullUrl, resource);
    if (typeof resource['resourceType'] === 'string' && typeof resource['id'] === 'string') byReference.set(`${resource['resourceType']}/${resource['id']}`, resource);
  }
  return byReference;
}

/** The key a patient is known by in this bundle: `Patient/<id>`, else its fullUrl. */
function patientKey(patient: Json, fullUrl: string | undefined): string | undefined {
  if (typeof patient['id'] === 'string' && patient['id'] !== '') return `Patient/${patient['id']}`;
  return fullUrl === undefined ? undefined : (normalisePatientReference(fullUrl) ?? fullUrl);
}

export function bundleToRecord(bundle: unknown, tables: CodeTables): Result<PatientRecord> {
  if (!isObject(bundle)) return fail(issue([], 'invalid_type', { expected: 'object', received: describe(bundle) }));
  // Its values are kept with the screening (evidence, proposals): text the database cannot store
  // (NUL, half a surrogate pair) failed there as a server error; nesting past any record's stopped
  // the readers' stacks.
  const unstorable = unstorableIssue(bundle);
  if (unstorable) return fail(unstorable);
  const issues: Issue[] = [];
  const resourceType = bundle['resourceType'];
  if (resourceType === undefined) issues.push(issue(['resourceType'], 'required'));
  else if (resourceType !== 'Bundle') issues.push(issue(['resourceType'], 'invalid_choice', { value: String(resourceType), allowed: ['Bundle'] }));
  const type = bundle['type'];
  if (type === undefined) issues.push(issue(['type'], 'required'));
  else if (typeof type !== 'string' || !bundleTypes.includes(type)) issues.push(issue(['type'], 'invalid_choice', { value: String(type), allowed: bundleTypes }));
  const entries = readEntries(bundle, issues);
  const byReference = indexEntries(entries);
  const resolve = (reference: string) => byReference.get(reference) ?? byReference.get(typeAndId.exec(reference)?.[1] ?? '');

  const firstPatient = entries.find((e) => e.resource['resourceType'] === 'Patient');
  let patient = firstPatient && patientKey(firstPatient.resource, firstPatient.fullUrl);
  /** A subject as this bundle's patient key: urn:uuid references resolve to the entry they name. */
  const canonical = (subject: string): string | undefined => {
    if (!subject.startsWith('urn:')) return subject;
    const target = byReference.get(subject);
    return target?.['resourceType'] === 'Patient' ? patientKey(target, subject) : undefined;
  };

  const record = emptyRecord();
  for (const { index, resource, fullUrl } of entries) {
    const path = ['entry', index, 'resource'];
    const mapped = resourceFacts(resource, tables, path, fullUrl === undefined ? { resolve } : { resolve, source: fullUrl });
    if (!mapped.ok) {
      issues.push(...mapped.issues);
      continue;
    }
    const { subject, facts } = mapped.value;
    const name = typeof resource['id'] === 'string' ? `${String(resource['resourceType'])}/${resource['id']}` : (fullUrl ?? String(resource['resourceType']));
    let about: string | undefined;
    if (resource['resourceType'] === 'Patient') about = patientKey(resource, fullUrl);
    else if (subject !== null) {
      about = canonical(subject);
      if (about === undefined) {
        if (facts.length > 0) issues.push(issue([...path, 'subject', 'reference'], 'unresolved_reference', { resource: name, reference: subject }));
        continue;
      }
    }
    if (about !== undefined) {
      patient ??= about;
      if (about !== patient) {
        const field = resource['resourceType'] === 'Patient' ? path : [...path, 'subject', 'reference'];
        issues.push(issue(field, 'other_patient', { resource: name, subject: about, patient }));
        continue;
      }
    }
    addFacts(record, facts);
  }
  if (issues.length > 0) return { ok: false, issues };
  if (record.id === undefined && patient?.startsWith('Patient/')) record.id = patient.slice('Patient/'.length);
  return ok(record);
}
