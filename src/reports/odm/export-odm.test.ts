// The demo trial as ODM 1.3.2, read back by parsers FirstDose did not write: fast-xml-parser
// (always) and libxml2's xmllint (when installed; Debian libxml2-utils). Read back, the file
// gives every audit record of the subjects' records once, with its user, time, reason and value
// as the audit trail holds them, and every signature with its meaning, signer,
// binding hash and whether it still holds. The export is a security event carrying
// the file's SHA-256.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { hn2301 } from '../../protocols/test-support.ts';
import { sha256 } from '../fhir-export/index.ts';
import type { Db } from '../../store/index.ts';
import { updateRow } from '../../store/audit.ts';
import { adverseEvent } from '../../store/schema-conduct.ts';
import { freshDb } from '../../store/test-support.ts';
import { loadDemo, siteDate } from '../../store/trial/index.ts';
import { exportOdm, type OdmExportSummary } from './export-odm.ts';

type Node = Record<string, unknown>;
const many = ['Study', 'StudyEventRef', 'StudyEventDef', 'FormRef', 'FormDef', 'ItemGroupRef', 'ItemGroupDef', 'ItemRef', 'ItemDef', 'User', 'Location', 'SignatureDef', 'SubjectData', 'StudyEventData', 'FormData', 'ItemGroupData', 'ItemData'];
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => many.includes(name),
});

/** The audit records the file must carry, found by SQL of its own: every record of the study's subjects that is or was part of the record. */
const expectedAudit = `
  WITH s AS (SELECT id FROM subject WHERE study_id = (SELECT id FROM study WHERE code = 'hn2301')),
  rows AS (
    SELECT 'subject' AS t, id FROM s
    UNION ALL SELECT 'screening_result', id FROM screening_result WHERE subject_id IN (SELECT id FROM s)
    UNION ALL SELECT 'visit', id FROM visit WHERE subject_id IN (SELECT id FROM s)
    UNION ALL SELECT 'observation', id FROM observation WHERE subject_id IN (SELECT id FROM s) AND status IN ('final', 'entered-in-error')
    UNION ALL SELECT 'dose_administration', id FROM dose_administration WHERE subject_id IN (SELECT id FROM s)
    UNION ALL SELECT 'adverse_event', id FROM adverse_event WHERE subject_id IN (SELECT id FROM s)
    UNION ALL SELECT 'data_query', id FROM data_query WHERE subject_id IN (SELECT id FROM s))
  SELECT a.seq, a.user_id, a.recorded_at, a.reason, a.new_value, a.operation FROM audit_log a JOIN rows r ON r.t = a.table_name AND r.id::text = a.row_id ORDER BY a.seq`;

