// Population pre-screening over a FHIR Bulk Data export. One pass reads every NDJSON file line by
// line and maps each resource to facts: a lab result of the usual shape straight from its bytes
// (extract.ts), anything else by the general path, which stays the definition — only the fields the
// mapping reads (sparse-json.ts, JSON.parse where it cannot be sure), then resourceFacts (src/fhir,
// the same mapping a bundle gets). The facts are reduced into a small per-patient state (state.ts)
// holding only what the protocol can read (needs.ts). Then each patient's state becomes a
// PatientRecord, decoded kind by kind as its criteria ask (lazy-record.ts), is screened with
// evaluateProtocol's criteria (the same evaluation as `screen`, without the evidence a row does not
// hold: screener.ts) and released, and the rows are ranked (rank.ts).
import { Eligibility } from '../domain/eligibility/criterion-result.ts';
import type { PatientRecord } from '../domain/eligibility/patient-record.ts';
import type { Protocol } from '../domain/protocol/schema.ts';
import { type Issue, issue } from '../domain/result.ts';
import { defaultCodeTables } from '../fhir/code-tables.ts';
import type { CodeTables } from '../fhir/code-tables-types.ts';
import { isObject, type Json, normalisePatientReference } from '../fhir/fhir-read.ts';
import { resourceFacts } from '../fhir/resource-facts.ts';
import { resourceFields } from '../fhir/resource-fields.ts';
import { extractFacts } from './extract.ts';
import { exportFiles } from './files.ts';
import { forEachLineBytes } from './ndjson.ts';
import { protocolNeeds } from './needs.ts';
import { type PrescreenRow, RowInterner, rankRows, toRow } from './rank.ts';
import { LazyRecord } from './lazy-record.ts';
import { Screener } from './screener.ts';
import { readSparse } from './sparse-json.ts';
import { PrescreenState } from './state.ts';

export const PrescreenPhase = { read: 'read', evaluate: 'evaluate' } as const;
export type PrescreenPhase = (typeof PrescreenPhase)[keyof typeof PrescreenPhase];

export interface PrescreenProgress {
  readonly phase: PrescreenPhase;
  /** Bytes read (phase read) or patients screened (phase evaluate). */
  readonly done: number;
  readonly total: number;
}

export interface PrescreenOptions {
  /** The screening date (YYYY-MM-DD). */
  readonly asOf: string;
  readonly tables?: CodeTables;
  readonly onProgress?: (progress: PrescreenProgress) => void;
  /** How many issues to keep as examples (all are counted). */
  readonly issueSample?: number;
  /**
   * `candidates` (default): rows for eligible and undetermined patients only; a not-eligible patient
   * is counted once one criterion is not met. `all`: every criterion of every patient, and a row each.
   */
  readonly details?: 'candidates' | 'all';
}

export interface PrescreenResult {
  readonly protocol: string;
  readonly protocolVersion: string;
  readonly asOf: string;
  readonly files: ReadonlyArray<{ readonly name: string; readonly resources: number }>;
  readonly resources: number;
  readonly patients: number;
  readonly counts: Readonly<Record<Eligibility, number>>;
  readonly details: 'candidates' | 'all';
  /** Ranked: eligible, undetermined by fewest missing items, then (details `all`) not eligible. */
  readonly rows: readonly PrescreenRow[];
  /** Resources that could not be read or mapped (each also counted against its patient when known). */
  readonly issueCount: number;
  readonly issues: readonly Issue[];
  /** Facts written to the state and facts dropped on arrival. */
  readonly facts: { readonly kept: number; readonly dropped: number };
}

/** The patient a resource that failed to map is about, read loosely (for the per-patient issue count). */
function looseSubject(resource: unknown): string | undefined {
  if (!isObject(resource)) return undefined;
  if (resource['resourceType'] === 'Patient') return typeof resource['id'] === 'string' ? `Patient/${resource['id']}` : undefined;
  const ref = resource['subject'] ?? resource['patient'];
  return isObject(ref) && typeof ref['reference'] === 'string' ? (normalisePatientReference(ref['reference']) ?? undefined) : undefined;
}

/** The state after the read pass, before screening. */
export interface ReducedExport {
  readonly state: PrescreenState;
  readonly files: ReadonlyArray<{ readonly name: string; readonly resources: number }>;
  readonly resources: number;
  readonly issueCount: number;
  readonly issues: readonly Issue[];
  /** Unreadable resources per patient key. */
  readonly patientIssues: ReadonlyMap<string, number>;
}

