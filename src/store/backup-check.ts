// Restore's first pass: the whole file is read and checked before the target is touched. The
// digest on the last line proves the file whole; the audit chain is recomputed here in JS,
// independently of any database, and must end at the head the header recorded.
import { auditHash } from './canonical.ts';
import type { AuditProblem, BadRecord } from './audit-verify.ts';
import { type AuditLine, auditLineRecord, type BackupHeader, readBackup, type Trailer } from './backup-file.ts';
import { StoreError } from './errors.ts';

export interface CheckedBackup {
  readonly header: BackupHeader;
  readonly trailer: Trailer;
}

class ChainCheck {
  seq = 0;
  hash: Buffer = Buffer.alloc(32);

  /** The problem with the next record, if any. */
  next(a: AuditLine): BadRecord | null {
    const seq = Number(a[0]);
    const bad = (problem: AuditProblem, at = seq): BadRecord => ({ seq: at, table: a[1], rowId: a[2], field: a[4], problem });
    if (seq !== this.seq + 1) return { ...bad('missing', this.seq + 1), table: null, rowId: null, field: null };
    if (a[10] !== this.hash.toString('hex')) return bad('link_broken');
    const hash = auditHash(this.hash, auditLineRecord(a));
    if (hash.toString('hex') !== a[11]) return bad('altered');
    this.seq = seq;
    this.hash = hash;
    return null;
  }
}

export async function checkBackup(file: string): Promise<CheckedBackup> {
  let header: BackupHeader | undefined;
  let trailer: Trailer | undefined;
  const rows: Record<string, number> = {};
  const chain = new ChainCheck();
  for await (const item of readBackup(file)) {
    if (item.kind === 'header') header = item.header;
    else if (item.kind === 'row') {
      if (!header?.tables.includes(item.table)) throw new StoreError('backup_invalid', { file, reason: 'unknown_table', table: item.table });
      rows[item.table] = (rows[item.table] ?? 0) + 1;
    } else if (item.kind === 'audit') {
      const bad = chain.next(item.line);
      if (bad) throw new StoreError('restore_unverified', { ...bad });
    } else trailer = item.trailer;
  }
  if (!header || !trailer) throw new StoreError('backup_invalid', { file, reason: 'cut_short' });
  const counted = (t: string) => rows[t] ?? 0;
  if (header.tables.some((t) => counted(t) !== (trailer!.rows[t] ?? 0)) || chain.seq !== trailer.audit)
    throw new StoreError('backup_invalid', { file, reason: 'counts' });
  // The chain must end where the header says the database's head was.
  const head = header.audit.head;
  if (chain.seq < head.seq) throw new StoreError('restore_unverified', { seq: chain.seq + 1, table: null, rowId: null, field: null, problem: 'missing' });
  if (chain.seq > head.seq || chain.hash.toString('hex') !== head.hash)
    throw new StoreError('restore_unverified', { seq: Math.min(chain.seq, head.seq + 1), table: null, rowId: null, field: null, problem: 'head_mismatch' });
  return { header, trailer };
}
