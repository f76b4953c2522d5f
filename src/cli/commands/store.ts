// `firstdose init | backup FILE | restore FILE | audit verify`: the storage commands. Each takes
// --data DIR for the embedded database and uses DATABASE_URL instead whenever it is set. Bad
// arguments exit 2 (CliError); a store failure (locked, not empty, …) and a broken audit trail
// exit 1 with one line on stderr.
import { existsSync } from 'node:fs';
import { type Command, CommanderError } from 'commander';
import { issue } from '../../domain/result.ts';
import { type Language, type Translate, translator } from '../../i18n/index.ts';
import {
  type BadRecord,
  StoreError,
  type StoreOptions,
  backup,
  defaultDataDir,
  migrate,
  openStore,
  restore,
  schemaVersion,
  sqlState,
  verifyAudit,
} from '../../store/index.ts';
import { CliError } from '../cli-error.ts';
import type { Output } from '../io.ts';

interface DataOption {
  readonly data?: string;
}

function storeOptions(options: DataOption, env: NodeJS.ProcessEnv): StoreOptions {
  return { dataDir: options.data ?? defaultDataDir, databaseUrl: env.DATABASE_URL || undefined };
}

const where = (bad: Pick<BadRecord, 'table' | 'rowId' | 'field'>) =>
  bad.table ? `${bad.table}/${bad.rowId ?? '?'}${bad.field ? `.${bad.field}` : ''}` : '–';

function badLine(t: Translate, bad: BadRecord): string {
  const params = { seq: bad.seq, where: where(bad), problem: t(`store.problem.${bad.problem}`) };
  return t(bad.seq === null ? 'cli.store.audit.verify.bad-row' : 'cli.store.audit.verify.bad', params);
}

/** A StoreError in the user's language, with every placeholder filled. */
export function storeErrorText(t: Translate, error: StoreError): string {
  const p = error.params as Record<string, unknown>;
  if (error.code === 'restore_unverified') {
    const bad = p as unknown as BadRecord;
    const at = bad.seq === null ? where(bad) : `${bad.seq} (${where(bad)})`;
    return t('store.error.restore_unverified', { where: at, problem: t(`store.problem.${bad.problem}`) });
  }
  const reason = error.code === 'backup_invalid' ? t(`store.backup.reason.${String(p.reason)}`) : undefined;
  return t(`store.error.${error.code}`, { table: '–', id: '–', ...p, ...(reason ? { reason } : {}) });
}

/**
 * Ends the command with exit code 1 after one line on stderr. main() returns the exit code of a
 * CommanderError with this code as it is, without printing: the one way to exit 1 without
 * changing main.ts.
 */
function failed(io: Output, line: string): never {
  io.err(line);
  throw new CommanderError(1, 'commander.executeSubCommandAsync', line);
}

/** A failure of the database or the machine rather than of FirstDose: a SQLSTATE, or ECONNREFUSED and the like. */
function operational(error: unknown): error is Error {
  const code = (error as { code?: unknown })?.code;
  return error instanceof Error && (sqlState(error) !== undefined || (typeof code === 'string' && /^E[A-Z]+$/.test(code)));
}

/** Runs a store action; StoreErrors and database failures become one line and exit 1. */
async function guarded(io: Output, t: Translate, action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (error instanceof StoreError) failed(io, storeErrorText(t, error));
    if (operational(error)) failed(io, t('store.error.database', { detail: error.message.split('\n')[0] }));
    throw error;
  }
}

const sum = (rows: Readonly<Record<string, number>>) => Object.values(rows).reduce((a, b) => a + b, 0);

export function registerStoreCommands(program: Command, language: Language, io: Output, env: NodeJS.ProcessEnv = process.env): void {
  const t = translator(language);
  const dataFlag = ['--data <dir>', t('cli.store.option.data')] as const;

  program
    .command('init')
    .description(t('cli.store.init.description'))
    .option(...dataFlag)
    .action((options: DataOption) =>
      guarded(io, t, async () => {
        const db = await openStore({ ...storeOptions(options, env), migrate: false });
        try {
          const applied = await migrate(db);
          io.out(t('cli.store.init.done', { location: db.location, version: await schemaVersion(db), applied: applied.length }));
        } finally {
          await db.close();
        }
      }),
    );

  program
    .command('backup')
    .description(t('cli.store.backup.description'))
    .argument('<file>', t('cli.store.backup.file'))
    .option(...dataFlag)
    .action((file: string, options: DataOption) =>
      guarded(io, t, async () => {
        if (existsSync(file)) throw new CliError([issue([file], 'file_exists')]);
        const db = await openStore({ ...storeOptions(options, env), mustExist: true });
        try {
          const s = await backup(db, file);
          io.out(t('cli.store.backup.done', { rows: sum(s.rows), audit: s.audit, file, version: s.schemaVersion, seq: s.head.seq, hash: s.head.hash }));
        } finally {
          await db.close();
        }
      }),
    );

  program
    .command('restore')
    .description(t('cli.store.restore.description'))
    .argument('<file>', t('cli.store.restore.file'))
    .option(...dataFlag)
    .action((file: string, options: DataOption) =>
      guarded(io, t, async () => {
        if (!existsSync(file)) throw new CliError([issue([file], 'unreadable', { detail: 'ENOENT' })]);
        const s = await restore(storeOptions(options, env), file);
        io.out(t('cli.store.restore.done', { rows: sum(s.rows), audit: s.audit, location: s.location, seq: s.head.seq, hash: s.head.hash }));
      }),
    );

  const audit = program.command('audit').description(t('cli.store.audit.description'));
  audit
    .command('verify')
    .description(t('cli.store.audit.verify.description'))
    .option(...dataFlag)
    .option('--json', t('cli.option.json'))
    .action((options: DataOption & { json?: boolean }) =>
      guarded(io, t, async () => {
        const db = await openStore({ ...storeOptions(options, env), mustExist: true });
        let result: Awaited<ReturnType<typeof verifyAudit>>;
        try {
          result = await verifyAudit(db);
        } finally {
          await db.close();
        }
        if (options.json) io.out(JSON.stringify(result));
        if (result.ok) {
          if (!options.json) io.out(t('cli.store.audit.verify.ok', { records: result.records, seq: result.head.seq, hash: result.head.hash }));
          return;
        }
        failed(io, badLine(t, result.firstBad));
      }),
    );
}
