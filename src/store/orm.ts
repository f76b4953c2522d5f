// Drizzle on top of our Sql interface: typed queries that run in whatever connection or
// transaction they are given, on either backend. Drizzle's pg-proxy driver is made for exactly
// this ("run the SQL through my function"); transactions stay ours (Db.transaction, audited()).
import { drizzle, type PgRemoteDatabase } from 'drizzle-orm/pg-proxy';
import type { Sql } from './db.ts';

export type Orm = PgRemoteDatabase;

// One drizzle per connection or transaction: making one costs more than a small query.
const made = new WeakMap<Sql, Orm>();

export function orm(sql: Sql): Orm {
  let o = made.get(sql);
  if (!o) {
    o = drizzle(async (text, params, method) => ({
      rows: method === 'all' ? await sql.queryArrays(text, params) : await sql.query(text, params),
    }));
    made.set(sql, o);
  }
  return o;
}
