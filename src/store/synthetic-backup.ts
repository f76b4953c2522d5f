// A large, valid backup made without a database: one study, one site and as many subjects as
// it takes to reach `records` audit records (7 per subject), each inserted by an audited write,
// with the hash chain computed in JS. Restoring it gives a database whose audit trail verifies:
// the way the benchmarks get 1,000,000 audit records in seconds rather than minutes of triggers.
import { type AuditLine, BackupWriter } from './backup-file.ts';
import { auditHash } from './canonical.ts';
import { loadMigrations } from './migrate.ts';

const createdAt = '2026-01-01T00:00:00+00:00';
const uuid = (kind: number, i: number) => `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${i.toString(16).padStart(12, '0')}`;

/** Fields in name order, the order the audit trigger writes them; values as jsonb prints them. */
function fields(row: Record<string, string | number>): [string, string][] {
  return Object.keys(row)
    .sort()
    .map((k) => [k, JSON.stringify(row[k])]);
}

export function writeSyntheticBackup(file: string, records: number): { records: number; subjects: number } {
  const studyId = uuid(1, 1);
  const siteId = uuid(2, 1);
  const study = { id: studyId, code: 'BENCH', title: 'Synthetic study', version: 1, created_at: createdAt };
  const site = { id: siteId, study_id: studyId, code: '01', name: 'Synthetic site', version: 1, created_at: createdAt };
  const subjects = Math.max(1, Math.ceil((records - 11) / 7));
  const subjectRow = (i: number) => ({
    id: uuid(3, i),
    study_id: studyId,
    site_id: siteId,
    screening_number: `S-${String(i).padStart(7, '0')}`,
    status: 'screening',
    version: 1,
    created_at: createdAt,
  });
  // The chain is computed twice over (once for the header's head, once while writing) so the
  // file streams without holding a million records.
  const walk = (each: (line: AuditLine) => void) => {
    let seq = 0;
    let prev: Buffer = Buffer.alloc(32);
    const base = Date.UTC(2026, 0, 1);
    const emit = (table: string, row: Record<string, string | number>) => {
      for (const [field, value] of fields(row)) {
        seq++;
        const at = `${new Date(base + seq).toISOString().slice(0, -1)}000Z`;
        const rec = { seq: String(seq), tableName: table, rowId: String(row.id), operation: 'INSERT', field, oldValue: null, newValue: value, userId: 'bench', recordedAt: at, reason: null };
        const hash = auditHash(prev, rec);
        each([rec.seq, table, rec.rowId, 'INSERT', field, null, value, 'bench', at, null, prev.toString('hex'), hash.toString('hex')]);
        prev = hash;
      }
    };
    emit('study', study);
    emit('site', site);
    for (let i = 0; i < subjects; i++) emit('subject', subjectRow(i));
    return { seq, hash: prev.toString('hex') };
  };
  const head = walk(() => {});
  const writer = new BackupWriter(file);
  writer.header({
    format: 'firstdose-backup',
    formatVersion: 1,
    createdAt: new Date().toISOString(),
    backend: 'pglite',
    migrations: loadMigrations().map(({ version, name, checksum }) => ({ version, name, checksum })),
    tables: ['study', 'site', 'subject'],
    audit: { records: head.seq, head },
  });
  writer.row('study', JSON.stringify(study));
  writer.row('site', JSON.stringify(site));
  for (let i = 0; i < subjects; i++) writer.row('subject', JSON.stringify(subjectRow(i)));
  walk((line) => writer.audit(line));
  writer.finish({ rows: { study: 1, site: 1, subject: subjects }, audit: head.seq });
  return { records: head.seq, subjects };
}