/** The read pass: every resource of the export reduced into the per-patient state. */
export async function reduceExport(dir: string, protocol: Protocol, options: PrescreenOptions): Promise<ReducedExport> {
  const tables = options.tables ?? defaultCodeTables();
  const sample = options.issueSample ?? 20;
  const files = await exportFiles(dir);
  const totalBytes = files.reduce((n, f) => n + f.bytes, 0);
  const state = new PrescreenState(protocolNeeds(protocol), options.asOf);
  const issues: Issue[] = [];
  let issueCount = 0;
  const patientIssues = new Map<string, number>();
  const medications = new Map<string, Json>();
  const resolve = (reference: string) => medications.get(reference) ?? medications.get(reference.replace(/^.*\/(Medication\/[^/]+)$/, '$1'));
  const resourceOptions = { resolve };
  const fail = (found: readonly Issue[], resource: unknown) => {
    issueCount++;
    for (const i of found) if (issues.length < sample) issues.push(i);
    const subject = looseSubject(resource);
    if (subject !== undefined) patientIssues.set(subject, (patientIssues.get(subject) ?? 0) + 1);
  };

  let seq = 0;
  let bytesBefore = 0;
  const perFile: Array<{ name: string; resources: number }> = [];
  for (const file of files) {
    let resources = 0;
    await forEachLineBytes(
      file.path,
      (bytes, start, end, lineNumber) => {
        seq++;
        resources++;
        // The resource's type reads it from its bytes when it can be sure (extract.ts).
        const fast = extractFacts(bytes, start, end, tables);
        if (fast !== undefined) {
          if (fast.subject !== null && fast.facts.length > 0) state.add(fast.subject, seq, fast.facts);
          return;
        }
        // Only the fields resourceFacts reads; JSON.parse when the fast reader cannot be sure.
        let resource: unknown = readSparse(bytes, start, end, resourceFields);
        if (resource === undefined) {
          try {
            resource = JSON.parse(bytes.toString('utf8', start, end));
          } catch (error) {
            fail([issue([file.name, lineNumber], 'invalid_json', { detail: (error as Error).message })], undefined);
            return;
          }
        }
        if (isObject(resource) && resource['resourceType'] === 'Medication' && typeof resource['id'] === 'string') medications.set(`Medication/${resource['id']}`, resource);
        const mapped = resourceFacts(resource, tables, [file.name, lineNumber], resourceOptions);
        if (!mapped.ok) return fail(mapped.issues, resource);
        const { subject, facts } = mapped.value;
        if (subject !== null && facts.length > 0) state.add(subject, seq, facts);
      },
      (bytes) => options.onProgress?.({ phase: PrescreenPhase.read, done: bytesBefore + bytes, total: totalBytes }),
    );
    bytesBefore += file.bytes;
    perFile.push({ name: file.name, resources });
  }
  return { state, files: perFile, resources: seq, issueCount, issues, patientIssues };
}

/** Patient `p`'s record from its state, as bundleToRecord would build it from the same resources. */
export function recordOf(state: PrescreenState, p: number, release = false): PatientRecord {
  const record = new LazyRecord(state, p).whole();
  if (release) state.release(p);
  return record;
}

export async function prescreen(dir: string, protocol: Protocol, options: PrescreenOptions): Promise<PrescreenResult> {
  const reduced = await reduceExport(dir, protocol, options);
  const { state, patientIssues } = reduced;
  const details = options.details ?? 'candidates';
  const screener = new Screener(protocol, options.asOf);
  const interner = new RowInterner();
  const rows: PrescreenRow[] = [];
  const counts = { [Eligibility.yes]: 0, [Eligibility.undetermined]: 0, [Eligibility.no]: 0 };
  const total = state.patientCount;
  for (let p = 0; p < total; p++) {
    const key = state.key(p);
    const patient = new LazyRecord(state, p);
    const result = screener.screen(patient, details === 'all');
    state.release(p);
    counts[result.eligible]++;
    if ('criteria' in result) rows.push(toRow(patient.record.id ?? key, result, interner, patientIssues.get(key) ?? 0));
    if ((p + 1) % 1000 === 0 || p + 1 === total) options.onProgress?.({ phase: PrescreenPhase.evaluate, done: p + 1, total });
  }
  return {
    protocol: protocol.id,
    protocolVersion: protocol.version,
    asOf: options.asOf,
    files: reduced.files,
    resources: reduced.resources,
    patients: total,
    counts,
    details,
    rows: rankRows(rows),
    issueCount: reduced.issueCount,
    issues: reduced.issues,
    facts: { kept: state.kept, dropped: state.dropped },
  };
}
