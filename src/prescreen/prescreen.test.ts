import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Eligibility } from '../domain/eligibility/criterion-result.ts';
import { evaluateProtocol } from '../domain/eligibility/evaluate.ts';
import type { Protocol } from '../domain/protocol/schema.ts';
import { bundleToRecord } from '../fhir/bundle.ts';
import { defaultCodeTables } from '../fhir/code-tables.ts';
import { loadProtocol } from '../protocols/load.ts';
import { type Resource, toBundle, writeSyntheticExport } from '../synth/index.ts';
import { resourceFacts } from '../fhir/resource-facts.ts';
import { pruned, resourceFields } from '../fhir/resource-fields.ts';
import { extractFacts } from './extract.ts';
import { exportFiles } from './files.ts';
import { forEachLineBytes } from './ndjson.ts';
import { type PrescreenProgress, prescreen, recordOf, reduceExport } from './prescreen.ts';
import { compareRows, RowInterner, toRow } from './rank.ts';
import { readSparse } from './sparse-json.ts';

const asOf = '2026-12-01';
const protocol = ((): Protocol => {
  const p = loadProtocol('hn2301');
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.value;
})();
const tables = defaultCodeTables();
const json = (x: unknown) => JSON.parse(JSON.stringify(x));
let dir = '';
let shuffled = '';

