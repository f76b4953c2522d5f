// The record-keeping commands of the conduct: a subject's whole record at a glance, visits done,
// values and efficacy assessments entered, and data queries raised, answered and closed.
import type { Command } from 'commander';
import { issue } from '../../domain/result.ts';
import type { Language } from '../../i18n/index.ts';
import { ObservationKind } from '../../store/schema-conduct.ts';
import {
  answerQuery,
  closeQuery,
  enterObservation,
  raiseQuery,
  recordAssessment,
  recordVisit,
  subjectByNumber,
  visitEfficacyFor,
  visitsOf,
} from '../../store/trial/index.ts';
import { recordId } from '../arguments.ts';
import { CliError } from '../cli-error.ts';
import { type Output, parseJsonObject, readInputText } from '../io.ts';
import { actorOf, type Common, conductKit, instant } from './conduct-kit.ts';
import { siteToday } from './trial.ts';

const efficacyVisits = new Set(['m2', 'm3', 'm4', 'm6', 'm9', 'm12']);

export function registerRecordCommands(program: Command, language: Language, io: Output, env: NodeJS.ProcessEnv = process.env): void {
  const { t, common, print, run } = conductKit(language, io, env);
  const subjectCommand = program.commands.find((c) => c.name() === 'subject') ?? program.command('subject');

  common(subjectCommand.command('show').description(t('cli.trial.subject.show')).argument('<number>', t('cli.trial.arg.number')).option('--as-of <date>', t('cli.trial.option.as-of'))).action(
    (number: string, options: Common & { asOf?: string }) =>
      run(options, async (db, study) => {
        const s = await subjectByNumber(db, study.id, number);
        const asOf = siteToday(options.asOf);
        const visits = await visitsOf(db, s.id, asOf);
        const doses = await db.query<{ id: string; dose_level: number; started_at: Date }>('SELECT id, dose_level, started_at FROM dose_administration WHERE subject_id = $1 ORDER BY started_at', [s.id]);
        const events = await db.query<{ id: string; term: string; grade: number; onset_date: string; dlt: string | null; dlt_suggested: boolean | null }>(
          `SELECT id, term, grade, onset_date, dlt, dlt_suggested FROM adverse_event WHERE subject_id = $1 AND status = 'active' ORDER BY onset_date`,
          [s.id],
        );
        const efficacy = [];
        for (const v of visits) if (efficacyVisits.has(v.visitCode) && v.actualDate) efficacy.push({ visit: v.visitCode, ...(await visitEfficacyFor(db, s.id, v.visitCode)) });
        const record = { subject: s, doses, visits, adverseEvents: events, efficacy };
        if (options.json) return print(options, record, '');
        io.out(t('cli.trial.subject.heading', { number, status: t(`conduct.status.${s.status}`), level: s.doseLevel ?? '–', cohort: s.cohort ?? '–' }));
        for (const d of doses) io.out(`  ${t('cli.trial.subject.dose-line', { at: d.started_at.toISOString(), level: d.dose_level })}`);
        for (const v of visits) io.out(`  ${v.visitCode.padEnd(10)} ${v.plannedDate} [${v.windowStart}..${v.windowEnd}] ${v.actualDate ?? ''} ${t(`cli.trial.visit.state.${v.state}`)}  ${v.id}`);
        for (const e of events) io.out(`  ${t('cli.trial.subject.ae-line', { term: e.term, grade: e.grade, onset: e.onset_date, dlt: e.dlt ?? (e.dlt_suggested ? '?' : '–') })}  ${e.id}`);
        for (const e of efficacy)
          io.out(`  ${t('cli.trial.subject.efficacy-line', { visit: e.visit, sledai: e.sledai2k ?? '–', clinical: e.clinicalSledai ?? '–', sri4: e.sri4 ? (e.sri4.responder ? '✓' : '✗') : '–', lldas: e.lldas ? (e.lldas.met ? '✓' : '✗') : '–', pred: e.prednisoneEquivalentMgPerDay ?? '–' })}`);
      }),
  );

  const visit = program.command('visit').description(t('cli.trial.visit.description'));
  common(visit.command('done').description(t('cli.trial.visit.done')).argument('<number>', t('cli.trial.arg.number')).argument('<visit>', t('cli.trial.arg.visit')).option('--date <date>', t('cli.trial.option.as-of')).option('--source <ref>', t('cli.trial.option.source'))).action(
    (number: string, code: string, options: Common & { date?: string; source?: string }) =>
      run(options, async (db, study) => {
        const s = await subjectByNumber(db, study.id, number);
        const v = (await visitsOf(db, s.id, siteToday(undefined))).find((x) => x.visitCode === code);
        if (!v) throw new CliError([issue(['<visit>'], 'visit_not_found', { visit: code })]);
        const done = await recordVisit(db, actorOf(options, env), v.id, siteToday(options.date), options.source);
        print(options, done, t('cli.trial.visit.recorded', { number, visit: code, date: done.actualDate }));
      }),
  );

  const observation = program.command('observation').description(t('cli.trial.observation.description'));
  common(
    observation
      .command('add')
      .description(t('cli.trial.observation.add'))
      .argument('<number>', t('cli.trial.arg.number'))
      .requiredOption('--kind <kind>', t('cli.trial.option.kind'))
      .requiredOption('--code <code>', t('cli.trial.option.code'))
      .option('--value <value>', t('cli.trial.option.value'))
      .option('--unit <unit>', t('cli.trial.option.unit'))
      .option('--ref-low <n>', t('cli.trial.option.ref-low'))
      .option('--ref-high <n>', t('cli.trial.option.ref-high'))
      .option('--findings <file>', t('cli.trial.option.findings'))
      .option('--at <datetime>', t('cli.trial.option.at')),
  ).action((number: string, options: Common & { kind: string; code: string; value?: string; unit?: string; refLow?: string; refHigh?: string; findings?: string; at?: string }) =>
    run(options, async (db, study) => {
      const s = await subjectByNumber(db, study.id, number);
      const num = (v: string | undefined, flag: string) => {
        if (v === undefined) return undefined;
        const n = Number(v);
        if (v.trim() === '' || !Number.isFinite(n)) throw new CliError([issue([flag], 'invalid_type', { expected: 'number', received: v })]);
        return n;
      };
      // Unchecked, a kind the table does not know reached the database as its error.
      if (!(ObservationKind as readonly string[]).includes(options.kind)) throw new CliError([issue(['--kind'], 'invalid_choice', { value: options.kind, allowed: [...ObservationKind] })]);
      const o = await enterObservation(db, actorOf(options, env), {
        subjectId: s.id,
        kind: options.kind as ObservationKind,
        code: options.code,
        ...(options.value !== undefined ? { valueNum: num(options.value, '--value') } : {}),
        ...(options.unit ? { unit: options.unit } : {}),
        ...(options.refLow !== undefined ? { refLow: num(options.refLow, '--ref-low') } : {}),
        ...(options.refHigh !== undefined ? { refHigh: num(options.refHigh, '--ref-high') } : {}),
        ...(options.findings ? { valueJson: parseJsonObject(readInputText(options.findings), options.findings) } : {}),
        observedAt: instant(options.at, '--at'),
      });
      print(options, o, t('cli.trial.observation.added', { number, code: o.code, id: o.id }));
    }),
  );

  const assessment = program.command('assessment').description(t('cli.trial.assessment.description'));
  common(assessment.command('add').description(t('cli.trial.assessment.add')).argument('<number>', t('cli.trial.arg.number')).argument('[file]', t('cli.trial.arg.assessment-file')).option('--visit <code>', t('cli.trial.arg.visit')).option('--at <datetime>', t('cli.trial.option.at'))).action(
    (number: string, file: string | undefined, options: Common & { visit?: string; at?: string }) =>
      run(options, async (db, study) => {
        const s = await subjectByNumber(db, study.id, number);
        const visitId = options.visit ? (await visitsOf(db, s.id, siteToday(undefined))).find((v) => v.visitCode === options.visit)?.id : undefined;
        if (options.visit && !visitId) throw new CliError([issue(['--visit'], 'visit_not_found', { visit: options.visit })]);
        const rows = await recordAssessment(db, actorOf(options, env), {
          subjectId: s.id,
          ...(visitId ? { visitId } : {}),
          observedAt: instant(options.at, '--at'),
          assessment: parseJsonObject(readInputText(file), file ?? '-'),
        });
        print(options, rows, t('cli.trial.assessment.added', { number, parts: rows.length }));
      }),
  );

  const query = program.command('query').description(t('cli.trial.query.description'));
  common(query.command('raise').description(t('cli.trial.query.raise')).argument('<table>', t('cli.trial.arg.table')).argument('<id>', t('cli.trial.arg.id'), recordId(t)).requiredOption('--text <text>', t('cli.trial.option.text')).option('--field <field>', t('cli.trial.option.field'))).action(
    (table: string, id: string, options: Common & { text: string; field?: string }) =>
      run(options, async (db, study) => {
        const [row] = await db.query<{ subject_id: string | null }>(`SELECT (to_jsonb(t) ->> 'subject_id') AS subject_id FROM ${table.replace(/[^a-z_]/g, '')} t WHERE id::text = $1`, [id]).catch(() => []);
        if (!row) throw new CliError([issue(['<id>'], 'record_not_found', { table, id })]);
        const q = await raiseQuery(db, actorOf(options, env), { studyId: study.id, ...(row.subject_id ? { subjectId: row.subject_id } : {}), tableName: table, rowId: id, ...(options.field ? { field: options.field } : {}), text: options.text });
        print(options, q, t('cli.trial.query.raised', { id: q.id }));
      }),
  );
  common(query.command('answer').description(t('cli.trial.query.answer')).argument('<id>', t('cli.trial.arg.id'), recordId(t)).requiredOption('--text <text>', t('cli.trial.option.text'))).action((id: string, options: Common & { text: string }) =>
    run(options, async (db) => {
      const q = await answerQuery(db, actorOf(options, env), id, options.text);
      print(options, q, t('cli.trial.query.moved', { id, status: q.status }));
    }),
  );
  common(query.command('close').description(t('cli.trial.query.close')).argument('<id>', t('cli.trial.arg.id'), recordId(t))).action((id: string, options: Common) =>
    run(options, async (db) => {
      const q = await closeQuery(db, actorOf(options, env), id);
      print(options, q, t('cli.trial.query.moved', { id, status: q.status }));
    }),
  );
}
