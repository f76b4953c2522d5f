// Logged-in sessions, kept in the server's memory: a restart logs everyone out, which is the safe
// direction, and one process serves a PGlite data directory anyway. The browser holds a random
// token; the server keeps only its SHA-256, so the table of sessions does not hold usable
// credentials. A session ends at logout or after `idleMs` without a request; the clock
// is injected so that tests can move time on.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface Session {
  readonly key: string;
  readonly username: string;
  readonly fullName: string;
  readonly csrfToken: string;
  readonly createdAt: number;
  lastSeen: number;
}

export type Lookup = { readonly session: Session } | { readonly expired: Session } | null;

const keyOf = (token: string) => createHash('sha256').update(token).digest('base64url');

export class SessionStore {
  readonly #sessions = new Map<string, Session>();
  readonly #idleMs: number;
  readonly #now: () => number;

  constructor(idleMs: number, now: () => number) {
    this.#idleMs = idleMs;
    this.#now = now;
  }

  /** A new session; the token goes to the browser (cookie) and is not kept. */
  create(user: { username: string; fullName: string }): { token: string; session: Session } {
    const token = randomBytes(32).toString('base64url');
    const now = this.#now();
    const session: Session = { key: keyOf(token), username: user.username, fullName: user.fullName, csrfToken: randomBytes(24).toString('base64url'), createdAt: now, lastSeen: now };
    this.#sessions.set(session.key, session);
    return { token, session };
  }

  /** The live session of a token (and its idle time restarts), or the one that just expired (now removed). */
  use(token: string | undefined): Lookup {
    if (!token) return null;
    const key = keyOf(token);
    const session = this.#sessions.get(key);
    if (!session) return null;
    const now = this.#now();
    if (now - session.lastSeen > this.#idleMs) {
      this.#sessions.delete(key);
      return { expired: session };
    }
    session.lastSeen = now;
    return { session };
  }

  end(session: Session): void {
    this.#sessions.delete(session.key);
  }

  /** Ends every session of a user (deactivated, say), but `keep` (the one that changed the password). */
  endAllOf(username: string, keep?: Session): Session[] {
    const ended = [...this.#sessions.values()].filter((s) => s.username === username && s.key !== keep?.key);
    for (const s of ended) this.#sessions.delete(s.key);
    return ended;
  }

  endAll(): Session[] {
    const all = [...this.#sessions.values()];
    this.#sessions.clear();
    return all;
  }

  /** Removes the sessions idle for too long and returns them, so their ends can be recorded. */
  sweep(): Session[] {
    const now = this.#now();
    const expired = [...this.#sessions.values()].filter((s) => now - s.lastSeen > this.#idleMs);
    for (const s of expired) this.#sessions.delete(s.key);
    return expired;
  }

  get size(): number {
    return this.#sessions.size;
  }
}

/** Compares in constant time, so the token cannot be guessed a character at a time. */
export function sameToken(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
