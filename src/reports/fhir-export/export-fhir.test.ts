// The demo trial exported as a Bundle and as NDJSON: every resource passes the official FHIR R4
// JSON Schema, the Patient carries nothing identifying, and each export is an audited security
// event whose SHA-256 is the file's; someone without an export role gets a refusal, on
// record, and no file.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { defaultCodeTables } from '../../fhir/index.ts';
import { hn2301 } from '../../protocols/test-support.ts';
import type { Db } from '../../store/index.ts';
import { freshDb } from '../../store/test-support.ts';
import { ConductRefusal, loadDemo, siteDate } from '../../store/trial/index.ts';
import { exportFhir, type FhirExportSummary } from './export-fhir.ts';
import { sha256 } from './export-audit.ts';
import { fhirSchemaIssues } from './fhir-schema-test-support.ts';
import type { Resource } from './fhir-base.ts';

describe('FHIR export of the demo trial', () => {
  let db: Db;
  const out = mkdtempSync(join(tmpdir(), 'firstdose-fhir-'));
  const bundleFile = join(out, 'hn2301.json');
  const ndjsonDir = join(out, 'ndjson');
  let bundleSummary: FhirExportSummary;
  let ndjsonSummary: FhirExportSummary;
  before(async () => {
    db = await freshDb('pglite');
    await loadDemo(db, hn2301, siteDate(new Date()));
    bundleSummary = await exportFhir(db, { study: 'hn2301', out: bundleFile, actor: { user: 'dm.chen' } });
    ndjsonSummary = await exportFhir(db, { study: 'hn2301', out: ndjsonDir, actor: { user: 'admin' } });
  });
  after(async () => {
    await db?.close();
    rmSync(out, { recursive: true, force: true });
  });

  const bundle = () => JSON.parse(readFileSync(bundleFile, 'utf8')) as { resourceType: string; type: string; entry: { fullUrl: string; resource: Resource }[] };
  const ndjson = () =>
    readdirSync(ndjsonDir).flatMap((f) =>
      readFileSync(join(ndjsonDir, f), 'utf8')
        .trimEnd()
        .split('\n')
        .map((line) => ({ file: f, resource: JSON.parse(line) as Resource })),
    );

  it('writes a collection Bundle and one NDJSON file per type, holding the same resources', () => {
    const b = bundle();
    assert.equal(b.type, 'collection');
    assert.deepEqual(bundleSummary.counts, ndjsonSummary.counts);
    assert.deepEqual(bundleSummary.counts, { ResearchStudy: 1, Patient: 6, ResearchSubject: 6, MedicationAdministration: 4, Observation: bundleSummary.counts.Observation, AdverseEvent: 2 });
    assert.ok(bundleSummary.counts.Observation > 50);
    const lines = ndjson();
    assert.equal(lines.length, b.entry.length);
    for (const { file, resource } of lines) assert.equal(file, `${resource.resourceType}.ndjson`);
    assert.deepEqual(lines.map((l) => l.resource.id).sort(), b.entry.map((e) => e.resource.id).sort());
  });

  it('every resource, in both forms, and the Bundle pass the FHIR R4 JSON Schema', () => {
    const b = bundle();
    assert.deepEqual(fhirSchemaIssues(b), []);
    for (const { resource } of [...b.entry, ...ndjson()]) assert.deepEqual(fhirSchemaIssues(resource), [], `${resource.resourceType}/${resource.id}`);
  });

  it('every reference resolves inside the export', () => {
    const b = bundle();
    const ids = new Set(b.entry.map((e) => `${e.resource.resourceType}/${e.resource.id}`));
    const refs = JSON.stringify(b).match(/"reference":"[^"#]+"/g) ?? [];
    assert.ok(refs.length > 100);
    for (const r of refs) assert.ok(ids.has(r.slice('"reference":"'.length, -1)), r);
  });

  it('Patients are pseudonymised: the pseudonym, sex and birth year, nothing else', () => {
    const patients = bundle().entry.filter((e) => e.resource.resourceType === 'Patient').map((e) => e.resource);
    assert.deepEqual(patients.map((p) => p.id), ['hn2301-001', 'hn2301-002', 'hn2301-003', 'hn2301-004', 'hn2301-005', 'hn2301-006']);
    for (const p of patients) {
      assert.deepEqual(Object.keys(p).filter((k) => !['resourceType', 'id', 'meta', 'identifier', 'gender', 'birthDate'].includes(k)), []);
      assert.match(String(p.birthDate), /^\d{4}$/);
    }
    // Nothing of the screening bundles' identifying data (names, full birth dates) leaves.
    assert.doesNotMatch(readFileSync(bundleFile, 'utf8'), /"birthDate":"\d{4}-|"name":\[|"family"|"given"/);
  });

  it('the labs carry LOINC codes and UCUM units; SLEDAI-2K totals are survey Observations', () => {
    const obs = bundle().entry.map((e) => e.resource).filter((r) => r.resourceType === 'Observation');
    const labs = obs.filter((o) => JSON.stringify(o.category).includes('laboratory'));
    assert.ok(labs.length > 40);
    // A lab the import code tables know is coded in LOINC; one they do not know keeps FirstDose's code.
    const tables = defaultCodeTables().document.observations as Record<string, unknown>;
    for (const o of labs) {
      const coding = (o.code as { coding: { system: string; code: string }[] }).coding[0]!;
      if (coding.system !== 'http://loinc.org') assert.equal(tables[coding.code], undefined, coding.code);
    }
    assert.ok(labs.filter((o) => JSON.stringify(o.code).includes('http://loinc.org')).length > 40);
    const sledai = obs.filter((o) => (o.code as { coding: { code: string }[] }).coding[0]!.code === 'sledai-2k-total');
    // Baseline arthritis 4 + rash 2 + proteinuria 4 + low complement 2; month 3 low complement 2.
    assert.deepEqual(sledai.map((o) => o.valueInteger as number).sort((a, b) => a - b), [2, 2, 2, 12, 12, 12]);
  });

  it('records each export as a security event with who, scope, format and each file\'s SHA-256', async () => {
    const events = await db.query<{ username: string; detail: { format: string; scope: { study: string; subjects: number }; files: { path: string; sha256: string }[] } }>(
      "SELECT username, detail FROM security_event WHERE kind = 'export' ORDER BY created_at",
    );
    assert.deepEqual(events.map((e) => [e.username, e.detail.format, e.detail.scope.study, e.detail.scope.subjects]), [
      ['dm.chen', 'fhir-r4-bundle', 'hn2301', 6],
      ['admin', 'fhir-r4-ndjson', 'hn2301', 6],
    ]);
    for (const e of events) for (const f of e.detail.files) assert.equal(f.sha256, sha256(readFileSync(f.path)), f.path);
    assert.equal(events[1]!.detail.files.length, 6);
  });

  it('refuses someone without a study-wide export role, records the refusal and writes nothing', async () => {
    const target = join(out, 'refused.json');
    await assert.rejects(exportFhir(db, { study: 'hn2301', out: target, actor: { user: 'crc.li' } }), (e: unknown) => e instanceof ConductRefusal && e.code === 'export_not_permitted');
    assert.equal(existsSync(target), false);
    const refused = await db.query<{ detail: { action: string } }>("SELECT detail FROM security_event WHERE kind = 'refused' AND username = 'crc.li'");
    assert.deepEqual(refused.map((r) => r.detail.action), ['export']);
  });
});
