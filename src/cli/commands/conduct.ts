// The conduct commands: every step of the trial from the command line, through the same service
// and gates as the web app. Writes are attributed to --as USER (or FIRSTDOSE_USER); a signature
// needs that user's password, from FIRSTDOSE_PASSWORD or the first line of standard input, never
// from the command line (it would stay in the shell history).
import type { Command } from 'commander';
import { issue, nestIssues } from '../../domain/result.ts';
import { parseInput } from '../../domain/validation.ts';
import { AdverseEventBody } from '../../server/routes/records.ts';
import type { Language, } from '../../i18n/index.ts';
import { sign } from '../../store/access/index.ts';
import type { SignatureMeaning } from '../../store/schema-conduct.ts';
import {
  addSubject,
  adjudicateDlt,
  administerDose,
  changeStatus,
  decideProposal,
  enrol,
  importLabFile,
  recommend,
  recordAdverseEvent,
  recordDecision,
  screenSubject,
  siteByCode,
  signDecision,
  subjectByNumber,
  type AdverseEventInput,
} from '../../store/trial/index.ts';
import type { SubjectStatus } from '../../domain/conduct/index.ts';
import { positiveInteger, recordId } from '../arguments.ts';
import { CliError } from '../cli-error.ts';
import { type Output, parseJsonObject, readInputText } from '../io.ts';

import { actorOf, type Common, conductKit, instant, passwordOf } from './conduct-kit.ts';
import { siteToday } from './trial.ts';

