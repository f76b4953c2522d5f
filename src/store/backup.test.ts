import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { updateRow } from './audit.ts';
import { verifyAudit } from './audit-verify.ts';
import { backup } from './backup.ts';
import type { Db } from './db.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { restoreInto } from './restore.ts';
import { subject } from './schema.ts';
import { databaseUrl, describeEachBackend, freshDb, seedTrial } from './test-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'firstdose-backup-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(dir, `backup-${++files}.jsonl`);

/** Everything a restore must bring back, as text: every table's rows and the audit log. */
async function contents(db: Db) {
  const out: Record<string, string[]> = {};
  for (const table of ['study', 'site', 'subject'])
    out[table] = (await db.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM ${table} t ORDER BY id`)).map((r) => r.j);
  out.audit = (await db.query<{ j: string }>(`SELECT row_to_json(a)::text AS j FROM audit_log a ORDER BY seq`)).map((r) => r.j);
  out.head = (await db.query<{ j: string }>(`SELECT row_to_json(h)::text AS j FROM audit_chain_head h`)).map((r) => r.j);
  return out;
}

/** Rewrites a backup file line by line, then fixes its final digest as a careful forger would. */
function forge(source: string, edit: (line: string) => string): string {
  const lines = readFileSync(source, 'utf8').trimEnd().split('\n');
  const body = lines.slice(0, -1).map(edit);
  const end = JSON.parse(lines.at(-1)!) as { end: { sha256: string } };
  end.end.sha256 = createHash('sha256').update(body.map((l) => `${l}\n`).join('')).digest('hex');
  const target = newFile();
  writeFileSync(target, `${[...body, JSON.stringify(end)].join('\n')}\n`);
  return target;
}

/** Rejects with this StoreError code and at least these params. */
const storeError = (code: string, params: Record<string, unknown> = {}) => (e: unknown) => {
  const error = e as { code?: string; params?: Record<string, unknown> };
  assert.equal(error.code, code, String(e));
  for (const [k, v] of Object.entries(params)) assert.deepEqual(error.params?.[k], v, k);
  return true;
};

describeEachBackend('backup and restore', (ctx) => {
  let file: string;
  before(async () => {
    const db = ctx.db();
    const { subjects } = await seedTrial(db, 4);
    await updateRow(db, subject, subjects[1]!.id, 1, { status: 'enrolled' }, { user: 'pi-li', reason: 'consent "signed", (2026)' });
    file = newFile();
    await backup(db, file);
  });

  it('round-trips every row and the audit log exactly, and the restored chain verifies', async () => {
    const target = await ctx.fresh({ blank: true });
    const summary = await restoreInto(target, file);
    assert.deepEqual(Object.fromEntries(Object.entries(summary.rows).filter(([, n]) => n > 0)), { study: 1, site: 1, subject: 4 });
    assert.deepEqual(await contents(target), await contents(ctx.db()));
    const verified = await verifyAudit(target);
    assert.ok(verified.ok);
    assert.deepEqual(verified.head, summary.head);
    // The restored database keeps working: the next change links onto the restored chain.
    const s = (await target.query<{ id: string }>(`SELECT id FROM subject WHERE screening_number = 'S-001'`))[0]!;
    await updateRow(target, subject, s.id, 1, { status: 'screen_failed' }, { user: 'pi-li', reason: 'after restore' });
    assert.equal((await verifyAudit(target)).ok, true);
  });

  it('refuses a target that holds data, changing nothing', async () => {
    const target = ctx.db();
    const before = await contents(target);
    await assert.rejects(restoreInto(target, file), storeError('not_empty', { location: target.location, table: 'study' }));
    assert.deepEqual(await contents(target), before);
  });

  it('restores an older backup by migrating after loading, and refuses a target newer than the backup', async () => {
    const old = await ctx.fresh({ blank: true });
    await migrate(old, { upTo: 1 });
    const oldFile = newFile();
    await backup(old, oldFile);
    const blank = await ctx.fresh({ blank: true });
    assert.equal((await restoreInto(blank, oldFile)).schemaVersion, 1);
    assert.ok((await blank.query(`SELECT to_regclass('subject') AS t`))[0]!.t);
    // The schema version is checked before the contents.
    await assert.rejects(restoreInto(ctx.db(), oldFile), storeError('target_schema_newer', { target: loadMigrations().length, backup: 1 }));
  });

  it('refuses a cut-short or edited file before touching the target', async () => {
    const text = readFileSync(file, 'utf8');
    const cut = newFile();
    writeFileSync(cut, text.slice(0, text.lastIndexOf('{"end"')));
    await assert.rejects(restoreInto(ctx.db(), cut), storeError('backup_invalid', { reason: 'cut_short' }));
    const edited = newFile();
    writeFileSync(edited, text.replace('"S-003"', '"S-033"'));
    await assert.rejects(restoreInto(ctx.db(), edited), storeError('backup_invalid', { reason: 'digest' }));
  });

  it('refuses forged audit records or rows, naming the record, even with a fixed digest; then restores the genuine file', async () => {
    const target = await ctx.fresh();
    const forged = forge(file, (line) => (line.includes('"consent \\"signed\\", (2026)"') ? line.replace('pi-li', 'forger') : line));
    await assert.rejects(restoreInto(target, forged), storeError('restore_unverified', { problem: 'altered', table: 'subject', field: 'status' }));
    // Rows that disagree with a genuine audit log are caught by the database verify, and rolled back.
    const rowForged = forge(file, (line) => line.replace('"status":"enrolled"', '"status":"withdrawn"'));
    await assert.rejects(restoreInto(target, rowForged), storeError('restore_unverified', { problem: 'row_changed', table: 'subject', field: 'status' }));
    assert.deepEqual(await target.query('SELECT * FROM audit_log'), []);
    // Nothing was left behind: the same (initialised, empty) target takes the genuine backup.
    await restoreInto(target, file);
    assert.deepEqual(await contents(target), await contents(ctx.db()));
  });

  it('never overwrites an existing file, and leaves no partial file behind', async () => {
    const text = readFileSync(file, 'utf8');
    await assert.rejects(backup(ctx.db(), file), { code: 'EEXIST' });
    assert.equal(readFileSync(file, 'utf8'), text);
    assert.equal(existsSync(`${file}.partial`), false);
  });
});

it('a PGlite backup restores on the PostgreSQL server, and verifies there', { skip: !databaseUrl && 'DATABASE_URL not set' }, async () => {
  const source = await freshDb('pglite');
  const target = await freshDb('postgres', { blank: true });
  try {
    await seedTrial(source, 2);
    const f = newFile();
    await backup(source, f);
    await restoreInto(target, f);
    const [a, b] = [await verifyAudit(source), await verifyAudit(target)];
    assert.ok(a.ok && b.ok);
    assert.deepEqual(a.head, b.head);
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
});
