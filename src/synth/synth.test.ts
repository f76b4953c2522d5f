import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { bundleToRecord } from '../fhir/bundle.ts';
import { defaultCodeTables } from '../fhir/code-tables.ts';
import { resourceFacts } from '../fhir/resource-facts.ts';
import { exportResourceTypes, syntheticBundle, syntheticPatient, writeSyntheticExport } from './index.ts';

const asOf = '2026-12-01';
const tables = defaultCodeTables();
let a = '';
let b = '';

const read = (dir: string, type: string) => readFileSync(join(dir, `${type}.ndjson`), 'utf8');
const lines = (dir: string, type: string) => read(dir, type).split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('synthetic patients', () => {
  before(async () => {
    a = mkdtempSync(join(tmpdir(), 'firstdose-synth-a-'));
    b = mkdtempSync(join(tmpdir(), 'firstdose-synth-b-'));
    await writeSyntheticExport(a, { patients: 300, seed: 7, asOf });
    await writeSyntheticExport(b, { patients: 300, seed: 7, asOf });
  });
  after(() => {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  });

  it('are the same for the same seed, byte for byte, and differ for another', () => {
    for (const type of exportResourceTypes) assert.equal(read(a, type), read(b, type), type);
    assert.deepEqual(syntheticPatient(7, 12, asOf), syntheticPatient(7, 12, asOf));
    assert.notDeepEqual(syntheticPatient(7, 12, asOf), syntheticPatient(8, 12, asOf));
    // Patient 12 of the export is the patient generated on its own.
    const alone = syntheticPatient(7, 12, asOf);
    assert.deepEqual(lines(a, 'Patient')[12], alone.resources[0]);
  });

  it('write one valid NDJSON file per type whose resources map without issues', () => {
    const patients = new Set(lines(a, 'Patient').map((p) => `Patient/${p.id}`));
    assert.equal(patients.size, 300);
    const ids = new Set<string>();
    const perPatient = new Map<string, number>();
    const units = new Set<string>();
    for (const type of exportResourceTypes) {
      for (const r of lines(a, type)) {
        assert.equal(r.resourceType, type);
        assert.ok(!ids.has(`${type}/${r.id}`), `duplicate ${type}/${r.id}`);
        ids.add(`${type}/${r.id}`);
        const mapped = resourceFacts(r, tables);
        assert.ok(mapped.ok, JSON.stringify(!mapped.ok && mapped.issues));
        const subject = type === 'Patient' ? `Patient/${r.id}` : (r.subject as { reference: string }).reference;
        assert.ok(patients.has(subject), subject);
        perPatient.set(subject, (perPatient.get(subject) ?? 0) + 1);
        const q = r.valueQuantity as { unit?: string } | undefined;
        if (q?.unit) units.add(q.unit);
      }
    }
    const counts = [...perPatient.values()];
    const mean = counts.reduce((s, n) => s + n, 0) / counts.length;
    assert.ok(mean >= 20 && mean <= 60, `mean ${mean} resources per patient`);
    for (const unit of ['umol/L', 'mg/dL', 'g/L', 'g/dL', '10*9/L', '10*3/uL', '{titer}']) assert.ok(units.has(unit), unit);
  });

  it('make about a third lupus patients, who look like HN2301 candidates', () => {
    const conditions = lines(a, 'Condition');
    const sle = new Set(conditions.filter((c) => JSON.stringify(c.code).includes('55464009')).map((c) => (c.subject as { reference: string }).reference));
    assert.ok(sle.size >= 0.25 * 300 && sle.size <= 0.45 * 300, `${sle.size} SLE patients`);
    const women = lines(a, 'Patient').filter((p) => sle.has(`Patient/${p.id}`) && p.gender === 'female').length;
    assert.ok(women / sle.size > 0.8);
    const forms = lines(a, 'QuestionnaireResponse').map((q) => q.questionnaire);
    for (const q of ['sledai-2k', 'eular-acr-2019', 'screening-attestations']) assert.ok(forms.includes(`https://firstdose.dev/fhir/Questionnaire/${q}`), q);
  });

  it('make example bundles of either kind that map to a record', () => {
    const sle = bundleToRecord(syntheticBundle(1, 'sle'), tables);
    assert.ok(sle.ok);
    assert.ok(sle.value.conditions.some((c) => c.kind === 'sle'));
    assert.ok(sle.value.medications.length > 0 && sle.value.observations.length > 10);
    const other = bundleToRecord(syntheticBundle(1, 'other'), tables);
    assert.ok(other.ok);
    assert.ok(!other.value.conditions.some((c) => c.kind === 'sle'));
    assert.deepEqual(syntheticBundle(1, 'sle'), syntheticBundle(1, 'sle'));
  });
});
