import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hn2301 } from '../../protocols/test-support.ts';
import { sha256 } from '../../reports/fhir-export/index.ts';
import { createUser, grantRole, openStore } from '../../store/index.ts';
import { seedDataDir } from '../../store/test-support.ts';
import { addSubject, registerStudy } from '../../store/trial/index.ts';
import { runProgram } from '../test-support.ts';
import { registerExportCommands } from './export.ts';

const run = (argv: string[], env: NodeJS.ProcessEnv = {}, language: 'en' | 'zh-CN' = 'en') => runProgram([registerExportCommands], argv, { env, language });

describe('firstdose export fhir and export odm', () => {
  const root = mkdtempSync(join(tmpdir(), 'firstdose-cli-export-fhir-odm-'));
  const data = join(root, 'data');
  before(async () => {
    await seedDataDir(data);
    const db = await openStore({ dataDir: data });
    try {
      const { study, sites } = await registerStudy(db, { user: 'admin' }, hn2301);
      await addSubject(db, { user: 'admin' }, { studyId: study.id, siteId: sites[0]!.id, screeningNumber: '001' });
      const cheap = { scrypt: { N: 1024, r: 8, p: 1 } };
      for (const [username, role, site] of [['dm.lee', 'data_manager', null], ['crc.wu', 'coordinator', sites[0]!.id]] as const) {
        await createUser(db, { user: 'admin' }, { username, fullName: username, password: 'correct horse battery staple' }, cheap);
        await grantRole(db, { user: 'admin' }, { username, studyId: study.id, siteId: site, role });
      }
    } finally {
      await db.close();
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('writes a Bundle for a .json target and NDJSON for a directory, printing each file with its SHA-256', async () => {
    const bundle = join(root, 'study.json');
    const r = await run(['export', 'fhir', '--out', bundle, '--data', data, '--as', 'dm.lee']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.includes(sha256(readFileSync(bundle))));
    assert.match(r.stdout, /FHIR R4 written \(fhir-r4-bundle\): 3 resources/);
    const dir = join(root, 'ndjson');
    const n = await run(['export', 'fhir', '--out', dir, '--data', data, '--json'], { FIRSTDOSE_USER: 'dm.lee' });
    assert.equal(n.code, 0, n.stderr);
    assert.deepEqual(readdirSync(dir).sort(), ['Patient.ndjson', 'ResearchStudy.ndjson', 'ResearchSubject.ndjson']);
    assert.equal((n.json() as { format: string }).format, 'fhir-r4-ndjson');
  });

  it('writes ODM XML', async () => {
    const file = join(root, 'study.xml');
    const r = await run(['export', 'odm', '--out', file, '--data', data, '--as', 'dm.lee']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /ODM 1\.3\.2 written: 1 subjects, \d+ audit records, 0 signatures/);
    assert.match(readFileSync(file, 'utf8'), /<SubjectData SubjectKey="001">/);
  });

  it('needs --as (exit 2) and a study-wide export role (exit 1, nothing written), in the user\'s language', async () => {
    const file = join(root, 'refused.xml');
    assert.equal((await run(['export', 'odm', '--out', file, '--data', data])).code, 2);
    const r = await run(['export', 'odm', '--out', file, '--data', data, '--as', 'crc.wu']);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'crc.wu may not export the study: exports take a study-wide role of data_manager, administrator');
    const zh = await run(['export', 'fhir', '--out', join(root, 'refused.json'), '--data', data, '--as', 'crc.wu'], {}, 'zh-CN');
    assert.equal(zh.code, 1);
    assert.match(zh.stderr, /crc\.wu 无权导出本研究/);
    assert.equal(existsSync(file), false);
  });
});
