import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pilot, pilotFolder } from '../../reports/xpt/pilot-support.ts';
import { runCli, runProgram } from '../test-support.ts';
import { registerXptCommands } from './xpt.ts';

let work = '';
const run = (argv: string[], language: 'en' | 'zh-CN' = 'en') => runProgram([registerXptCommands], argv, { language });

describe('firstdose xpt', () => {
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'firstdose-cli-xpt-'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('write IN.json OUT.xpt gives the file SAS wrote, but for the operating system field', async () => {
    const out = join(work, 'dm.xpt');
    const r = await run(['xpt', 'write', `${pilotFolder}dm.json`, out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `DM (18 observations, 26 variables) written to ${out}`);
    const written = new Uint8Array(readFileSync(out));
    const sas = pilot('dm').xpt;
    assert.equal(written.length, sas.length);
    // The OS fields, library (bytes 112–119) and member (432–439): 'X64_10PR' from SAS, 'NODEJS' from us.
    const differing = [...written.keys()].filter((i) => written[i] !== sas[i]);
    assert.ok(differing.every((i) => (i >= 112 && i < 120) || (i >= 432 && i < 440)), `bytes ${differing.slice(0, 5)}`);
    const json = await run(['xpt', 'write', `${pilotFolder}ae.json`, join(work, 'ae.xpt'), '--json']);
    assert.deepEqual(json.json(), { file: join(work, 'ae.xpt'), name: 'AE', records: 74, variables: 37, bytes: 38080 });
  });

  it('read IN.xpt --json prints the Dataset-JSON (with --define, the pilot .json itself)', async () => {
    const r = await run(['xpt', 'read', `${pilotFolder}cm.xpt`, '--json', '--define', `${pilotFolder}define.xml`]);
    assert.equal(r.code, 0, r.stderr);
    const expected = { ...pilot('cm').json, metaDataRef: `${pilotFolder}define.xml` } as Record<string, unknown>;
    const got = r.json() as Record<string, unknown>;
    for (const key of ['datasetJSONCreationDateTime', 'fileOID', 'originator', 'sourceSystem']) {
      delete expected[key];
      delete got[key];
    }
    assert.deepEqual(got, expected);
    assert.match(r.stdout, /^\{"datasetJSONCreationDateTime":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d","datasetJSONVersion":"1\.1\.0","dbLastModifiedDateTime":/);
  });

  it('json → xpt → json round-trips through the CLI', async () => {
    const out = join(work, 'ts.xpt');
    assert.equal((await run(['xpt', 'write', `${pilotFolder}ts.json`, out])).code, 0);
    const back = (await run(['xpt', 'read', out, '--json'])).json() as { rows: unknown[]; columns: { name: string }[] };
    const source = pilot('ts').json as { rows: unknown[]; columns: { name: string }[] };
    assert.deepEqual(back.rows, source.rows);
    assert.deepEqual(
      back.columns.map((c) => c.name),
      source.columns.map((c) => c.name),
    );
  });

  it('read without --json lists the data set and its variables, in English or Chinese', async () => {
    const en = await run(['xpt', 'read', `${pilotFolder}ie.xpt`]);
    assert.equal(en.code, 0, en.stderr);
    const lines = en.stdout.split('\n');
    assert.equal(lines[0], `${pilotFolder}ie.xpt: SAS XPORT version 5, 1 data set(s), written by SAS 9.4 on X64_10PR, 2020-08-21T09:14:25`);
    assert.equal(lines[2], 'IE "Inclusion/Exclusion Criteria Not Met": 1 observations, 12 variables, modified 2020-08-21T09:14:25');
    assert.match(lines[3]!, /^ {2}# +name +type +length +format +label$/);
    assert.match(lines[7]!, /^ {2}4 +IESEQ +num +8 +Sequence Number$/);
    const zh = await run(['xpt', 'read', `${pilotFolder}ie.xpt`], 'zh-CN');
    assert.match(zh.stdout, /IE“Inclusion\/Exclusion Criteria Not Met”：1 条观测，12 个变量/);
  });

  it('--help in both languages', async () => {
    const en = await runCli(['xpt', 'write', '--help']);
    assert.equal(en.code, 0);
    assert.match(en.stdout, /^Usage: firstdose xpt write \[options\] <in\.json> <out\.xpt>/);
    assert.match(en.stdout, /write a Dataset-JSON 1\.1 file as a SAS XPORT version 5 file/);
    assert.match(en.stdout, /in\.json +Dataset-JSON 1\.1 file \(- for standard input\)/);
    const zh = await runCli(['xpt', 'read', '--help', '--lang', 'zh-CN']);
    assert.equal(zh.code, 0);
    assert.match(zh.stdout, /^用法：\s*firstdose xpt read/);
    assert.match(zh.stdout, /读取 SAS XPORT 第 5 版文件/);
    assert.match(zh.stdout, /--define <define\.xml> +提供条目 OID/);
    const group = await runCli(['xpt', '--help']);
    assert.match(group.stdout, /write \[options\] <in\.json> <out\.xpt> +write a Dataset-JSON/);
  });

  it('stops with exit 2 and one line naming the argument, the field or the byte', async () => {
    const bad = (name: string, content: string | Uint8Array) => {
      const file = join(work, name);
      writeFileSync(file, content);
      return file;
    };
    const dm = pilot('dm').json as { columns: Record<string, unknown>[] };
    const longName = bad('long.json', JSON.stringify({ ...dm, columns: dm.columns.map((c, i) => (i === 3 ? { ...c, name: 'SUBJECTID' } : c)) }));
    const truncated = bad('short.xpt', pilot('dm').xpt.subarray(0, 960));
    const cases: Array<[string[], RegExp, ('en' | 'zh-CN')?]> = [
      [['xpt', 'write', join(work, 'missing.json'), join(work, 'x.xpt')], /^.*missing\.json: cannot be read \(ENOENT\)$/],
      [['xpt', 'write', bad('not.json', '{"a":'), join(work, 'x.xpt')], /not\.json: not valid JSON/],
      [['xpt', 'write', bad('empty.json', '{}'), join(work, 'x.xpt')], /^datasetJSONCreationDateTime: required$/],
      [['xpt', 'write', longName, join(work, 'x.xpt')], /^columns\[3\]\.name: 'SUBJECTID' is not a SAS XPORT v5 name/],
      [['xpt', 'write', `${pilotFolder}dm.json`, join(work, 'no-such-dir', 'x.xpt')], /x\.xpt: cannot be written \(ENOENT\)$/],
      [['xpt', 'write', `${pilotFolder}dm.json`, join(work, 'x.xpt'), '--encoding', 'ebcdic'], /^--encoding: 'ebcdic' is not one of utf-8, latin1$/],
      [['xpt', 'read', truncated, '--json'], /short\.xpt: byte 640 \(record 9\): the file ends inside the NAMESTR section$/],
      [['xpt', 'read', truncated], /short\.xpt：第 640 字节（第 9 条记录）：文件在 NAMESTR 部分中途结束$/, 'zh-CN'],
      [['xpt', 'read', `${pilotFolder}define.xml`], /define\.xml: byte 0 \(record 1\): expected the LIBRARY header record, found '<\?xml/],
      [['xpt', 'read', `${pilotFolder}dm.xpt`, '--dataset', 'AE'], /^--dataset: 'AE' is not one of DM$/],
      [['xpt', 'read', `${pilotFolder}dm.xpt`, '--define', `${pilotFolder}README.md`], /README\.md: not a Define-XML \(ODM\) document$/],
    ];
    for (const [argv, message, language] of cases) {
      const r = await run(argv, language);
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.stderr.split('\n').length, 1, r.stderr);
      assert.match(r.stderr, message, argv.join(' '));
    }
  });

  it('asks which data set when the file holds several', async () => {
    const both = join(work, 'both.xpt');
    writeFileSync(both, new Uint8Array([...pilot('dm').xpt, ...pilot('ie').xpt.subarray(240)]));
    const r = await run(['xpt', 'read', both, '--json']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, '--dataset: the file holds 2 data sets (DM, IE); choose one');
    const ie = await run(['xpt', 'read', both, '--json', '--dataset', 'ie']);
    assert.equal((ie.json() as { name: string }).name, 'IE');
  });
});
