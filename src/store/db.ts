// The one SQL code path of FirstDose. Everything above the open functions (migrations, the audit
// helpers, verify, backup) talks to PostgreSQL through this small interface, so the embedded
// PGlite and a PostgreSQL server run the same statements. Typed table access goes through
// drizzle on top of it (see orm.ts).
//
// Values come back the same on both backends (see types.ts): int8 as a JS number (bigint past
// 2^53), numeric as a string, date/timestamp/interval as PostgreSQL's text, timestamptz as a
// Date (millisecond precision: cast to text in SQL when microseconds matter), jsonb parsed,
// bytea as a Uint8Array. Pass JSON parameters as strings (`JSON.stringify`) with a `::jsonb`
// cast: `pg` would send a JS array as a PostgreSQL array.

export type Row = Record<string, unknown>;

export type Backend = 'pglite' | 'postgres';

/** A connection or an open transaction. Every statement is parameterised ($1, $2, …). */
export interface Sql {
  /** One statement; rows as objects keyed by column name. */
  query<R extends object = Row>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** One statement; rows as arrays in column order (drizzle's row mode, and cheaper). */
  queryArrays(text: string, params?: readonly unknown[]): Promise<unknown[][]>;
  /** A script of several statements without parameters: migrations only. */
  exec(script: string): Promise<void>;
}

export interface TransactionOptions {
  /** A consistent snapshot for the whole transaction (verify, backup). */
  readonly snapshot?: boolean;
  readonly readOnly?: boolean;
}

export interface Db extends Sql {
  readonly backend: Backend;
  /** Where the data lives, for messages: the data directory, or the URL without its password. */
  readonly location: string;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. Use the
   * `tx` it gets for every statement inside; do not nest `transaction` calls (PGlite would wait
   * for itself).
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Always call it: an open PGlite keeps the process alive, a pool keeps its sockets. */
  close(): Promise<void>;
  /**
   * PGlite only: a count that moves after every statement or transaction of this process that
   * may have written. Its data directory is locked to this process, so while the count stands
   * still the database has not changed. Absent on a server, which other processes write to.
   */
  readonly localChanges?: () => number;
}

/** The SET TRANSACTION line for the options, or null when the defaults do. */
export function transactionMode(options: TransactionOptions | undefined): string | null {
  const parts = [options?.snapshot ? 'ISOLATION LEVEL REPEATABLE READ' : '', options?.readOnly ? 'READ ONLY' : ''].filter(Boolean);
  return parts.length ? `SET TRANSACTION ${parts.join(' ')}` : null;
}
