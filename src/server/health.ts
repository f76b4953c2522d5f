// Whether the database answers. GET /api/health asks it with a trivial query; a request refused
// because the database cannot be reached tells it too. The log gets one warning when the
// database stops answering and one line when it answers again, not one per failed request:
// while it is lost, the watch asks again every `retryMs` by itself, so the line saying it is
// back comes even when no request does.
import { databaseFailure, type Db } from '../store/index.ts';

export type DatabaseState = 'ok' | 'unavailable';

/** The two levels the watch writes: pino's (fastify's logger) or the console's. */
export interface HealthLog {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

/** For `npm start`, whose fastify logger is off: the operator still sees the two lines. */
export const consoleLog: HealthLog = {
  warn: (fields, message) => console.warn(`warning: ${message} ${JSON.stringify(fields)}`),
  info: (fields, message) => console.log(`${message} ${JSON.stringify(fields)}`),
};

const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0];

export class DatabaseWatch {
  readonly #db: Db;
  readonly #log: HealthLog;
  readonly #retryMs: number;
  #lostAt: number | null = null;
  #timer: NodeJS.Timeout | undefined;
  #asking = false;
  #stopped = false;

  constructor(db: Db, log: HealthLog, retryMs = 5000) {
    this.#db = db;
    this.#log = log;
    this.#retryMs = retryMs;
  }

  get state(): DatabaseState {
    return this.#lostAt === null ? 'ok' : 'unavailable';
  }

  /** Asks the database now: any failure of a trivial query means it cannot serve requests. */
  async check(): Promise<DatabaseState> {
    try {
      await this.#db.query('SELECT 1');
      this.#reached();
    } catch (error) {
      this.#lost(databaseFailure(error)?.params.detail ?? firstLine(error));
    }
    return this.state;
  }

  /** A request failed: if because the database cannot be reached, it is lost. */
  failed(error: unknown): void {
    const failure = databaseFailure(error);
    if (failure?.code === 'database_unavailable') this.#lost(failure.params.detail);
  }

  /** At close: no more asking (the store may be closed next). */
  stop(): void {
    this.#stopped = true;
    clearInterval(this.#timer);
  }

  #lost(detail: unknown): void {
    if (this.#lostAt !== null || this.#stopped) return;
    this.#lostAt = Date.now();
    this.#log.warn({ database: this.#db.location, detail }, 'the database cannot be reached; requests that need it are answered 503 until it is back');
    this.#timer = setInterval(() => void this.#askAgain(), this.#retryMs);
    // The watch never keeps the process alive on its own.
    this.#timer.unref();
  }

  async #askAgain(): Promise<void> {
    if (this.#asking) return;
    this.#asking = true;
    try {
      await this.check();
    } finally {
      this.#asking = false;
    }
  }

  #reached(): void {
    if (this.#lostAt === null) return;
    const seconds = (Date.now() - this.#lostAt) / 1000;
    this.#lostAt = null;
    clearInterval(this.#timer);
    this.#log.info({ database: this.#db.location, unreachableSeconds: Number(seconds.toFixed(1)) }, 'the database is reached again');
  }
}
