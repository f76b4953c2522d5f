// What every command on the trial database shares: where the database is (--data DIR, or
// DATABASE_URL when set), opening and always closing it, and how failures end the command: a
// refused conduct step, a store refusal (locked, conflict, …) or a database failure is one line
// on stderr and exit 1; bad arguments stay usage errors (exit 2, CliError).
import { CommanderError } from 'commander';
import { formatIssue, type Language, type Translate } from '../i18n/index.ts';
import { type BadRecord, databaseFailure, defaultDataDir, openStore, sqlState, StoreError, type Store, type StoreOptions } from '../store/index.ts';
import { ConductRefusal, InvalidInput } from '../store/trial/index.ts';
import { issue } from '../domain/result.ts';
import { CliError } from './cli-error.ts';
import { lentStore } from './lent-store.ts';
import { oneLine, type Output } from './io.ts';

export interface DataOption {
  readonly data?: string;
}

export function storeOptions(options: DataOption, env: NodeJS.ProcessEnv): StoreOptions {
  return { dataDir: options.data ?? defaultDataDir, databaseUrl: env.DATABASE_URL || undefined };
}

/** A record as messages name it: table/row.field. */
export const recordWhere = (bad: Pick<BadRecord, 'table' | 'rowId' | 'field'>) =>
  bad.table ? `${bad.table}/${bad.rowId ?? '?'}${bad.field ? `.${bad.field}` : ''}` : '–';

/** A StoreError in the user's language, with every placeholder filled. */
export function storeErrorText(t: Translate, error: StoreError): string {
  const p = error.params as Record<string, unknown>;
  if (error.code === 'restore_unverified') {
    const bad = p as unknown as BadRecord;
    const at = bad.seq === null ? recordWhere(bad) : `${bad.seq} (${recordWhere(bad)})`;
    return t('store.error.restore_unverified', { where: at, problem: t(`store.problem.${bad.problem}`) });
  }
  const reason = error.code === 'backup_invalid' ? t(`store.backup.reason.${String(p.reason)}`) : undefined;
  return t(`store.error.${error.code}`, { table: '–', id: '–', ...p, ...(reason ? { reason } : {}) });
}

/**
 * Ends the command with exit code 1 after one line on stderr. main() returns the exit code of a
 * CommanderError with this code as it is, without printing.
 */
export function failed(io: Output, line: string): never {
  io.err(oneLine(line));
  throw new CommanderError(1, 'commander.executeSubCommandAsync', line);
}

/** A failure of the database or the machine rather than of FirstDose: a SQLSTATE, or ECONNREFUSED and the like. */
function operational(error: unknown): error is Error {
  const code = (error as { code?: unknown })?.code;
  return error instanceof Error && (sqlState(error) !== undefined || (typeof code === 'string' && /^E[A-Z]+$/.test(code)));
}

/** Runs an action; refusals and database failures become one line and exit 1. */
export async function guarded(io: Output, t: Translate, language: Language, action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    // Bad input is a usage error (exit 2) like any other; a refused step is not (exit 1).
    if (error instanceof InvalidInput) throw new CliError(error.issues);
    if (error instanceof ConductRefusal) failed(io, error.issues.map((i) => formatIssue(i, language)).join('; '));
    if (error instanceof StoreError) failed(io, storeErrorText(t, error));
    // A full disk or an unreachable database is said as such, with the driver's words after it.
    const lost = databaseFailure(error);
    if (lost) failed(io, storeErrorText(t, lost));
    // A unique key the command would break (a screening number taken): a refusal, said as the API says it.
    if (sqlState(error) === '23505') failed(io, t('issue.duplicate'));
    if (operational(error)) failed(io, t('store.error.database', { detail: error.message.split('\n')[0] }));
    throw error;
  }
}

/** Opens the store (it must exist unless told otherwise), runs `fn`, and always closes it. */
export async function withStore<T>(options: DataOption, env: NodeJS.ProcessEnv, fn: (db: Store) => Promise<T>, open: Partial<StoreOptions> = { mustExist: true }): Promise<T> {
  const kept = lentStore(options.data, env.DATABASE_URL);
  if (kept) return fn(kept);
  const db = await openStore({ ...storeOptions(options, env), ...open });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** `--study CODE`, or the only study in the database; usage errors name the studies there are. */
export async function studyOption(db: Store, code: string | undefined): Promise<{ id: string; code: string }> {
  const studies = await db.query<{ id: string; code: string }>('SELECT id, code FROM study ORDER BY code');
  if (code === undefined) {
    if (studies.length === 1) return studies[0]!;
    if (studies.length === 0) throw new CliError([issue(['--study'], 'user_no_study')]);
    throw new CliError([issue(['--study'], 'user_study_required', { studies: studies.map((s) => s.code) })]);
  }
  const found = studies.find((s) => s.code === code);
  if (!found) throw new CliError([issue(['--study'], 'user_study_unknown', { value: code, studies: studies.map((s) => s.code) })]);
  return found;
}
