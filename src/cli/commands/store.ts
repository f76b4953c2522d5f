// `firstdose init | backup FILE | restore FILE | audit verify`: the storage commands. Each takes
// --data DIR for the embedded database and uses DATABASE_URL instead whenever it is set. Bad
// arguments exit 2 (CliError); a store failure (locked, not empty, …) and a broken audit trail
// exit 1 with one line on stderr.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { issue } from '../../domain/result.ts';
import { type Language, type Translate, translator } from '../../i18n/index.ts';
import { type BadRecord, backup, migrate, restore, schemaVersion, verifyAudit } from '../../store/index.ts';
import { CliError } from '../cli-error.ts';
import type { Output } from '../io.ts';
import { type DataOption, failed, guarded, recordWhere, storeOptions, withStore } from '../store-session.ts';

function badLine(t: Translate, bad: BadRecord): string {
  const params = { seq: bad.seq, where: recordWhere(bad), problem: t(`store.problem.${bad.problem}`) };
  return t(bad.seq === null ? 'cli.store.audit.verify.bad-row' : 'cli.store.audit.verify.bad', params);
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
      guarded(io, t, language, async () => {
        await withStore(
          options,
          env,
          async (db) => {
            const applied = await migrate(db);
            io.out(t('cli.store.init.done', { location: db.location, version: await schemaVersion(db), applied: applied.length }));
          },
          { migrate: false },
        );
      }),
    );

  program
    .command('backup')
    .description(t('cli.store.backup.description'))
    .argument('<file>', t('cli.store.backup.file'))
    .option(...dataFlag)
    .action((file: string, options: DataOption) =>
      guarded(io, t, language, async () => {
        if (existsSync(file)) throw new CliError([issue([file], 'file_exists')]);
        // Else the write fails with the file system's ENOENT, said as a database error.
        if (!existsSync(dirname(file) || '.')) throw new CliError([issue([file], 'directory_missing', { dir: dirname(file) })]);
        const s = await withStore(options, env, (db) => backup(db, file));
        io.out(t('cli.store.backup.done', { rows: sum(s.rows), audit: s.audit, file, version: s.schemaVersion, seq: s.head.seq, hash: s.head.hash }));
      }),
    );

  program
    .command('restore')
    .description(t('cli.store.restore.description'))
    .argument('<file>', t('cli.store.restore.file'))
    .option(...dataFlag)
    .action((file: string, options: DataOption) =>
      guarded(io, t, language, async () => {
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
      guarded(io, t, language, async () => {
        const result = await withStore(options, env, (db) => verifyAudit(db));
        if (options.json) io.out(JSON.stringify(result));
        if (result.ok) {
          if (!options.json) io.out(t('cli.store.audit.verify.ok', { records: result.records, seq: result.head.seq, hash: result.head.hash }));
          return;
        }
        failed(io, badLine(t, result.firstBad));
      }),
    );
}
