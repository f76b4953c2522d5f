// Pages that cost a lot to compute (the trial status reads every subject and checks every
// signature's hash) are kept and served again while the record they rest on has not moved. The
// audit trail says whether it has (store/trial/changes.ts): an entry remembers the audit sequence
// it was computed at and what it was read from, and is recomputed once a later audit record
// concerns that. This is exact, not a time-to-live: a change made by any process, the CLI
// included, is seen at the next request.
//
// The audit records since are read once for all entries (ChangeFeed), not once per entry and
// request: after a change, the first request reads the few new records by their sequence, and
// every kept entry is checked against them here.
import type { Db } from '../store/index.ts';
import { type AuditChange, auditChanges, auditHead, type Dependency, touches } from '../store/trial/index.ts';

interface Entry<T> {
  seq: number;
  readonly value: T;
  readonly rests: Dependency;
}

const maxEntries = 1000;

/** The audit records of a recent stretch of the trail, read as the head moves. */
export class ChangeFeed {
  readonly #db: Db;
  /** Audit records held for the checks; an entry older than them is recomputed. */
  readonly #maxHeld: number;
  /** The records held are those after `#from` up to `#to`, in order. */
  #from = 0;
  #to = 0;
  #held: AuditChange[] = [];
  #started = false;
  #reading: Promise<void> | null = null;

  constructor(db: Db, maxHeld = 20_000) {
    this.#db = db;
    this.#maxHeld = maxHeld;
  }

  /** Whether an audit record after `seq`, up to `head`, concerns `rests`; true when the feed no longer reaches back to `seq`. */
  async touched(rests: Dependency, seq: number, head: number): Promise<boolean> {
    await this.#reach(head);
    if (seq < this.#from) return true;
    for (let i = this.#held.length - 1; i >= 0; i--) {
      const change = this.#held[i]!;
      if (change.seq <= seq) break;
      if (change.seq <= head && touches(rests, change)) return true;
    }
    return false;
  }

  /** Called as the first entry is kept: nothing before it is ever asked about, so the feed starts there. */
  begin(head: number): void {
    if (this.#started) return;
    this.#started = true;
    this.#from = head;
    this.#to = head;
  }

  async #reach(head: number): Promise<void> {
    this.begin(head);
    while (this.#to < head) {
      if (this.#reading) {
        await this.#reading;
        continue;
      }
      const from = this.#to;
      this.#reading = (async () => {
        // Far behind (a large import by another process): start over here; older entries are recomputed.
        if (head - from > this.#maxHeld) {
          this.#held = [];
          this.#from = head;
        } else this.#held.push(...(await auditChanges(this.#db, from, head)));
        this.#to = head;
        if (this.#held.length > this.#maxHeld) this.#from = this.#held.splice(0, this.#held.length - this.#maxHeld).at(-1)!.seq;
      })().finally(() => {
        this.#reading = null;
      });
    }
  }
}

export class RecordCache {
  readonly #db: Db;
  readonly #entries = new Map<string, Entry<unknown>>();
  readonly #feed: ChangeFeed;

  constructor(db: Db) {
    this.#db = db;
    this.#feed = new ChangeFeed(db);
  }

  /**
   * The value kept under `key` if nothing it rests on changed since, up to the head, else
   * `compute()`'s. `rests` says what the value was read from.
   */
  async get<T>(key: string, compute: () => Promise<{ value: T; rests: Dependency }>, head?: number): Promise<{ value: T; kept: boolean }> {
    // Read before computing: a change committed meanwhile is after this sequence, so it is seen next time.
    head ??= await auditHead(this.#db);
    const kept = this.#entries.get(key) as Entry<T> | undefined;
    if (kept && (kept.seq === head || !(await this.#feed.touched(kept.rests, kept.seq, head)))) {
      kept.seq = head;
      return { value: kept.value, kept: true };
    }
    this.#feed.begin(head);
    const { value, rests } = await compute();
    if (this.#entries.size >= maxEntries) this.#entries.clear();
    this.#entries.set(key, { seq: head, value, rests });
    return { value, kept: false };
  }
}