/** Each patient's resources in the order the pre-screener reads them. */
async function bundles(from: string): Promise<Map<string, Resource[]>> {
  const out = new Map<string, Resource[]>();
  for (const file of await exportFiles(from)) {
    for (const line of readFileSync(file.path, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const r = JSON.parse(line) as Resource & { subject?: { reference: string } };
      const key = r.resourceType === 'Patient' ? `Patient/${r.id}` : r.subject!.reference;
      out.set(key, [...(out.get(key) ?? []), r]);
    }
  }
  return out;
}

/** The key test: the reducer must not change any answer. */
async function assertSameAsBundles(from: string, screeningDate: string): Promise<void> {
  const reduced = await reduceExport(from, protocol, { asOf: screeningDate });
  const byPatient = await bundles(from);
  assert.equal(reduced.state.patientCount, byPatient.size);
  assert.equal(reduced.issueCount, 0);
  for (let p = 0; p < reduced.state.patientCount; p++) {
    const key = reduced.state.key(p);
    const record = bundleToRecord(toBundle(byPatient.get(key)!), tables);
    assert.ok(record.ok, key);
    const expected = evaluateProtocol(protocol, record.value, screeningDate);
    const actual = evaluateProtocol(protocol, recordOf(reduced.state, p), screeningDate);
    assert.deepEqual(json(actual), json(expected), key);
  }
}

describe('prescreen over a synthetic export of 200 patients', () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'firstdose-prescreen-'));
    await writeSyntheticExport(dir, { patients: 200, seed: 2301, asOf });
    // The same export with files in another order (Observation before Patient) and lines reversed.
    shuffled = mkdtempSync(join(tmpdir(), 'firstdose-prescreen-shuffled-'));
    for (const [i, type] of ['QuestionnaireResponse', 'Observation', 'MedicationStatement', 'Patient', 'Condition', 'Procedure'].entries()) {
      const lines = readFileSync(join(dir, `${type}.ndjson`), 'utf8').split('\n').filter(Boolean).reverse();
      writeFileSync(join(shuffled, `${i}.${type}.ndjson`), `${lines.join('\r\n')}\n`);
    }
  });
  // Either may be unset when before() failed part way.
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (shuffled) rmSync(shuffled, { recursive: true, force: true });
  });

  it('reads every resource with the fast readers, to the same fields and facts as JSON.parse', async () => {
    for (const from of [dir, shuffled]) {
      let lines = 0;
      let extracted = 0;
      for (const file of await exportFiles(from)) {
        await forEachLineBytes(file.path, (bytes, start, end, lineNumber) => {
          lines++;
          const parsed = JSON.parse(bytes.toString('utf8', start, end)) as { resourceType: string };
          const sparse = readSparse(bytes, start, end, resourceFields);
          assert.deepStrictEqual(sparse, pruned(parsed, resourceFields(parsed.resourceType)), `${file.name}:${lineNumber}`);
          const general = resourceFacts(parsed, tables, [file.name, lineNumber]);
          assert.deepStrictEqual(json(resourceFacts(sparse, tables, [file.name, lineNumber])), json(general));
          const fast = extractFacts(bytes, start, end, tables);
          if (fast === undefined) return;
          extracted++;
          assert.ok(general.ok, `${file.name}:${lineNumber}`);
          assert.deepStrictEqual(fast.facts, general.value.facts, `${file.name}:${lineNumber}`);
          if (fast.facts.length > 0) assert.equal(fast.subject, general.value.subject);
        });
      }
      assert.ok(lines > 5000, `${lines} lines`);
      // Lab results are most of an export, and nearly all are read by their extractor.
      assert.ok(extracted > lines / 2, `${extracted} of ${lines} lines extracted`);
    }
  });

  it('screens every patient exactly as a bundle of the same resources', async () => assertSameAsBundles(dir, asOf));

  it('whatever the order of files and lines (CRLF line ends too)', async () => assertSameAsBundles(shuffled, asOf));

  it('on an earlier screening date, with results dated after it', async () => assertSameAsBundles(dir, '2026-10-15'));

  it('ranks eligible, then undetermined by fewest missing items, then not eligible; rows match the bundles', async () => {
    const progress: PrescreenProgress[] = [];
    const result = await prescreen(dir, protocol, { asOf, details: 'all', onProgress: (p) => progress.push(p) });
    assert.equal(result.patients, 200);
    assert.equal(result.rows.length, 200);
    for (let i = 1; i < result.rows.length; i++) assert.ok(compareRows(result.rows[i - 1]!, result.rows[i]!) < 0);
    const byPatient = await bundles(dir);
    const interner = new RowInterner();
    for (const row of result.rows) {
      const record = bundleToRecord(toBundle(byPatient.get(`Patient/${row.patient}`)!), tables);
      assert.ok(record.ok);
      assert.deepEqual(row, toRow(row.patient, evaluateProtocol(protocol, record.value, asOf), interner));
    }
    const counts = result.counts;
    assert.equal(counts.yes + counts.undetermined + counts.no, 200);
    assert.ok(counts.yes > 0 && counts.undetermined > 0, JSON.stringify(counts));
    // Progress: both phases reach their totals.
    const read = progress.filter((p) => p.phase === 'read');
    const evaluate = progress.filter((p) => p.phase === 'evaluate');
    assert.equal(read.at(-1)!.done, read.at(-1)!.total);
    assert.equal(evaluate.at(-1)!.done, 200);
    for (let i = 1; i < read.length; i++) assert.ok(read[i]!.done >= read[i - 1]!.done);
  });

  it('lists the same candidates when not-eligible patients are only counted', async () => {
    const all = await prescreen(dir, protocol, { asOf, details: 'all' });
    const candidates = await prescreen(dir, protocol, { asOf });
    assert.deepEqual(candidates.counts, all.counts);
    assert.deepEqual(
      candidates.rows,
      all.rows.filter((r) => r.eligible !== Eligibility.no),
    );
  });

  it('counts unreadable lines and resources against their patient and goes on', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'firstdose-prescreen-broken-'));
    try {
      writeFileSync(join(broken, 'Patient.ndjson'), '{"resourceType":"Patient","id":"a","gender":"female","birthDate":"1990-01-01"}\n{not json\n\n');
      writeFileSync(join(broken, 'Observation.ndjson'), '{"resourceType":"Observation","id":"1","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"751-8"}]},"subject":{"reference":"Patient/a"},"effectiveDateTime":"2026-13-45","valueQuantity":{"value":2,"unit":"10*9/L"}}\n');
      const result = await prescreen(broken, protocol, { asOf, details: 'all' });
      assert.equal(result.resources, 3);
      assert.equal(result.issueCount, 2);
      assert.deepEqual(result.issues.map((i) => i.code).sort(), ['invalid_date', 'invalid_json']);
      assert.equal(result.rows.find((r) => r.patient === 'a')?.dataIssues, 1);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
