import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hn2301 } from '../../protocols/test-support.ts';
import { openStore } from '../../store/index.ts';
import { seedDataDir } from '../../store/test-support.ts';
import { registerStudy } from '../../store/trial/index.ts';
import { runProgram } from '../test-support.ts';
import { registerExportCommands } from './export.ts';

const run = (argv: string[]) => runProgram([registerExportCommands], argv);

describe('firstdose export sdtm', () => {
  const root = mkdtempSync(join(tmpdir(), 'firstdose-cli-export-'));
  const data = join(root, 'data');
  before(async () => {
    await seedDataDir(data);
    const db = await openStore({ dataDir: data });
    try {
      await registerStudy(db, { user: 'admin' }, hn2301);
    } finally {
      await db.close();
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const [format, ext] of [
    ['csv', 'csv'],
    ['dataset-json', 'json'],
    ['xpt', 'xpt'],
  ] as const)
    it(`writes one ${ext} file per dataset and define.xml (--format ${format})`, async () => {
      const out = join(root, format);
      const r = await run(['export', 'sdtm', '--out', out, '--format', format, '--data', data, '--as-of', '2026-11-30']);
      assert.equal(r.code, 0, r.stderr);
      const files = readdirSync(out).sort();
      assert.equal(files.length, 18);
      assert.ok(files.includes('define.xml') && files.includes(`dm.${ext}`) && files.includes(`suppae.${ext}`) && files.includes(`ts.${ext}`));
      assert.match(r.stdout, /18 files written to /);
      assert.match(r.stdout, new RegExp(`ts\\.${ext}\\s+\\d+ records`));
    });

  it('is XPT by default', async () => {
    const out = join(root, 'default');
    assert.equal((await run(['export', 'sdtm', '--out', out, '--data', data])).code, 0);
    assert.ok(existsSync(join(out, 'dm.xpt')));
  });

  it('refuses an unknown format as a usage error (exit 2)', async () => {
    const r = await run(['export', 'sdtm', '--out', join(root, 'bad'), '--format', 'sas7bdat', '--data', data]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--format: 'sas7bdat' is not one of xpt, csv, dataset-json/);
    assert.ok(!existsSync(join(root, 'bad')));
  });
});
