// `firstdose export fhir` and `firstdose export odm`, registered on the `export` group
// (export.ts). Both name who exports (--as): the export is refused without a study-wide data
// manager or administrator role, and recorded with its file's SHA-256 when done.
import type { Command } from 'commander';
import { exportFhir } from '../../reports/fhir-export/index.ts';
import { exportOdm } from '../../reports/odm/index.ts';
import type { WrittenFile } from '../../reports/fhir-export/index.ts';
import { writing } from '../io.ts';
import { guarded, studyOption, withStore } from '../store-session.ts';
import { actorOf, type Common } from './conduct-kit.ts';
import type { ExportContext } from './export.ts';

interface ExportOptions extends Common {
  readonly out: string;
}

function options(command: Command, t: ExportContext['t'], out: string): Command {
  return command
    .requiredOption('--out <path>', t(out))
    .option('--study <code>', t('cli.trial.option.study'))
    .option('--as <user>', t('cli.export.option.exporter'))
    .option('--data <dir>', t('cli.store.option.data'))
    .option('--json', t('cli.option.json'));
}

const fileLine = (t: ExportContext['t'], f: WrittenFile) => t('cli.export.file', { file: f.path, bytes: f.bytes, sha256: f.sha256 });

export function registerFhirOdmExports(group: Command, { t, language, io, env }: ExportContext): void {
  options(group.command('fhir').description(t('cli.export.fhir.description')), t, 'cli.export.option.out-fhir').action((o: ExportOptions) =>
    guarded(io, t, language, async () => {
      const actor = actorOf(o, env);
      const summary = await writing('--out', () => withStore(o, env, async (db) => exportFhir(db, { study: (await studyOption(db, o.study)).code, out: o.out, actor })));
      if (o.json) return io.out(JSON.stringify(summary));
      for (const f of summary.files) io.out(fileLine(t, f));
      io.out(t('cli.export.fhir.done', { format: summary.format, resources: Object.values(summary.counts).reduce((a, b) => a + b, 0) }));
    }),
  );
  options(group.command('odm').description(t('cli.export.odm.description')), t, 'cli.export.option.out-odm').action((o: ExportOptions) =>
    guarded(io, t, language, async () => {
      const actor = actorOf(o, env);
      const summary = await writing('--out', () => withStore(o, env, async (db) => exportOdm(db, { study: (await studyOption(db, o.study)).code, out: o.out, actor })));
      if (o.json) return io.out(JSON.stringify(summary));
      io.out(fileLine(t, summary.file));
      io.out(t('cli.export.odm.done', { subjects: summary.subjects, auditRecords: summary.auditRecords, signatures: summary.signatures }));
    }),
  );
}
