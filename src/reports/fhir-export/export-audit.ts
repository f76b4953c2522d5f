// What every export shares: who may export a study, writing the files whole before
// they are announced, and the security_event `export` naming who, what scope, which format and
// the SHA-256 of each file written. The event is written after the files, and a file whose
// export could not be recorded is removed again: there is never an unaudited export on disk.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { issue } from '../../domain/result.ts';
import { recordEvent, roleFor } from '../../store/access/index.ts';
import { type Actor, audited } from '../../store/audit.ts';
import type { Db } from '../../store/db.ts';
import type { Role } from '../../store/schema-conduct.ts';
import { ConductRefusal } from '../../store/trial/index.ts';

/**
 * Whole-study exports leave the site: only study-wide data managers and administrators make
 * them (a site role covers one site's records, never a study-level copy; ).
 */
export const exportRoles: readonly Role[] = ['data_manager', 'administrator'];

export async function requireExportRole(db: Db, actor: Actor, studyId: string, format: string): Promise<void> {
  const role = await roleFor(db, actor.user, { studyId, siteId: null }, exportRoles);
  if (role) return;
  const refusal = issue(['--as'], 'export_not_permitted', { user: actor.user, roles: exportRoles.join(', ') });
  await audited(db, { user: actor.user }, (tx) => recordEvent(tx.sql, { kind: 'refused', username: actor.user, detail: { action: 'export', format, rule: refusal.code } }));
  throw new ConductRefusal(refusal);
}

export interface WrittenFile {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

export const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** Writes beside the target and renames, so a reader never sees a half-written export file. */
export function writeWhole(path: string, content: string | Uint8Array): WrittenFile {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial-${process.pid}`;
  writeFileSync(partial, data);
  renameSync(partial, path);
  return { path, bytes: data.length, sha256: sha256(data) };
}

export interface ExportRecord {
  /** What was exported: the study and counts of what it held. */
  readonly scope: Readonly<Record<string, unknown>>;
  readonly format: string;
  readonly files: readonly WrittenFile[];
}

/** Records the export; removes the files when it cannot, and rethrows. */
export async function recordExport(db: Db, actor: Actor, record: ExportRecord): Promise<void> {
  try {
    await audited(db, { user: actor.user }, (tx) =>
      recordEvent(tx.sql, {
        kind: 'export',
        username: actor.user,
        detail: { scope: record.scope, format: record.format, files: record.files.map((f) => ({ path: f.path, bytes: f.bytes, sha256: f.sha256 })) },
      }),
    );
  } catch (error) {
    for (const f of record.files) rmSync(f.path, { force: true });
    throw error;
  }
}
