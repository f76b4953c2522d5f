// The demo trial exported in all three formats: every --DTC is ISO 8601, every --DY is the SDTM
// study day recomputed here independently, one subject's records are checked by hand, and the
// XPT files read back (src/reports/xpt) give the CSV's values. define.xml is well-formed and
// describes every dataset and variable written.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { hn2301 } from '../../protocols/test-support.ts';
import type { Db } from '../../store/index.ts';
import { freshDb } from '../../store/test-support.ts';
import { ConductRefusal, loadDemo, siteDate } from '../../store/trial/index.ts';
import { sha256 } from '../fhir-export/export-audit.ts';
import { readXpt, xptToDatasetJson } from '../xpt/index.ts';
import { buildTabulation, type Tabulation } from './build.ts';
import { parseCsv } from './csv.ts';
import { iso8601Dtc } from './dates.ts';
import { exportSdtm, SdtmFormat } from './export.ts';
import { loadTrialSource } from './load.ts';
import type { Row } from './model.ts';

/** Days between two calendar dates by UTC midnights: an independent count for the --DY check. */
const utcDays = (a: string, b: string) => (Date.UTC(+b.slice(0, 4), +b.slice(5, 7) - 1, +b.slice(8, 10)) - Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10))) / 86_400_000;

const dyPairs: Record<string, string> = { STDY: 'STDTC', ENDY: 'ENDTC', DY: 'DTC' };

