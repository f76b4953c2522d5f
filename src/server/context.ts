// What every route and hook shares: the store, the protocol the server was started with, the
// account policy, the clock, the sessions, and the roles of logged-in users (cached briefly: a
// role revoked through the API takes effect at once, one revoked from the CLI within seconds).
import type { FastifyServerOptions } from 'fastify';
import type { Protocol } from '../domain/protocol/index.ts';
import type { Language } from '../i18n/index.ts';
import { type AccessPolicy, accessPolicy, grantsOf, type HeldRole } from '../store/access/index.ts';
import { audited, type Db, recordEvent } from '../store/index.ts';
import type { Study } from '../store/index.ts';
import { auditHead, ConductRefusal, siteTimeZone, type SubjectListing, studyByCode, subjectsOf } from '../store/trial/index.ts';
import { RecordCache } from './cache.ts';
import { consoleLog, DatabaseWatch, type HealthLog } from './health.ts';
import { RenderedAnswers } from './views/rendered.ts';
import { SessionStore } from './sessions.ts';

export interface ServerOptions {
  readonly db: Db;
  /** The protocol of the study to serve when the database has it (the public page falls back to it). */
  readonly protocol: Protocol;
  /** The language of answers to requests without Accept-Language. */
  readonly language?: Language;
  readonly policy?: Partial<AccessPolicy>;
  /** The server's clock (tests move it): idle timeouts, default dates, signing dates. */
  readonly clock?: () => Date;
  /** Minutes without a request before a session ends (default 30). */
  readonly idleMinutes?: number;
  /** Built web app to serve (index.html and assets); absent: a page that says how to build it. */
  readonly webRoot?: string;
  /** Mark the session cookie Secure (behind HTTPS). */
  readonly secureCookies?: boolean;
  /** fastify's logger (off by default): true, or pino options (a `stream` to capture it in tests). */
  readonly logger?: FastifyServerOptions['logger'];
  /** While the database is lost, how often to ask it again, to log when it is back (default 5 s). */
  readonly databaseRetryMs?: number;
}

const rolesTtlMs = 5000;
const studyTtlMs = 60_000;

/** siteDate's calendar, with one formatter for the server's life (making one per call costs more than the request). */
const siteDay = new Intl.DateTimeFormat('en-CA', { timeZone: siteTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

export class ServerContext {
  readonly db: Db;
  readonly protocol: Protocol;
  readonly language: Language;
  readonly policy: AccessPolicy;
  readonly clock: () => Date;
  readonly sessions: SessionStore;
  readonly secureCookies: boolean;
  readonly idleMinutes: number;
  readonly cache: RecordCache;
  /** Whether the database answers, for GET /api/health and the log. */
  readonly database: DatabaseWatch;
  /** Kept pages' answers as sent, per kind of reader (views/rendered.ts). */
  readonly rendered = new RenderedAnswers();
  readonly #roles = new Map<string, { at: number; grants: HeldRole[] }>();
  readonly #studies = new Map<string, { at: number; study: Study }>();
  readonly #heads = new WeakMap<object, Promise<number>>();
  #lastHead: { readonly changes: number; readonly head: Promise<number> } | undefined;
  #today: { minute: number; date: string } | null = null;

  constructor(options: ServerOptions, log: HealthLog = consoleLog) {
    this.db = options.db;
    this.protocol = options.protocol;
    this.language = options.language ?? 'en';
    this.policy = accessPolicy(options.policy);
    this.clock = options.clock ?? (() => new Date());
    this.idleMinutes = options.idleMinutes ?? 30;
    this.sessions = new SessionStore(this.idleMinutes * 60_000, () => this.clock().getTime());
    this.secureCookies = options.secureCookies ?? false;
    this.cache = new RecordCache(this.db);
    this.database = new DatabaseWatch(this.db, log, options.databaseRetryMs);
  }

  /** The site's calendar date today, by the server's clock. */
  today(): string {
    // Formatting in a time zone costs more than some requests; the date changes once a day.
    const now = this.clock().getTime();
    if (this.#today === null || Math.floor(now / 60_000) !== this.#today.minute) this.#today = { minute: Math.floor(now / 60_000), date: siteDay.format(now) };
    return this.#today.date;
  }

  /** A study by its code. Codes do not change, so one lookup a minute is enough. */
  async study(code: string): Promise<Study | null> {
    const now = Date.now();
    const kept = this.#studies.get(code);
    if (kept && now - kept.at < studyTtlMs) return kept.study;
    const study = await studyByCode(this.db, code).catch((error: unknown) => {
      if (error instanceof ConductRefusal) return null;
      throw error;
    });
    if (study) this.#studies.set(code, { at: now, study });
    return study;
  }

  /**
   * The audit sequence a read reads at: one look per GET, however many kept pages it uses. A
   * request that writes looks again each time, so that what it wrote is never hidden by a look
   * taken before it.
   */
  head(request: { readonly method?: string }): Promise<number> {
    if (request.method !== 'GET') return this.#lookAtHead();
    let head = this.#heads.get(request);
    if (!head) {
      head = this.#lookAtHead();
      this.#heads.set(request, head);
    }
    return head;
  }

  /**
   * The audit trail's head. On PGlite, which only this process writes, the last look holds while
   * nothing was written since (db.localChanges); the count is read before the look, so a write
   * that ends meanwhile makes the next request look again.
   */
  #lookAtHead(): Promise<number> {
    const changes = this.db.localChanges?.();
    if (changes !== undefined && this.#lastHead?.changes === changes) return this.#lastHead.head;
    const head = auditHead(this.db);
    if (changes !== undefined) {
      const look = { changes, head };
      this.#lastHead = look;
      head.catch(() => {
        if (this.#lastHead === look) this.#lastHead = undefined;
      });
    }
    return head;
  }

  /** The subjects of a study, kept while no subject, site or study changes. */
  async subjects(studyId: string, request: { readonly method?: string }): Promise<SubjectListing[]> {
    const { value } = await this.cache.get(
      `subjects|${studyId}`,
      async () => ({ value: await subjectsOf(this.db, [studyId]), rests: { tables: ['subject', 'site', 'study'] } }),
      await this.head(request),
    );
    return value;
  }

  /** A security event in a transaction of its own, attributed to the user it is about. */
  async event(username: string, kind: string, detail: Record<string, unknown> = {}): Promise<void> {
    await audited(this.db, { user: username }, (tx) => recordEvent(tx.sql, { kind, username, detail }));
  }

  /** Sessions that timed out while nobody used them: their logouts are recorded now. */
  async sweepSessions(): Promise<void> {
    for (const s of this.sessions.sweep()) await this.event(s.username, 'logout', { reason: 'idle' });
  }

  /** At shutdown: every open session ends, and the audit trail says so. */
  async closeSessions(): Promise<void> {
    for (const s of this.sessions.endAll()) await this.event(s.username, 'logout', { reason: 'shutdown' });
  }

  async grantsOf(username: string): Promise<HeldRole[]> {
    const now = Date.now();
    const cached = this.#roles.get(username);
    if (cached && now - cached.at < rolesTtlMs) return cached.grants;
    const grants = await grantsOf(this.db, username);
    this.#roles.set(username, { at: now, grants });
    return grants;
  }

  /** After an administrator changed someone's roles or account. */
  forgetRoles(username?: string): void {
    if (username === undefined) this.#roles.clear();
    else this.#roles.delete(username);
  }
}
