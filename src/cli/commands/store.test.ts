import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Language } from '../../i18n/index.ts';
import { loadMigrations, openStore } from '../../store/index.ts';
import { databaseUrl, seedDataDir, seedTrial, testSchema } from '../../store/test-support.ts';
import { runProgram } from '../test-support.ts';
import { registerStoreCommands } from './store.ts';

const migrations = loadMigrations().length;

/** The store commands on a program of their own, with the environment the test hands in. */
const run = (argv: string[], options: { env?: NodeJS.ProcessEnv; language?: Language } = {}) => runProgram([registerStoreCommands], argv, options);

describe('firstdose init, backup, restore, audit verify (PGlite)', () => {
  const root = mkdtempSync(join(tmpdir(), 'firstdose-cli-store-'));
  const data = join(root, 'data');
  const file = join(root, 'trial.backup.jsonl');
  let subjectId = '';
  before(async () => {
    const init = await run(['init', '--data', data]);
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stdout, new RegExp(`^Database ready at .*data: schema version ${migrations} \\(${migrations} migrations applied now\\)$`));
    const db = await openStore({ dataDir: data });
    try {
      subjectId = (await seedTrial(db, 2)).subjects[0]!.id;
    } finally {
      await db.close();
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('init again changes nothing', async () => {
    const again = await run(['init', '--data', data]);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /\(0 migrations applied now\)$/);
  });

  it('audit verify exits 0 on an intact trail', async () => {
    const r = await run(['audit', 'verify', '--data', data]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Audit trail intact: 31 records; chain head 31 [0-9a-f]{64}$/);
  });

  it('backup writes FILE once and refuses to overwrite it (exit 2 naming FILE); restore needs an empty target', async () => {
    const b = await run(['backup', file, '--data', data]);
    assert.equal(b.code, 0, b.stderr);
    assert.match(b.stdout, new RegExp(`^Backed up 4 rows and 31 audit records to .*trial\\.backup\\.jsonl \\(schema version ${migrations}\\); audit chain head 31 `));
    const again = await run(['backup', file, '--data', data]);
    assert.equal(again.code, 2);
    assert.equal(again.stderr, `${file}: already exists; choose a new file name`);
    // An empty database made from the test template: 1 s instead of 4 for a new directory (init
    // above covers creating one).
    const restored = join(root, 'restored');
    await seedDataDir(restored);
    const r = await run(['restore', file, '--data', restored]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Restored 4 rows and 31 audit records into .*restored; audit chain verified, head 31 /);
    const twice = await run(['restore', file, '--data', restored]);
    assert.equal(twice.code, 1);
    assert.match(twice.stderr, /restored: not empty \(table study has rows\); restore only into an empty data directory or database$/);
    assert.equal((await run(['audit', 'verify', '--data', restored])).code, 0);
  });

  it('refuses a directory held by another opener, and one without a database, with exit 1', async () => {
    const db = await openStore({ dataDir: data });
    try {
      const r = await run(['audit', 'verify', '--data', data]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, new RegExp(`data: in use by process ${process.pid} \\(lock file .*firstdose\\.lock\\)`));
    } finally {
      await db.close();
    }
    const none = await run(['audit', 'verify', '--data', join(root, 'none')]);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /none: no database here; run firstdose init first$/);
    assert.equal(existsSync(join(root, 'none')), false);
  });

  it('audit verify exits 1 with one line naming a row changed with raw SQL', async () => {
    const db = await openStore({ dataDir: data });
    try {
      await db.transaction(async (tx) => {
        await tx.query('SET LOCAL session_replication_role = replica');
        await tx.query(`UPDATE subject SET status = 'withdrawn' WHERE id = $1`, [subjectId]);
      });
    } finally {
      await db.close();
    }
    const r = await run(['audit', 'verify', '--data', data]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`^Audit trail broken at record \\d+ \\(subject/${subjectId}\\.status\\): the table holds a different value than the audit trail records \\(changed out of band\\)$`));
    const json = await run(['audit', 'verify', '--data', data, '--json'], { language: 'zh-CN' });
    assert.equal(json.code, 1);
    const { firstBad } = JSON.parse(json.stdout) as { firstBad: { seq: number } };
    assert.deepEqual(firstBad, { seq: firstBad.seq, table: 'subject', rowId: subjectId, field: 'status', problem: 'row_changed' });
    assert.equal(json.stderr, `稽查轨迹在第 ${firstBad.seq} 条记录处被破坏（subject/${subjectId}.status）：表中的值与稽查轨迹记录的不同（在系统之外被修改）`);
  });
});

describe('firstdose init and audit verify use DATABASE_URL when it is set', { skip: !databaseUrl && 'DATABASE_URL not set' }, () => {
  const schema = testSchema('cli');
  const url = () => {
    const u = new URL(databaseUrl!);
    u.searchParams.set('options', `-c search_path=${schema}`);
    return u.toString();
  };
  after(async () => {
    const db = await openStore({ databaseUrl, migrate: false });
    try {
      await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await db.close();
    }
  });

  it('ignores --data, and names the server without its password', async () => {
    const admin = await openStore({ databaseUrl, schema, migrate: false });
    await admin.close();
    const dir = join(tmpdir(), `firstdose-unused-${process.pid}`);
    const init = await run(['init', '--data', dir], { env: { DATABASE_URL: url() } });
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stdout, new RegExp(`^Database ready at postgres://.*: schema version ${migrations}`));
    assert.doesNotMatch(init.stdout, /:firstdose@/);
    assert.equal(existsSync(dir), false);
    const r = await run(['audit', 'verify'], { env: { DATABASE_URL: url() } });
    assert.equal(r.code, 0, r.stderr);
  });
});
