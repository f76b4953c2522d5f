// A sliding-window counter per key (a user name, a client address): at most `max` hits in any
// `windowMs`. Each key keeps the times of its last `max` hits only, and the number of keys is
// capped, so a flood of made-up user names or addresses cannot grow the server's memory without
// bound: past the cap the key touched longest ago is forgotten. Kept in memory like the
// sessions: a restart forgets it, which at worst gives an attacker one more window.

export interface Limit {
  /** Hits allowed in any window. */
  readonly max: number;
  readonly windowMs: number;
}

interface Entry {
  /** Times of the last hits, oldest first, at most `max`. */
  readonly hits: number[];
  /** The end of the period whose refusal was already reported (one security event per period). */
  reportedUntil: number;
}

export class RateLimiter {
  readonly limit: Limit;
  readonly #now: () => number;
  readonly #maxKeys: number;
  readonly #entries = new Map<string, Entry>();

  constructor(limit: Limit, now: () => number, maxKeys = 50_000) {
    if (!(Number.isInteger(limit.max) && limit.max > 0 && limit.windowMs > 0)) throw new Error(`rate limit: max must be a whole number above 0 and the window above 0, got ${JSON.stringify(limit)}`);
    this.limit = limit;
    this.#now = now;
    this.#maxKeys = maxKeys;
  }

  /** Milliseconds until `key` may be tried again; 0 when it may be now. */
  retryAfterMs(key: string): number {
    const entry = this.#entries.get(key);
    if (!entry || entry.hits.length < this.limit.max) return 0;
    return Math.max(0, entry.hits[0]! + this.limit.windowMs - this.#now());
  }

  /** Counts one hit of `key` now. */
  hit(key: string): void {
    const now = this.#now();
    let entry = this.#entries.get(key);
    if (entry) this.#entries.delete(key);
    else entry = { hits: [], reportedUntil: 0 };
    // Re-inserted at the end: the Map's order is the order of last use.
    this.#entries.set(key, entry);
    entry.hits.push(now);
    while (entry.hits.length > this.limit.max || (entry.hits.length > 0 && entry.hits[0]! + this.limit.windowMs <= now)) entry.hits.shift();
    if (this.#entries.size > this.#maxKeys) this.#entries.delete(this.#entries.keys().next().value!);
  }

  /** Takes back the last hit of `key` (the attempt turned out to be a success). */
  refund(key: string): void {
    const entry = this.#entries.get(key);
    entry?.hits.pop();
    if (entry && entry.hits.length === 0 && entry.reportedUntil <= this.#now()) this.#entries.delete(key);
  }

  /** True the first time a refusal of `key` is seen in its blocked period, so it is reported once, not per request. */
  firstRefusal(key: string): boolean {
    const entry = this.#entries.get(key);
    const now = this.#now();
    if (!entry || entry.reportedUntil > now) return false;
    entry.reportedUntil = now + this.retryAfterMs(key);
    return true;
  }

  get size(): number {
    return this.#entries.size;
  }
}
