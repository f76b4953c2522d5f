// Statements on PGlite in one call into the backend. PGlite's own query() makes six calls into
// the WASM backend per statement (parse, describe, bind, describe, execute, sync), the first two
// only to learn the parameters' types. Those types are kept here per statement text, so after a
// text's first run each run is one message: parse (with the types), bind, describe, execute,
// sync. The statement stays unnamed, so PostgreSQL plans it for its parameters at every run as
// before (a plan kept for any parameter could read the audit trail from its start rather than
// from the sequence asked for), and the triggers' own plans are left as PostgreSQL keeps them.
// The same messages, parameters and parsers as PGlite's query() (base.ts #runQuery in
// @electric-sql/pglite), so the answers are the same.
import { type PGlite, parse, protocol } from '@electric-sql/pglite';

type RowMode = 'object' | 'array';

/** What is kept of a statement text: its parameters' types, and its parse message with them. */
interface Known {
  readonly types: number[];
  readonly parse: Uint8Array;
}

/** Texts kept per session; past this, a text's types are asked at each run (a rare text). */
const maxKept = 5000;

const sessions = new WeakMap<PGlite, Map<string, Known>>();

const message = protocol.serialize;
/** The end of every run's message: describe, execute and sync the unnamed portal (each a copy, never reused by the writer). */
const runEnd = [message.describe({ type: 'P' }), message.execute({}), message.sync()];

function joined(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Runs one statement; the caller holds PGlite's query lock (and its transaction lock when outside a transaction). */
async function run<R>(pglite: PGlite, text: string, params: readonly unknown[], rowMode: RowMode, inTransaction: boolean): Promise<R[]> {
  let kept = sessions.get(pglite);
  if (!kept) {
    kept = new Map();
    sessions.set(pglite, kept);
  }
  try {
    const known = kept.get(text);
    let types: number[];
    const parts: Uint8Array[] = [];
    if (known) {
      types = known.types;
      parts.push(known.parse);
    } else {
      // A text's first run: parse it and learn its parameter types; the bind below uses it.
      const messages = await pglite.execProtocolStream(joined([message.parse({ text }), message.describe({ type: 'S' }), message.sync()]), { syncToFs: false });
      types = parse.parseDescribeStatementResults(messages);
      if (kept.size < maxKept) kept.set(text, { types, parse: message.parse({ text, types }) });
    }
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serialize = pglite.serializers[types[i]!];
      return serialize ? serialize(value) : String(value);
    });
    parts.push(message.bind({ values }), ...runEnd);
    // Parsed as it comes, as query() does: execProtocol would also keep a copy of the raw answer.
    const messages = await pglite.execProtocolStream(joined(parts), { syncToFs: !inTransaction });
    return parse.parseResults(messages, pglite.parsers, { rowMode })[0]!.rows as R[];
  } catch (error) {
    // As PGlite's query() does, the failing statement goes with its error.
    throw Object.assign(error as object, { query: text, params });
  }
}

/**
 * One statement on PGlite. `inTransaction`: it runs inside `pglite.transaction()`, which holds
 * the transaction lock already; else it waits for any open transaction, as PGlite's query()
 * does, so that it never lands inside another caller's transaction.
 */
export async function runStatement<R>(pglite: PGlite, text: string, params: readonly unknown[], rowMode: RowMode, inTransaction: boolean): Promise<R[]> {
  const once = () => pglite._runExclusiveQuery(() => run<R>(pglite, text, params, rowMode, inTransaction));
  if (inTransaction) return once();
  // As query() does: refused once PGlite is closing or closed, rather than run on a stopped backend.
  await pglite._checkReady();
  return pglite._runExclusiveTransaction(once);
}

/** After a script (migrations, restore) changed tables, a text's parameter types are asked anew. */
export function forgetStatements(pglite: PGlite): void {
  sessions.get(pglite)?.clear();
}