describe('SDTM export of the demo trial', () => {
  let db: Db;
  let tab: Tabulation;
  let today: string;
  const out = mkdtempSync(join(tmpdir(), 'firstdose-sdtm-'));
  before(async () => {
    db = await freshDb('pglite');
    today = siteDate(new Date());
    await loadDemo(db, hn2301, today);
    tab = buildTabulation(await loadTrialSource(db, 'hn2301', today));
    for (const format of Object.values(SdtmFormat)) await exportSdtm(db, { study: 'hn2301', out: join(out, format), format, asOf: today });
  });
  after(async () => {
    await db?.close();
    rmSync(out, { recursive: true, force: true });
  });

  const dataset = (name: string) => tab.datasets.find((d) => d.spec.name === name)!;
  const dm = (usubjid: string) => dataset('DM').rows.find((r) => r.USUBJID === usubjid)!;

  it('writes every domain, with records where the demo has data', () => {
    const counts = Object.fromEntries(tab.datasets.map((d) => [d.spec.name, d.rows.length]));
    for (const name of ['DM', 'IE', 'EX', 'AE', 'SUPPAE', 'LB', 'VS', 'QS', 'CM', 'MH', 'DS', 'SV', 'TS', 'TA', 'TE', 'TV', 'TI']) assert.ok(counts[name]! > 0, `${name} empty`);
    assert.equal(counts.DM, 6);
    assert.equal(counts.EX, 4);
    assert.equal(counts.AE, 2);
    assert.equal(counts.TA, 9);
    assert.deepEqual(tab.notes, []);
  });

  it('every --DTC is ISO 8601 and every --DY is its study day from RFSTDTC, with no day 0', () => {
    for (const { spec, rows } of tab.datasets)
      for (const row of rows) {
        for (const v of spec.variables.filter((x) => x.iso8601 && x.name !== 'TEDUR')) if (row[v.name] !== null) assert.match(String(row[v.name]), iso8601Dtc, `${spec.name}.${v.name}`);
        const rf = row.USUBJID ? (dm(String(row.USUBJID)).RFSTDTC as string | null) : null;
        for (const v of spec.variables.filter((x) => x.method === 'STUDYDAY')) {
          const suffix = Object.keys(dyPairs).find((s) => v.name.endsWith(s))!;
          const dtc = row[`${v.name.slice(0, -suffix.length)}${dyPairs[suffix]}`] as string | null;
          const expected = rf && dtc && dtc.length >= 10 ? utcDays(rf.slice(0, 10), dtc.slice(0, 10)) + (dtc.slice(0, 10) >= rf.slice(0, 10) ? 1 : 0) : null;
          assert.equal(row[v.name], expected, `${spec.name}.${v.name} for ${dtc}`);
          assert.notEqual(row[v.name], 0);
        }
      }
  });

  it('subject 002 (CRS grade 2 three days after a dose level 1 infusion) by hand', () => {
    const usubjid = 'HN2301-USTC-FAH-002';
    const d = dm(usubjid);
    const doseDay = String(d.RFSTDTC).slice(0, 10);
    assert.equal(d.SUBJID, '002');
    assert.equal(d.SITEID, 'USTC-FAH');
    assert.equal(d.RFSTDTC, `${doseDay}T12:00`);
    assert.equal(d.RFXSTDTC, d.RFSTDTC);
    assert.deepEqual([d.ARMCD, d.ACTARMCD, d.ARMNRS, d.COUNTRY, d.AGEU], ['DL1', 'DL1', null, 'CHN', 'YEARS']);
    assert.ok(d.SEX === 'F' || d.SEX === 'M');
    const [ae] = dataset('AE').rows.filter((r) => r.USUBJID === usubjid);
    assert.deepEqual(
      [ae!.AETERM, ae!.AETOXGR, ae!.AESER, ae!.AEREL, ae!.AEOUT, ae!.AEACN, ae!.AEACNOTH, ae!.EPOCH, ae!.AESTDY, ae!.AEENDY],
      ['Cytokine release syndrome', '2', 'N', 'RELATED', 'RECOVERED/RESOLVED', 'NOT APPLICABLE', 'tocilizumab 8 mg/kg', 'TREATMENT', 4, 7],
    );
    const supp = dataset('SUPPAE').rows.filter((r) => r.USUBJID === usubjid);
    assert.deepEqual(
      supp.map((r) => [r.IDVAR, r.IDVARVAL, r.QNAM, r.QVAL]),
      [
        ['AESEQ', '1', 'AETOXSCL', 'ASTCT 2019 CRS CONSENSUS GRADING'],
        ['AESEQ', '1', 'AEGRDRV', '2'],
      ],
    );
    const [ex] = dataset('EX').rows.filter((r) => r.USUBJID === usubjid);
    assert.deepEqual([ex!.EXTRT, ex!.EXDOSE, ex!.EXDOSTXT, ex!.EXROUTE, ex!.EXDOSFRQ, ex!.EXSTDY], ['HN2301', null, 'DOSE LEVEL 1', 'INTRAVENOUS', 'ONCE', 1]);
    const sv = dataset('SV').rows.filter((r) => r.USUBJID === usubjid);
    const infusion = sv.find((r) => r.VISIT === 'HN2301 INFUSION')!;
    assert.deepEqual([infusion.SVSTDTC, infusion.SVSTDY, infusion.VISITDY], [doseDay, 1, 1]);
    const day7 = sv.find((r) => r.VISIT === 'DAY 7 (IN HOSPITAL)')!;
    assert.deepEqual([day7.SVSTDY, day7.VISITDY], [8, 8]);
    const qs = dataset('QS').rows.filter((r) => r.USUBJID === usubjid);
    const baseline = qs.filter((r) => r.QSDY === -1);
    assert.deepEqual(
      baseline.filter((r) => r.QSORRES === 'PRESENT' || r.QSDRVFL === 'Y').map((r) => [r.QSTEST, r.QSSTRESN]),
      [
        ['Arthritis', 4],
        ['Proteinuria', 4],
        ['Rash', 2],
        ['Low Complement', 2],
        ['SLEDAI-2K Total Score', 12],
        ['Clinical SLEDAI-2K Score', 10],
      ],
    );
    assert.ok(baseline.every((r) => r.EPOCH === 'SCREENING' && r.QSLOBXFL === (r.QSDRVFL === 'Y' ? null : 'Y')));
    const ds = dataset('DS').rows.filter((r) => r.USUBJID === usubjid);
    assert.deepEqual(ds.map((r) => [r.DSDECOD, r.DSCAT]), [['DLT OBSERVATION PERIOD COMPLETED', 'PROTOCOL MILESTONE']]);
    assert.ok(dataset('MH').rows.some((r) => r.USUBJID === usubjid && r.MHTERM === 'Systemic lupus erythematosus' && r.MHCAT === 'PRIMARY DIAGNOSIS'));
    assert.ok(dataset('CM').rows.filter((r) => r.USUBJID === usubjid).every((r) => r.EPOCH === null && Number(r.CMSTDY) < 0));
  });

  it('the screen failure has IE exceptions, no arm, and a SCREEN FAILURE disposition', () => {
    const usubjid = 'HN2301-USTC-FAH-004';
    assert.deepEqual([dm(usubjid).ARMCD, dm(usubjid).ARMNRS, dm(usubjid).RFSTDTC], [null, 'SCREEN FAILURE', null]);
    const ie = dataset('IE').rows.filter((r) => r.USUBJID === usubjid);
    assert.ok(ie.length > 0 && ie.every((r) => r.IECAT === 'INCLUSION' && r.IEORRES === 'N' && r.IEDY === null));
    assert.ok(dataset('DS').rows.some((r) => r.USUBJID === usubjid && r.DSDECOD === 'SCREEN FAILURE' && r.EPOCH === 'SCREENING'));
  });

  it('CSV and Dataset-JSON hold the same values; XPT read back equals the CSV', () => {
    for (const { spec, rows } of tab.datasets) {
      const file = spec.name.toLowerCase();
      const csv = parseCsv(readFileSync(join(out, 'csv', `${file}.csv`), 'utf8'));
      assert.deepEqual(csv.header, spec.variables.map((v) => v.name));
      const text = (r: Row) => spec.variables.map((v) => String(r[v.name] ?? ''));
      assert.deepEqual(csv.rows, rows.map(text), `${file}.csv`);
      const json = JSON.parse(readFileSync(join(out, 'dataset-json', `${file}.json`), 'utf8'));
      assert.equal(json.records, rows.length);
      assert.deepEqual(json.rows.map((r: unknown[]) => r.map((x) => (x === null ? '' : String(x)))), csv.rows, `${file}.json`);
      const xpt = readXpt(readFileSync(join(out, 'xpt', `${file}.xpt`)));
      assert.ok(xpt.ok, `${file}.xpt`);
      const back = xptToDatasetJson(xpt.value.datasets[0]!, { creationDateTime: '2026-01-01T00:00:00' });
      assert.deepEqual(back.columns.map((c) => [c.name, c.label]), spec.variables.map((v) => [v.name, v.label]), `${file}.xpt columns`);
      assert.deepEqual((back.rows ?? []).map((r) => r.map((x) => (x === null ? '' : String(x)))), csv.rows, `${file}.xpt values`);
    }
  });

  it('define.xml is well-formed and describes each dataset, variable and codelist used', () => {
    for (const format of Object.values(SdtmFormat)) {
      const xml = readFileSync(join(out, format, 'define.xml'), 'utf8');
      const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['ItemGroupDef', 'ItemRef', 'ItemDef', 'CodeList', 'MethodDef'].includes(name) }).parse(xml, true);
      const mdv = doc.ODM.Study.MetaDataVersion;
      assert.equal(mdv['@def:DefineVersion'], '2.1.0');
      const groups = mdv.ItemGroupDef as Array<Record<string, unknown>>;
      assert.deepEqual(groups.map((g) => g['@Name']), tab.datasets.map((d) => d.spec.name));
      const items = new Map((mdv.ItemDef as Array<Record<string, string>>).map((i) => [i['@OID'], i]));
      const codelists = new Set((mdv.CodeList as Array<Record<string, string>>).map((c) => c['@OID']));
      const methods = new Set((mdv.MethodDef as Array<Record<string, string>>).map((m) => m['@OID']));
      for (const [g, { spec }] of groups.map((x, i) => [x, tab.datasets[i]!] as const)) {
        const refs = g.ItemRef as Array<Record<string, string>>;
        assert.deepEqual(refs.map((r) => r['@ItemOID']), spec.variables.map((v) => `IT.${spec.name}.${v.name}`));
        for (const r of refs) if (r['@MethodOID']) assert.ok(methods.has(r['@MethodOID']), r['@MethodOID']);
        assert.match(String((g['def:leaf'] as Record<string, string>)['@xlink:href']), new RegExp(`^${spec.name.toLowerCase()}\\.(xpt|csv|json)$`));
      }
      for (const item of items.values()) {
        const ref = (item.CodeListRef as unknown as Record<string, string> | undefined)?.['@CodeListOID'];
        if (ref) assert.ok(codelists.has(ref), `${item['@OID']} → ${ref}`);
      }
      assert.equal(items.get('IT.AE.AETERM')!['@Length'], '26');
    }
  });

  it("records each export as a security event: who, scope, format and each file's SHA-256", async () => {
    await exportSdtm(db, { study: 'hn2301', out: join(out, 'by-dm'), format: 'csv', asOf: today, actor: { user: 'dm.chen' } });
    const events = await db.query<{ username: string; detail: { format: string; scope: { study: string; records: Record<string, number> }; files: { path: string; sha256: string }[] } }>(
      "SELECT username, detail FROM security_event WHERE kind = 'export' ORDER BY created_at",
    );
    const local = `os:${userInfo().username}`;
    assert.deepEqual(events.map((e) => [e.username, e.detail.format, e.detail.scope.study]), [
      [local, 'sdtm-xpt', 'hn2301'],
      [local, 'sdtm-csv', 'hn2301'],
      [local, 'sdtm-dataset-json', 'hn2301'],
      ['dm.chen', 'sdtm-csv', 'hn2301'],
    ]);
    assert.equal(events[0]!.detail.scope.records['dm.xpt'], 6);
    for (const e of events) {
      assert.equal(e.detail.files.length, 18);
      for (const f of e.detail.files) assert.equal(f.sha256, sha256(readFileSync(f.path)), f.path);
    }
  });

  it('refuses an exporter without a study-wide export role, records the refusal and writes nothing', async () => {
    const target = join(out, 'refused');
    await assert.rejects(
      exportSdtm(db, { study: 'hn2301', out: target, format: 'xpt', asOf: today, actor: { user: 'crc.li' } }),
      (e: unknown) => e instanceof ConductRefusal && e.code === 'export_not_permitted',
    );
    assert.equal(existsSync(target), false);
    const refused = await db.query<{ detail: { format: string } }>("SELECT detail FROM security_event WHERE kind = 'refused' AND username = 'crc.li'");
    assert.deepEqual(refused.map((r) => r.detail.format), ['sdtm-xpt']);
  });
});
