// `firstdose design …`: boundaries, MTD selection, the next dose, and operating characteristics,
// for the statistician and the Safety Review Committee. The JSON shapes are issue #3's contract.
import type { Command } from 'commander';
import { fitCrm } from '../../domain/escalation/crm/index.ts';
import { boinBoundaries, decide, type Design, exactOC, type OcReport, recordFromCounts, selectBoinMtd } from '../../domain/escalation/index.ts';
import { issue, type Issue, type Result } from '../../domain/result.ts';
import { formatExplanation, type Language, type Translate, translator } from '../../i18n/index.ts';
import { buildDesign } from '../../simulation/design-registry.ts';
import { RngKind } from '../../simulation/oc-job.ts';
import { simulateOcParallel } from '../../simulation/parallel-oc.ts';
import { positiveInteger } from '../arguments.ts';
import { CliError } from '../cli-error.ts';
import type { Output } from '../io.ts';
import { progressBar } from '../progress.ts';
import { addDesignOptions, addOcOptions, countList, type DesignFlags, designRequest, flagPath } from './design-options.ts';
import { registerCompareCommand } from './design-compare.ts';
import { formatOcTable } from './oc-table.ts';

function orThrow<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new CliError(result.issues.map((i: Issue) => ({ ...i, path: flagPath(i.path) })));
}

function requireFlag<T>(value: T | undefined, flag: string): T {
  if (value === undefined) throw new CliError([issue([flag], 'required')]);
  return value;
}

export function makeDesign(flags: DesignFlags, doses: number): Design {
  return orThrow(buildDesign(designRequest(flags, doses)));
}

/** Pads per-dose counts with zeros up to `doses`, so untreated top doses may be left off. */
function padded(values: readonly number[] | undefined, doses: number): number[] | undefined {
  if (values === undefined) return undefined;
  return [...values, ...Array<number>(Math.max(0, doses - values.length)).fill(0)];
}

export interface OcFlags extends DesignFlags {
  truth: number[];
  exact?: boolean;
  trials?: number;
  seed: number;
  rng: string;
  json?: boolean;
}

/** Exact OCs where the design allows them and --trials is not given; simulation otherwise. */
export async function computeOc(flags: OcFlags, showProgress: boolean): Promise<OcReport & { elapsedMs: number }> {
  if (flags.rng !== 'fast' && flags.rng !== 'r') throw new CliError([issue(['--rng'], 'invalid_choice', { value: flags.rng, allowed: ['fast', 'r'] })]);
  const doses = flags.truth.length;
  const request = designRequest(flags, doses);
  const design = makeDesign(flags, doses);
  const started = performance.now();
  let report: Result<OcReport>;
  if (flags.design === 'crm' && flags.exact) throw new CliError([issue(['--exact'], 'invalid_argument', { detail: 'exact operating characteristics are available for 3+3 and boin; simulate CRM with --trials' })]);
  if (flags.design === 'crm' && flags.method === 'mle') throw new CliError([issue(['--method'], 'crm_simulation_bayes_only')]);
  if (flags.exact || (flags.trials === undefined && flags.design !== 'crm')) {
    report = exactOC(design, flags.truth, flags.target !== undefined ? { target: flags.target } : {});
  } else {
    const trials = flags.trials ?? 10_000;
    const bar = showProgress ? progressBar(trials) : undefined;
    report = await simulateOcParallel(
      { request, truth: flags.truth, seed: flags.seed, rng: flags.rng === 'r' ? RngKind.r : RngKind.fast, options: flags.target !== undefined ? { target: flags.target } : {} },
      { trials, onProgress: (done) => bar?.update(done) },
    );
    bar?.stop();
  }
  const elapsedMs = Math.round((performance.now() - started) * 100) / 100;
  return { ...orThrow(report), elapsedMs };
}

function reasonText(t: Translate, reason: string, params: Record<string, unknown> = {}): string {
  const key = `reason.${reason}`;
  const text = t(key, params);
  return text === key ? reason : text;
}