export function registerConductCommands(program: Command, language: Language, io: Output, env: NodeJS.ProcessEnv = process.env): void {
  const { t, common, print, run } = conductKit(language, io, env);

  const subject = program.command('subject').description(t('cli.trial.subject.description'));
  common(subject.command('add').description(t('cli.trial.subject.add')).argument('<number>', t('cli.trial.arg.number')).option('--site <code>', t('cli.trial.option.site'))).action(
    (number: string, options: Common & { site?: string }) =>
      run(options, async (db, study) => {
        const actor = actorOf(options, env);
        const sites = await db.query<{ id: string; code: string }>('SELECT id, code FROM site WHERE study_id = $1 ORDER BY code', [study.id]);
        const site = options.site ? await siteByCode(db, study.id, options.site) : sites[0]!;
        const s = await addSubject(db, actor, { studyId: study.id, siteId: site.id, screeningNumber: number });
        print(options, s, t('cli.trial.subject.added', { number: s.screeningNumber, site: site.code }));
      }),
  );
  common(subject.command('screen').description(t('cli.trial.subject.screen')).argument('<number>', t('cli.trial.arg.number')).argument('<bundle>', t('cli.trial.arg.bundle')).option('--as-of <date>', t('cli.trial.option.as-of'))).action(
    (number: string, file: string, options: Common & { asOf?: string }) =>
      run(options, async (db, study) => {
        const s = await subjectByNumber(db, study.id, number);
        const r = await screenSubject(db, actorOf(options, env), { subjectId: s.id, bundleText: readInputText(file), fileName: file, asOf: siteToday(options.asOf) });
        print(options, { screeningResult: r.row.id, outcome: r.row.outcome, proposals: r.proposals, result: r.result }, t('cli.trial.subject.screened', { number, outcome: r.row.outcome, id: r.row.id, proposals: r.proposals }));
      }),
  );
  common(subject.command('enrol').description(t('cli.trial.subject.enrol')).argument('<number>', t('cli.trial.arg.number')).option('--as-of <date>', t('cli.trial.option.as-of'))).action(
    (number: string, options: Common & { asOf?: string }) =>
      run(options, async (db, study) => {
        const s = await enrol(db, actorOf(options, env), (await subjectByNumber(db, study.id, number)).id, siteToday(options.asOf));
        print(options, s, t('cli.trial.subject.enrolled', { number, level: s.doseLevel, cohort: s.cohort }));
      }),
  );
  common(subject.command('status').description(t('cli.trial.subject.status')).argument('<number>', t('cli.trial.arg.number')).argument('<status>', t('cli.trial.arg.status'))).action(
    (number: string, status: string, options: Common) =>
      run(options, async (db, study) => {
        const s = await changeStatus(db, actorOf(options, env), (await subjectByNumber(db, study.id, number)).id, status as SubjectStatus);
        print(options, s, t('cli.trial.subject.moved', { number, status: t(`conduct.status.${s.status}`) }));
      }),
  );

  common(program.command('dose').description(t('cli.trial.dose.description')).argument('<number>', t('cli.trial.arg.number')).requiredOption('--level <n>', t('cli.trial.option.level'), positiveInteger(t)).option('--at <datetime>', t('cli.trial.option.at'))).action(
    (number: string, options: Common & { level: number; at?: string }) =>
      run(options, async (db, study) => {
        const s = await subjectByNumber(db, study.id, number);
        const d = await administerDose(db, actorOf(options, env), { subjectId: s.id, level: options.level, startedAt: instant(options.at, '--at') });
        print(options, d, t('cli.trial.dose.done', { number, level: options.level, visits: d.visits }));
      }),
  );

  const decision = program.command('decision').description(t('cli.trial.decision.description'));
  common(decision.command('recommend').description(t('cli.trial.decision.recommend')).option('--as-of <date>', t('cli.trial.option.as-of'))).action((options: Common & { asOf?: string }) =>
    run(options, async (db, study) => {
      const r = await recommend(db, study.id, siteToday(options.asOf));
      print(options, r, t('cli.trial.decision.recommended', { decision: t(`cli.trial.decision.${r.decision.decision}`), next: r.decision.nextDose ?? '–', reason: r.decision.reason }));
    }),
  );
  common(decision.command('record').description(t('cli.trial.decision.record')).requiredOption('--next <level|stop>', t('cli.trial.option.next')).option('--override-reason <text>', t('cli.trial.option.override')).option('--as-of <date>', t('cli.trial.option.as-of'))).action(
    (options: Common & { next: string; overrideReason?: string; asOf?: string }) =>
      run(options, async (db, study) => {
        const next = options.next === 'stop' ? null : positiveInteger(t)(options.next);
        const d = await recordDecision(db, actorOf(options, env), { studyId: study.id, asOf: siteToday(options.asOf), nextLevel: next, ...(options.overrideReason ? { overrideReason: options.overrideReason } : {}) });
        print(options, d, t('cli.trial.decision.recorded', { cohort: d.cohort, next: d.nextLevel ?? 'stop', id: d.id }));
      }),
  );
  common(decision.command('sign').description(t('cli.trial.decision.sign')).argument('<cohort>', t('cli.trial.arg.cohort'), positiveInteger(t, 1000))).action((cohort: number, options: Common) =>
    run(options, async (db, study) => {
      const s = await signDecision(db, { username: actorOf(options, env).user, password: passwordOf(env) }, study.id, cohort);
      print(options, s, t('cli.trial.signed', { meaning: s.meaning, name: s.fullName, at: s.createdAt.toISOString() }));
    }),
  );

  const ae = program.command('ae').description(t('cli.trial.ae.description'));
  common(ae.command('add').description(t('cli.trial.ae.add')).argument('<number>', t('cli.trial.arg.number')).argument('[file]', t('cli.trial.arg.ae-file'))).action((number: string, file: string | undefined, options: Common) =>
    run(options, async (db, study) => {
      const s = await subjectByNumber(db, study.id, number);
      // The API's schema: unchecked, a wrong type or choice reached the database as its error.
      const parsed = parseInput(AdverseEventBody, parseJsonObject(readInputText(file), file ?? '-'));
      if (!parsed.ok) throw new CliError(nestIssues([file ?? '-'], parsed.issues));
      const input = Object.fromEntries(Object.entries(parsed.value).filter(([, v]) => v !== undefined)) as Omit<AdverseEventInput, 'subjectId'>;
      const r = await recordAdverseEvent(db, actorOf(options, env), { ...input, subjectId: s.id });
      print(options, r, t('cli.trial.ae.added', { number, term: r.event.term, grade: r.event.grade, auto: r.event.gradeAuto ?? '–', dlt: r.event.dltSuggested ? t('cli.trial.ae.dlt-suggested') : '', id: r.event.id }));
    }),
  );
  common(ae.command('adjudicate').description(t('cli.trial.ae.adjudicate')).argument('<id>', t('cli.trial.arg.id'), recordId(t)).argument('<dlt>', 'yes | no')).action((id: string, dlt: string, options: Common) =>
    run(options, async (db) => {
      if (dlt !== 'yes' && dlt !== 'no') throw new CliError([issue(['<dlt>'], 'invalid_choice', { value: dlt, allowed: ['yes', 'no'] })]);
      const r = await adjudicateDlt(db, { username: actorOf(options, env).user, password: passwordOf(env) }, id, dlt, options.reason ?? '');
      print(options, r, t('cli.trial.signed', { meaning: r.signature.meaning, name: r.signature.fullName, at: r.signature.createdAt.toISOString() }));
    }),
  );

  const proposal = program.command('proposal').description(t('cli.trial.proposal.description'));
  common(proposal.command('import').description(t('cli.trial.proposal.import')).argument('<file>', t('cli.trial.arg.lab-file'))).action((file: string, options: Common) =>
    run(options, async (db, study) => {
      const r = await importLabFile(db, actorOf(options, env), { studyId: study.id, fileName: file, text: readInputText(file) });
      print(options, r, t('cli.trial.proposal.imported', { file, proposals: r.proposals, batch: r.batchId }));
    }),
  );
  for (const verb of ['accept', 'reject'] as const)
    common(proposal.command(verb).description(t(`cli.trial.proposal.${verb}`)).argument('<id>', t('cli.trial.arg.id'), recordId(t))).action((id: string, options: Common) =>
      run(options, async (db) => {
        const o = await decideProposal(db, actorOf(options, env), id, verb);
        print(options, o, t('cli.trial.proposal.done', { id, status: o.status }));
      }),
    );

  common(program.command('sign').description(t('cli.trial.sign.description')).argument('<table>', t('cli.trial.arg.table')).argument('<id>', t('cli.trial.arg.id'), recordId(t)).requiredOption('--meaning <meaning>', t('cli.trial.option.meaning'))).action(
    (table: string, id: string, options: Common & { meaning: string }) =>
      run(options, async (db) => {
        const s = await sign(db, { username: actorOf(options, env).user, password: passwordOf(env) }, { table, rowId: id, meaning: options.meaning as SignatureMeaning });
        print(options, s, t('cli.trial.signed', { meaning: s.meaning, name: s.fullName, at: s.createdAt.toISOString() }));
      }),
  );
}
