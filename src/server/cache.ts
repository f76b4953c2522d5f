// Pages that cost a lot to compute (the trial status reads every subject and checks every
// signature's hash) are kept and served again while the record they rest on has not moved. The
// audit trail says whether it has (store/trial/changes.ts): an entry remembers the audit sequence
// it was computed at, and is recomputed once a later audit record concerns what it read. This is
// exact, not a time-to-live: a change made by any process, the CLI included, is seen at the next
// request.
import type { Db } from '../store/index.ts';
import { auditHead } from '../store/trial/index.ts';

interface Entry<T> {
  seq: number;
  readonly value: T;
  /** Did anything this value rests on change after `seq`, up to `until`? */
  readonly changedSince: (seq: number, until: number) => Promise<boolean>;
}

const maxEntries = 1000;

export class RecordCache {
  readonly #db: Db;
  readonly #entries = new Map<string, Entry<unknown>>();

  constructor(db: Db) {
    this.#db = db;
  }

  /**
   * The value kept under `key` if nothing it rests on changed, else `compute()`'s. `changedSince`
   * is asked of a kept value: did anything it read change after that audit sequence, up to the head?
   */
  async get<T>(
    key: string,
    compute: () => Promise<{ value: T; changedSince: (seq: number, until: number) => Promise<boolean> }>,
    head?: number,
  ): Promise<{ value: T; kept: boolean }> {
    // Read before computing: a change committed meanwhile is after this sequence, so it is seen next time.
    head ??= await auditHead(this.#db);
    const kept = this.#entries.get(key) as Entry<T> | undefined;
    if (kept && (kept.seq === head || !(await kept.changedSince(kept.seq, head)))) {
      kept.seq = head;
      return { value: kept.value, kept: true };
    }
    const { value, changedSince } = await compute();
    if (this.#entries.size >= maxEntries) this.#entries.clear();
    this.#entries.set(key, { seq: head, value, changedSince });
    return { value, kept: false };
  }
}