export function registerDesignCommands(program: Command, language: Language, io: Output): void {
  const t = translator(language);
  const design = program.command('design').description(t('cli.design.description'));

  addDesignOptions(design.command('boundaries').description(t('cli.design.boundaries.description')), t, { designs: ['boin'] })
    .option('--json', t('cli.option.json'))
    .action((flags: DesignFlags & { json?: boolean }) => {
      if (flags.design !== 'boin') throw new CliError([issue(['--design'], 'invalid_choice', { value: flags.design, allowed: ['boin'] })]);
      const b = orThrow(
        boinBoundaries({
          target: requireFlag(flags.target, '--target'),
          cohortSize: flags.cohortSize ?? 3,
          cohorts: flags.cohorts ?? 10,
          ...(flags.cutoffEli !== undefined && { cutoffEli: flags.cutoffEli }),
          ...(flags.pSaf !== undefined && { pSaf: flags.pSaf }),
          ...(flags.pTox !== undefined && { pTox: flags.pTox }),
          ...(flags.extrasafe && { extrasafe: true }),
          ...(flags.offset !== undefined && { offset: flags.offset }),
        }),
      );
      if (flags.json) return io.out(JSON.stringify({ lambdaE: b.lambdaE, lambdaD: b.lambdaD, table: b.table }));
      io.out(t('cli.design.boundaries.summary', { lambdaE: b.lambdaE.toFixed(4), lambdaD: b.lambdaD.toFixed(4) }));
      io.out(['n', t('cli.design.table.escalate'), t('cli.design.table.deescalate'), t('cli.design.table.eliminate')].join('\t'));
      for (const row of b.table) io.out([row.n, row.escalate ?? '–', row.deescalate ?? '–', row.eliminate ?? '–'].join('\t'));
    });

  addDesignOptions(design.command('select-mtd').description(t('cli.design.select-mtd.description')), t, { designs: ['boin', 'crm'] })
    .requiredOption('--n <counts>', t('cli.design.option.n'), countList(t))
    .requiredOption('--y <counts>', t('cli.design.option.y'), countList(t))
    .option('--json', t('cli.option.json'))
    .action((flags: DesignFlags & { n: number[]; y: number[]; json?: boolean }) => {
      let out: { mtd: number | null; estimates: readonly (number | null)[] };
      if (flags.design === 'boin') {
        const s = orThrow(
          selectBoinMtd({
            target: requireFlag(flags.target, '--target'),
            n: flags.n,
            y: flags.y,
            ...(flags.cutoffEli !== undefined && { cutoffEli: flags.cutoffEli }),
            ...(flags.pSaf !== undefined && { pSaf: flags.pSaf }),
            ...(flags.pTox !== undefined && { pTox: flags.pTox }),
            ...(flags.extrasafe && { extrasafe: true }),
            ...(flags.offset !== undefined && { offset: flags.offset }),
            ...(flags.boundMtd && { boundMtd: true }),
          }),
        );
        out = { mtd: s.mtd, estimates: s.estimates };
      } else if (flags.design === 'crm') {
        const fit = orThrow(
          fitCrm({
            skeleton: requireFlag(flags.skeleton, '--skeleton'),
            target: requireFlag(flags.target, '--target'),
            ...(flags.model !== undefined && { model: flags.model as 'empiric' }),
            ...(flags.method !== undefined && { method: flags.method as 'bayes' }),
            ...(flags.priorVar !== undefined && { priorVar: flags.priorVar }),
            ...(flags.intercept !== undefined && { intercept: flags.intercept }),
            data: { n: flags.n, y: flags.y },
          }),
        );
        out = { mtd: fit.mtd, estimates: fit.ptox };
      } else throw new CliError([issue(['--design'], 'invalid_choice', { value: flags.design, allowed: ['boin', 'crm'] })]);
      if (flags.json) return io.out(JSON.stringify(out));
      io.out(out.mtd === null ? t('cli.design.select-mtd.none') : t('cli.design.select-mtd.summary', { mtd: out.mtd }));
      for (const [j, e] of out.estimates.entries()) io.out(`  ${t('cli.design.dose')} ${j + 1}: ${e === null ? '–' : e.toFixed(3)}`);
    });

  addDesignOptions(design.command('next').description(t('cli.design.next.description')), t)
    .requiredOption('--current <level>', t('cli.design.option.current'), positiveInteger(t, 50))
    .requiredOption('--n <counts>', t('cli.design.option.n'), countList(t))
    .requiredOption('--y <counts>', t('cli.design.option.y'), countList(t))
    .option('--pending <counts>', t('cli.design.option.pending'), countList(t))
    .option('--json', t('cli.option.json'))
    .option('--explain', t('cli.option.explain'))
    .action((flags: DesignFlags & { current: number; n: number[]; y: number[]; pending?: number[]; json?: boolean; explain?: boolean }) => {
      const doses = flags.doses ?? (flags.design === 'crm' && flags.skeleton ? flags.skeleton.length : flags.n.length);
      if (flags.n.length > doses) throw new CliError([issue(['--n'], 'too_many', { maximum: doses })]);
      const d = makeDesign(flags, doses);
      const record = orThrow(
        recordFromCounts({ current: flags.current, n: padded(flags.n, doses)!, y: padded(flags.y, doses)!, ...(flags.pending && { pending: padded(flags.pending, doses)! }) }),
      );
      const decision = orThrow(decide(d, record));
      const reason = reasonText(t, decision.reason, { ...(decision.needed && { needed: decision.needed.join(', ') }) });
      const out = { decision: decision.decision, nextDose: decision.nextDose, reason };
      if (flags.json) return io.out(JSON.stringify(flags.explain ? { ...out, explanation: decision.explanation, table: decision.table, ...(decision.needed && { needed: decision.needed }) } : out));
      io.out(t(`cli.design.next.${decision.decision}`, { dose: decision.nextDose ?? '', current: flags.current }));
      io.out(`  ${reason}`);
      for (const line of formatExplanation(decision.explanation, language)) io.out(`  ${line}`);
    });

  addOcOptions(addDesignOptions(design.command('oc').description(t('cli.design.oc.description')), t), t)
    .action(async (flags: OcFlags) => {
      if (flags.exact && flags.trials !== undefined) throw new CliError([issue(['--exact'], 'invalid_argument', { detail: t('cli.design.exact-or-trials') })]);
      const report = await computeOc(flags, !flags.json && process.stderr.isTTY === true);
      if (flags.json) {
        const { method, selectionPercent, stopPercent, patients, dlts, totalPatients, totalDlts, elapsedMs } = report;
        io.out(
          JSON.stringify({
            method,
            selectionPercent,
            stopPercent,
            patients,
            dlts,
            totalPatients,
            totalDlts,
            elapsedMs,
            overdose60: report.overdose60,
            overdose80: report.overdose80,
            totalPatientsSd: report.totalPatientsSd,
            totalNDistribution: report.totalNDistribution,
            trials: report.trials,
          }),
        );
        return;
      }
      for (const line of formatOcTable(t, flags.truth, [{ label: flags.design, report }])) io.out(line);
    });

  registerCompareCommand(design, t, io);
}