describe('ODM export of the demo trial', () => {
  let db: Db;
  let summary: OdmExportSummary;
  let text: string;
  let odm: Node;
  const out = mkdtempSync(join(tmpdir(), 'firstdose-odm-'));
  const file = join(out, 'hn2301.xml');
  before(async () => {
    db = await freshDb('pglite');
    await loadDemo(db, hn2301, siteDate(new Date()));
    // A change after the DLT call: its signature no longer holds, and the file must say so.
    const [ae] = await db.query<{ id: string; version: number }>("SELECT id, version FROM adverse_event WHERE dlt = 'no'");
    await updateRow(db, adverseEvent, ae!.id, ae!.version, { outcome: 'recovered without sequelae' }, { user: 'pi.zhang', reason: 'outcome worded as in the source' });
    summary = await exportOdm(db, { study: 'hn2301', out: file, actor: { user: 'dm.chen' } });
    text = readFileSync(file, 'utf8');
    odm = parser.parse(text).ODM as Node;
  });
  after(async () => {
    await db?.close();
    rmSync(out, { recursive: true, force: true });
  });

  const subjects = () => (odm.ClinicalData as Node).SubjectData as Node[];
  const groups = () => subjects().flatMap((s) => (s.StudyEventData as Node[]).flatMap((e) => (e.FormData as Node[]).flatMap((f) => f.ItemGroupData as Node[])));
  const items = () => groups().flatMap((g) => (g.ItemData as Node[] | undefined) ?? []);

  it('is well-formed XML for an independent parser, and for xmllint where it is installed', (t) => {
    assert.equal(XMLValidator.validate(text), true);
    assert.equal(odm['@ODMVersion'], '1.3.2');
    assert.equal(odm['@FileType'], 'Transactional');
    const xmllint = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
    if (xmllint.error) return t.skip('xmllint is not installed (Debian package libxml2-utils)');
    assert.equal(xmllint.status, 0, xmllint.stderr);
  });

  it('carries every subject, and every audit record of their records once, as the audit trail holds it', async () => {
    assert.deepEqual(subjects().map((s) => s['@SubjectKey']), ['001', '002', '003', '004', '005', '006']);
    const expected = await db.query<{ seq: number; user_id: string; recorded_at: Date; reason: string | null; new_value: unknown; operation: string }>(expectedAudit);
    const read = items().map((i) => {
      const a = i.AuditRecord as Node;
      return {
        seq: Number(String(a.SourceID).replace('audit_log/', '')),
        user: (a.UserRef as Node)['@UserOID'],
        at: a.DateTimeStamp,
        reason: a.ReasonForChange ?? null,
        value: i['@IsNull'] === 'Yes' ? null : i['@Value'],
        transaction: i['@TransactionType'],
      };
    });
    assert.equal(read.length, expected.length);
    assert.equal(summary.auditRecords, expected.length);
    const bySeq = new Map(read.map((r) => [r.seq, r]));
    assert.equal(bySeq.size, read.length);
    for (const e of expected) {
      const r = bySeq.get(e.seq);
      assert.ok(r, `audit record ${e.seq} missing`);
      const value = e.new_value === null ? null : typeof e.new_value === 'object' ? JSON.stringify(e.new_value) : String(e.new_value);
      assert.deepEqual(r, { seq: e.seq, user: `USR.${e.user_id}`, at: e.recorded_at.toISOString(), reason: e.reason, value, transaction: { INSERT: 'Insert', UPDATE: 'Update', DELETE: 'Remove' }[e.operation] });
    }
    assert.ok(read.some((r) => r.reason === 'outcome worded as in the source' && r.value === 'recovered without sequelae'));
  });

  it('carries every signature with its meaning, signer, binding hash and whether it still holds', () => {
    const admin = odm.AdminData as Node;
    const defs = new Map((admin.SignatureDef as Node[]).map((d) => [d['@OID'], d.Meaning]));
    const users = new Map((admin.User as Node[]).map((u) => [u['@OID'], u.FullName]));
    const signed = groups().filter((g) => g.Signature);
    assert.equal(signed.length, 6);
    assert.equal(summary.signatures, 6);
    for (const g of signed) {
      const s = g.Signature as Node;
      assert.equal(g['@TransactionType'], 'Context');
      assert.ok(defs.has((s.SignatureRef as Node)['@SignatureOID']));
      assert.equal(users.get((s.UserRef as Node)['@UserOID']), 'Zhang Wei (PI)');
      assert.match(String(s.CryptoBindingManifest), /^sha256:[0-9a-f]{64}$/);
    }
    assert.deepEqual([...defs.values()].sort(), ['Investigator: DLT adjudicated', 'Investigator: eligibility confirmed']);
    const statements = signed.map((g) => String(((g.Annotation as Node).Comment as Node)['#text']));
    assert.equal(statements.filter((c) => c.includes('signature valid')).length, 5);
    assert.deepEqual(statements.filter((c) => c.includes('broken')).map((c) => c.includes('DLT adjudicated')), [true]);
  });

  it('every reference resolves to a definition in the file', () => {
    const mdv = (odm.Study as Node[])[0]!.MetaDataVersion as Node;
    const defined = new Set(
      ['StudyEventDef', 'FormDef', 'ItemGroupDef', 'ItemDef'].flatMap((k) => ((mdv[k] as Node[]) ?? []).map((d) => d['@OID'])).concat(
        ['User', 'Location', 'SignatureDef'].flatMap((k) => ((odm.AdminData as Node)[k] as Node[]).map((d) => d['@OID'])),
      ),
    );
    const refs = [...text.matchAll(/(?:StudyEventOID|FormOID|ItemGroupOID|ItemOID|UserOID|LocationOID|SignatureOID)="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(refs.length > 1000);
    for (const r of new Set(refs)) assert.ok(defined.has(r), r);
  });

  it('orders the children of AuditRecord, Signature and ItemGroupData as the ODM 1.3.2 schema sequences do', () => {
    const ordered = new XMLParser({ ignoreAttributes: true, preserveOrder: true }).parse(text) as Node[];
    const sequences: Record<string, string[]> = {
      AuditRecord: ['UserRef', 'LocationRef', 'DateTimeStamp', 'ReasonForChange', 'SourceID'],
      Signature: ['UserRef', 'LocationRef', 'SignatureRef', 'DateTimeStamp', 'CryptoBindingManifest'],
      ItemGroupData: ['AuditRecord', 'Signature', 'Annotation', 'ItemData'],
      ODM: ['Study', 'AdminData', 'ReferenceData', 'ClinicalData'],
    };
    let checked = 0;
    const walk = (nodes: Node[]) => {
      for (const n of nodes) {
        const name = Object.keys(n).find((k) => k !== ':@')!;
        const children = Array.isArray(n[name]) ? (n[name] as Node[]) : [];
        const order = sequences[name];
        if (order) {
          const names = children.map((c) => Object.keys(c).find((k) => k !== ':@')!).filter((k) => k !== '#text');
          const positions = names.map((k) => order.indexOf(k));
          assert.ok(positions.every((p) => p >= 0), `${name} has an unexpected child`);
          assert.deepEqual(positions, [...positions].sort((a, b) => a - b), `${name} children out of order`);
          checked++;
        }
        walk(children);
      }
    };
    walk(ordered);
    assert.ok(checked > summary.auditRecords);
  });

  it('records the export with who, scope, format and the SHA-256 of the file', async () => {
    const [event] = await db.query<{ username: string; detail: { format: string; scope: { study: string; auditRecords: number }; files: { path: string; sha256: string }[] } }>(
      "SELECT username, detail FROM security_event WHERE kind = 'export'",
    );
    assert.equal(event!.username, 'dm.chen');
    assert.equal(event!.detail.format, 'odm-1.3.2');
    assert.deepEqual(event!.detail.scope.study, 'hn2301');
    assert.equal(event!.detail.scope.auditRecords, summary.auditRecords);
    assert.deepEqual(event!.detail.files.map((f) => [f.path, f.sha256]), [[file, sha256(readFileSync(file))]]);
  });
});
