import assert from 'node:assert/strict';
import { it } from 'node:test';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { StoreError } from './errors.ts';
import { appliedMigrations, checksum, loadMigrations, migrate, schemaVersion } from './migrate.ts';
import { auditLog, site, study, subject } from './schema.ts';
import * as conduct from './schema-conduct.ts';
import { describeEachBackend } from './test-support.ts';

const known = loadMigrations();

it('migration files are numbered 1, 2, … and their checksum ignores line endings', () => {
  assert.deepEqual(
    known.map((m) => m.version),
    known.map((_, i) => i + 1),
  );
  assert.ok(known.length >= 2);
  assert.equal(checksum('a\r\nb\n'), checksum('a\nb\n'));
  assert.notEqual(checksum('a\nb\n'), checksum('a\nc\n'));
});

describeEachBackend('migrations', (ctx) => {
  // The drizzle definitions (schema.ts) must describe what the SQL files made: the SQL is the source.
  it('names the columns of each table as the migrations made them', async () => {
    const conductTables = Object.values(conduct).filter((v) => is(v, PgTable));
    assert.ok(conductTables.length >= 13);
    for (const table of [study, site, subject, auditLog, ...conductTables] as PgTable[]) {
      const config = getTableConfig(table);
      const columns = await ctx.db().query<{ name: string; nullable: boolean }>(
        `SELECT attname AS name, NOT attnotnull AS nullable FROM pg_attribute
         WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped ORDER BY attname`,
        [config.name],
      );
      const declared = config.columns.map((c) => ({ name: c.name, nullable: !c.notNull })).sort((a, b) => a.name.localeCompare(b.name));
      assert.deepEqual(declared, columns, config.name);
    }
  });

  it('puts every trial-data table under audit', async () => {
    const rows = await ctx.db().query<{ table_name: string }>('SELECT table_name FROM audited_tables ORDER BY table_name');
    assert.deepEqual(
      rows.map((r) => r.table_name),
      [
        'adverse_event',
        'app_user',
        'contact_request',
        'data_query',
        'dose_administration',
        'escalation_decision',
        'import_batch',
        'observation',
        'protocol_version',
        'screening_result',
        'security_event',
        'signature',
        'site',
        'study',
        'subject',
        'user_role',
        'visit',
      ],
    );
  });

  it('apply in order on an empty database, stop at a version when asked, record each checksum, and apply nothing twice', async () => {
    const db = await ctx.fresh({ blank: true });
    assert.equal(await schemaVersion(db), 0);
    // Restore loads a backup at its own version first.
    assert.deepEqual(
      (await migrate(db, { upTo: 1 })).map((m) => m.version),
      [1],
    );
    const [tables] = await db.query<{ t: string | null; s: string | null }>(`SELECT to_regclass('audit_log')::text AS t, to_regclass('subject')::text AS s`);
    assert.deepEqual(tables, { t: 'audit_log', s: null });
    assert.deepEqual(
      (await migrate(db)).map((m) => m.version),
      known.slice(1).map((m) => m.version),
    );
    assert.deepEqual(
      await appliedMigrations(db),
      known.map(({ version, name, checksum }) => ({ version, name, checksum })),
    );
    assert.deepEqual(await migrate(db), []);
    assert.equal(await schemaVersion(db), known.length);
  });

  it('refuse a database whose applied migration has changed since, applying nothing', async () => {
    const db = ctx.db();
    const edited = known.map((m) => (m.version === 1 ? { ...m, checksum: checksum(`${m.sql}\n-- edited`) } : m));
    const extra = { version: known.length + 1, name: 'later', checksum: checksum('SELECT 1'), sql: 'CREATE TABLE never_made (id int)' };
    await assert.rejects(migrate(db, { migrations: [...edited, extra] }), (e: unknown) => {
      assert.ok(e instanceof StoreError);
      assert.equal(e.code, 'migration_changed');
      assert.deepEqual(e.params, { version: 1, name: 'audit-trail' });
      return true;
    });
    const [made] = await db.query<{ t: string | null }>(`SELECT to_regclass('never_made')::text AS t`);
    assert.equal(made?.t, null);
  });

  it('refuse a database that has a migration this program does not know', async () => {
    const db = ctx.db();
    await assert.rejects(migrate(db, { migrations: known.slice(0, 1) }), { code: 'migration_unknown', params: { version: 2, name: 'trial-core' } });
  });

  it('roll a failing migration back whole: each runs in its own transaction', async () => {
    const db = ctx.db();
    const bad = { version: known.length + 1, name: 'broken', checksum: checksum('x'), sql: 'CREATE TABLE half_made (id int); SELECT no_such_function();' };
    await assert.rejects(migrate(db, { migrations: [...known, bad] }));
    const [half] = await db.query<{ t: string | null }>(`SELECT to_regclass('half_made')::text AS t`);
    assert.equal(half?.t, null, 'a failed migration leaves nothing behind');
    assert.equal(await schemaVersion(db), known.length);
  });
});
