// After the load run, with the server stopped: every acknowledged write is in the database
// (rows made are there; queries answered or closed have that status or a later one), the audit
// chain verifies, and a backup restored into a fresh database reproduces every table and the
// chain's head.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backup, type Db, openStore, restore, type StoreOptions, verifyAudit } from '../src/store/index.ts';
import { dataTables, quoteIdent } from '../src/store/tables.ts';
import type { AckedWrite } from './load-users.ts';

export interface LoadCheck {
  readonly acked: number;
  readonly missing: number;
  readonly auditRecords: number;
  readonly auditOk: boolean;
  readonly restoredSame: boolean;
  readonly restoreMs: number;
  readonly notes: string[];
}

/** Each table's rows as one digest (row order fixed by the text), to compare two databases. */
async function digests(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of [...(await dataTables(db)), 'audit_log']) {
    const [row] = await db.query<{ n: number; d: string | null }>(`SELECT count(*)::int AS n, md5(string_agg(row_to_json(t)::text, E'\\n' ORDER BY row_to_json(t)::text)) AS d FROM ${quoteIdent(table)} t`);
    out[table] = `${row!.n}:${row!.d ?? ''}`;
  }
  return out;
}

async function missingWrites(db: Db, acked: readonly AckedWrite[]): Promise<string[]> {
  const missing: string[] = [];
  for (const table of ['observation', 'adverse_event', 'data_query'] as const) {
    const ids = [...new Set(acked.filter((w) => w.table === table && !w.status).map((w) => w.id))];
    const found = new Set((await db.query<{ id: string }>(`SELECT id::text AS id FROM ${table} WHERE id = ANY($1::uuid[])`, [ids])).map((r) => r.id));
    for (const id of ids) if (!found.has(id)) missing.push(`${table} ${id}`);
  }
  const changed = acked.filter((w) => w.status);
  const statuses = new Map((await db.query<{ id: string; status: string }>('SELECT id::text AS id, status FROM data_query WHERE id = ANY($1::uuid[])', [changed.map((w) => w.id)])).map((r) => [r.id, r.status]));
  for (const w of changed) {
    const now = statuses.get(w.id);
    // An answered query may have been closed since: closed is later than answered.
    if (!(now === w.status || (w.status === 'answered' && now === 'closed'))) missing.push(`data_query ${w.id} (${w.status}, found ${now})`);
  }
  return missing;
}

/** `where` is the load's database; `fresh` an empty one of the same backend to restore into. */
export async function checkAfterLoad(where: StoreOptions, fresh: StoreOptions, acked: readonly AckedWrite[]): Promise<LoadCheck> {
  const notes: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'firstdose-load-backup-'));
  let missing: string[];
  let verified: Awaited<ReturnType<typeof verifyAudit>>;
  let before: Record<string, string>;
  let after: Record<string, string>;
  let restoredVerify: Awaited<ReturnType<typeof verifyAudit>>;
  let restoreMs: number;
  // The backup file goes whatever happens, a step failing included.
  try {
    const file = join(dir, 'backup.jsonl');
    const db = await openStore(where);
    try {
      missing = await missingWrites(db, acked);
      verified = await verifyAudit(db);
      if (!verified.ok) notes.push(`audit verify: ${JSON.stringify(verified)}`);
      await backup(db, file);
      before = await digests(db);
    } finally {
      await db.close();
    }
    const start = performance.now();
    await restore(fresh, file);
    restoreMs = performance.now() - start;
    const restored = await openStore(fresh);
    try {
      after = await digests(restored);
      restoredVerify = await verifyAudit(restored);
    } finally {
      await restored.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const differing = Object.keys(before).filter((t) => before[t] !== after[t]);
  if (differing.length) notes.push(`restored tables differ: ${differing.join(', ')}`);
  const sameHead = verified.ok && restoredVerify.ok && JSON.stringify(verified.head) === JSON.stringify(restoredVerify.head);
  if (!sameHead) notes.push(`restored chain head ${JSON.stringify(restoredVerify)} vs ${JSON.stringify(verified)}`);
  if (missing.length) notes.push(`missing: ${missing.slice(0, 5).join('; ')}${missing.length > 5 ? ' …' : ''}`);
  return {
    acked: acked.length,
    missing: missing.length,
    auditRecords: verified.ok ? verified.records : 0,
    auditOk: verified.ok,
    restoredSame: differing.length === 0 && sameHead,
    restoreMs,
    notes,
  };
}
