// The backup file: JSON lines, so a backup of any size is written and read as a stream, and an
// inspector can read it with any JSON tool.
//   {"format":"firstdose-backup","formatVersion":1,…header…}
//   {"table":"study","row":{…row as PostgreSQL's row_to_json printed it…}}   (parents first)
//   {"audit":["seq","table","row","op","field","old","new","user","at","reason","prev","hash"]}
//   {"end":{"rows":{"study":1,…},"audit":N,"sha256":"…of every byte before this line…"}}
// Rows are kept as PostgreSQL printed them and handed back unparsed, so numbers of any precision
// survive; audit records are all text (jsonb values in their text form), exactly what the hash
// reads. The final line makes a cut-short or edited file fail before anything is loaded.
import { createHash, type Hash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, fsyncSync, linkSync, openSync, rmSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ChainHead } from './audit-verify.ts';
import type { AuditRecordText } from './canonical.ts';
import type { Backend } from './db.ts';
import { StoreError } from './errors.ts';
import type { AppliedMigration } from './migrate.ts';

export const backupFormat = 'firstdose-backup';

export interface BackupHeader {
  readonly format: typeof backupFormat;
  readonly formatVersion: 1;
  readonly createdAt: string;
  readonly backend: Backend;
  /** The schema the rows belong to: restore migrates to exactly this version before loading. */
  readonly migrations: readonly AppliedMigration[];
  readonly tables: readonly string[];
  /** The chain's end at backup time; keep it apart from the database to anchor the chain. */
  readonly audit: { readonly records: number; readonly head: ChainHead };
}

/** seq, table, row, operation, field, old, new, user, recorded_at, reason, prev_hash, hash (hex). */
export type AuditLine = [string, string, string, string, string | null, string | null, string | null, string, string, string | null, string, string];

export const auditLineRecord = (a: AuditLine): AuditRecordText => ({
  seq: a[0],
  tableName: a[1],
  rowId: a[2],
  operation: a[3],
  field: a[4],
  oldValue: a[5],
  newValue: a[6],
  userId: a[7],
  recordedAt: a[8],
  reason: a[9],
});

export interface Trailer {
  readonly rows: Record<string, number>;
  readonly audit: number;
  readonly sha256: string;
}

const tableName = /^[A-Za-z_][A-Za-z0-9_]*$/;
const rowLine = /^\{"table":"([A-Za-z_][A-Za-z0-9_]*)","row":/;

/**
 * Writes FILE.partial and links it to FILE once complete, so FILE is never half a backup, and an
 * existing FILE is never overwritten (a link, unlike a rename, fails when the name is taken).
 */
export class BackupWriter {
  readonly #path: string;
  readonly #fd: number;
  readonly #hash: Hash = createHash('sha256');
  #buffer: string[] = [];
  #size = 0;

  constructor(path: string) {
    this.#path = path;
    if (existsSync(path)) throw Object.assign(new Error(`${path} already exists`), { code: 'EEXIST' });
    this.#fd = openSync(`${path}.partial`, 'wx');
  }

  #line(text: string): void {
    this.#buffer.push(text, '\n');
    this.#size += text.length + 1;
    if (this.#size > 1 << 20) this.#flush();
  }

  #flush(): void {
    const chunk = this.#buffer.join('');
    this.#hash.update(chunk);
    writeSync(this.#fd, chunk);
    this.#buffer = [];
    this.#size = 0;
  }

  header(header: BackupHeader): void {
    this.#line(JSON.stringify(header));
  }

  /** `json` is row_to_json's text, written as it is. */
  row(table: string, json: string): void {
    if (!tableName.test(table)) throw new Error(`table name ${table} cannot be backed up`);
    this.#line(`{"table":"${table}","row":${json}}`);
  }

  audit(line: AuditLine): void {
    this.#line(JSON.stringify({ audit: line }));
  }

  finish(trailer: Omit<Trailer, 'sha256'>): void {
    this.#flush();
    const end: Trailer = { ...trailer, sha256: this.#hash.digest('hex') };
    writeSync(this.#fd, `${JSON.stringify({ end })}\n`);
    fsyncSync(this.#fd);
    closeSync(this.#fd);
    try {
      linkSync(`${this.#path}.partial`, this.#path);
    } finally {
      rmSync(`${this.#path}.partial`, { force: true });
    }
  }

  abandon(): void {
    closeSync(this.#fd);
    rmSync(`${this.#path}.partial`, { force: true });
  }
}

export type BackupItem =
  | { readonly kind: 'header'; readonly header: BackupHeader }
  | { readonly kind: 'row'; readonly table: string; readonly json: string }
  | { readonly kind: 'audit'; readonly line: AuditLine }
  | { readonly kind: 'end'; readonly trailer: Trailer };

const invalid = (file: string, line: number, reason: string) => new StoreError('backup_invalid', { file, line, reason });

function parseJson(text: string, file: string, line: number): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw invalid(file, line, 'not_json');
}

/** The file's lines as items; checks the header's format and the final line's digest. */
export async function* readBackup(file: string): AsyncGenerator<BackupItem> {
  const hash = createHash('sha256');
  let n = 0;
  let ended = false;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const text of lines) {
    n++;
    if (ended) throw invalid(file, n, 'after_end');
    if (n === 1) {
      const header = parseJson(text, file, n);
      if (header.format !== backupFormat || header.formatVersion !== 1) throw invalid(file, n, 'not_a_backup');
      hash.update(`${text}\n`);
      yield { kind: 'header', header: header as unknown as BackupHeader };
      continue;
    }
    const row = rowLine.exec(text);
    if (row && text.endsWith('}')) {
      hash.update(`${text}\n`);
      yield { kind: 'row', table: row[1]!, json: text.slice(row[0].length, -1) };
      continue;
    }
    const item = parseJson(text, file, n);
    if (Array.isArray(item.audit) && item.audit.length === 12) {
      hash.update(`${text}\n`);
      yield { kind: 'audit', line: item.audit as AuditLine };
    } else if (item.end && typeof item.end === 'object') {
      const trailer = item.end as Trailer;
      if (trailer.sha256 !== hash.digest('hex')) throw invalid(file, n, 'digest');
      ended = true;
      yield { kind: 'end', trailer };
    } else throw invalid(file, n, 'unknown_line');
  }
  if (n === 0) throw invalid(file, 1, 'not_a_backup');
  if (!ended) throw invalid(file, n, 'cut_short');
}
