// `firstdose demo` and `firstdose status`: a living HN2301 trial for a new user, and where any
// trial stands today (open level and cohort, subjects and DLT windows, the design's live
// recommendation, what blocks the next cohort, the work waiting).
import type { Command } from 'commander';
import { issue } from '../../domain/result.ts';
import { formatIssue, type Language, translator, type Translate } from '../../i18n/index.ts';
import { ConductRefusal, demoPassword, demoPeople, loadDemo, registerStudy, siteDate, type TrialStatus, trialStatus } from '../../store/trial/index.ts';
import { checkDate, protocolOption } from '../dates-and-protocols.ts';
import type { Output } from '../io.ts';
import { type DataOption, guarded, studyOption, withStore } from '../store-session.ts';

/** Clinical "today" is the site's calendar date. */
export const siteToday = (value: string | undefined) => (value === undefined ? siteDate(new Date()) : checkDate(value, '--as-of'));

function statusLines(t: Translate, language: Language, s: TrialStatus): string[] {
  const lines = [t('cli.trial.status.heading', { study: s.study, version: s.protocolVersion, asOf: s.asOf })];
  lines.push(s.stopped ? t('cli.trial.status.stopped', { cohort: s.cohort }) : t('cli.trial.status.open', { cohort: s.cohort, level: s.doseLevel }));
  lines.push('', t('cli.trial.status.subjects'));
  for (const x of s.subjects)
    lines.push(
      `  ${x.number.padEnd(6)} ${t(`conduct.status.${x.status}`).padEnd(12)} ${x.doseLevel ? `DL${x.doseLevel}` : '–  '} ${x.cohort ? `C${x.cohort}` : '– '}  ${
        x.firstDose ? t('cli.trial.status.window', { first: x.firstDose, ends: x.dltWindowEnds, outcome: t(`cli.trial.status.dlt.${x.dlt}`) }) : ''
      }`.trimEnd(),
    );
  lines.push('');
  if ('refused' in s.recommendation) lines.push(t('cli.trial.status.recommendation-refused', { reason: formatIssue(s.recommendation.refused, language) }));
  else
    lines.push(
      t('cli.trial.status.recommendation', {
        decision: t(`cli.trial.decision.${s.recommendation.decision}`),
        next: s.recommendation.nextDose ?? '–',
        needed: s.recommendation.needed.length ? s.recommendation.needed.join(', ') : '–',
      }),
    );
  for (const b of s.blockers) lines.push(`  ! ${formatIssue(b, language)}`);
  lines.push(
    t('cli.trial.status.work', {
      queries: s.openQueries,
      proposals: s.proposals,
      events: s.adverseEvents.total,
      severe: s.adverseEvents.grade3OrMore,
      dlt: s.adverseEvents.dltUnadjudicated,
    }),
  );
  return lines;
}

export function registerTrialCommands(program: Command, language: Language, io: Output, env: NodeJS.ProcessEnv = process.env): void {
  const t = translator(language);
  const dataFlag = ['--data <dir>', t('cli.store.option.data')] as const;

  program
    .command('demo')
    .description(t('cli.trial.demo.description'))
    .option(...dataFlag)
    .option('--protocol <id-or-file>', t('cli.trial.option.protocol'), 'hn2301')
    .option('--json', t('cli.option.json'))
    .action((options: DataOption & { protocol: string; json?: boolean }) =>
      guarded(io, t, language, async () => {
        const protocol = protocolOption(options.protocol);
        const summary = await withStore(
          options,
          env,
          async (db) => {
            const existing = await db.query('SELECT 1 FROM study WHERE code = $1', [protocol.id]);
            if (existing.length > 0) throw new ConductRefusal(issue(['study'], 'demo_exists', { study: protocol.id, location: db.location }));
            return { ...(await loadDemo(db, protocol, siteDate(new Date()))), location: db.location };
          },
          { mustExist: false },
        );
        if (options.json) {
          io.out(JSON.stringify({ ...summary, password: demoPassword }));
          return;
        }
        io.out(t('cli.trial.demo.done', { study: summary.study, location: summary.location, subjects: summary.subjects }));
        for (const p of demoPeople) io.out(`  ${p.username.padEnd(12)} ${t(`cli.trial.role.${p.role}`)}`);
        io.out(t('cli.trial.demo.password', { password: demoPassword }));
        io.out(t('cli.trial.demo.next'));
      }),
    );

  const study = program.command('study').description(t('cli.trial.study.description'));
  study
    .command('register')
    .description(t('cli.trial.study.register'))
    .option(...dataFlag)
    .option('--protocol <id-or-file>', t('cli.trial.option.protocol'), 'hn2301')
    .requiredOption('--as <user>', t('cli.trial.option.as'))
    .option('--json', t('cli.option.json'))
    .action((options: DataOption & { protocol: string; as: string; json?: boolean }) =>
      guarded(io, t, language, async () => {
        const protocol = protocolOption(options.protocol);
        const registered = await withStore(
          options,
          env,
          async (db) => {
            // Said as a refusal, not as the database's unique-key error.
            if ((await db.query('SELECT 1 FROM study WHERE code = $1', [protocol.id])).length > 0) throw new ConductRefusal(issue(['--protocol'], 'study_exists', { study: protocol.id, location: db.location }));
            return registerStudy(db, { user: options.as }, protocol);
          },
          { mustExist: false },
        );
        if (options.json) io.out(JSON.stringify(registered));
        else io.out(t('cli.trial.study.registered', { study: registered.study.code, version: registered.protocolVersion.label, sites: registered.sites.map((x) => x.code).join(', ') }));
      }),
    );

  program
    .command('status')
    .description(t('cli.trial.status.description'))
    .option(...dataFlag)
    .option('--study <code>', t('cli.trial.option.study'))
    .option('--as-of <date>', t('cli.trial.option.as-of'))
    .option('--json', t('cli.option.json'))
    .action((options: DataOption & { study?: string; asOf?: string; json?: boolean }) =>
      guarded(io, t, language, async () => {
        const asOf = siteToday(options.asOf);
        const status = await withStore(options, env, async (db) => trialStatus(db, (await studyOption(db, options.study)).id, asOf));
        if (options.json) io.out(JSON.stringify(status));
        else for (const line of statusLines(t, language, status)) io.out(line);
      }),
    );
}
