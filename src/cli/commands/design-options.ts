// The options every `firstdose design` subcommand shares, and their translation into the design
// requests of src/domain/escalation (and CRM). Flags are the public contract of issue #3.
import type { Command } from 'commander';
import type { Translate } from '../../i18n/index.ts';
import { list, nonNegativeInteger, positiveInteger, positiveNumber, probability } from '../arguments.ts';

export interface DesignFlags {
  design: string;
  target?: number;
  cohortSize?: number;
  cohorts?: number;
  doses?: number;
  cutoffEli?: number;
  pSaf?: number;
  pTox?: number;
  extrasafe?: boolean;
  offset?: number;
  boundMtd?: boolean;
  nEarlystop?: number;
  startDose?: number;
  variant?: string;
  skeleton?: number[];
  model?: string;
  method?: string;
  priorVar?: number;
  intercept?: number;
  safetyStop?: number | 'off';
}

export const designChoices = ['boin', '3+3', 'crm'] as const;

export function addDesignOptions(command: Command, t: Translate, { designs = designChoices as readonly string[] } = {}): Command {
  return command
    .requiredOption('--design <design>', t('cli.design.option.design', { choices: designs.join('|') }))
    .option('--target <p>', t('cli.design.option.target'), probability(t))
    .option('--cohort-size <n>', t('cli.design.option.cohort-size'), positiveInteger(t, 100))
    .option('--cohorts <n>', t('cli.design.option.cohorts'), positiveInteger(t, 1000))
    .option('--doses <k>', t('cli.design.option.doses'), positiveInteger(t, 50))
    .option('--cutoff-eli <p>', t('cli.design.option.cutoff-eli'), probability(t))
    .option('--p-saf <p>', t('cli.design.option.p-saf'), probability(t))
    .option('--p-tox <p>', t('cli.design.option.p-tox'), probability(t))
    .option('--extrasafe', t('cli.design.option.extrasafe'))
    .option('--offset <p>', t('cli.design.option.offset'), probability(t))
    .option('--bound-mtd', t('cli.design.option.bound-mtd'))
    .option('--n-earlystop <n>', t('cli.design.option.n-earlystop'), positiveInteger(t, 10000))
    .option('--start-dose <level>', t('cli.design.option.start-dose'), positiveInteger(t, 50))
    .option('--variant <a|b|c>', t('cli.design.option.variant'))
    .option('--skeleton <p,...>', t('cli.design.option.skeleton'), list(t, probability(t)))
    .option('--model <empiric|logistic>', t('cli.design.option.model'))
    .option('--method <bayes|mle>', t('cli.design.option.method'))
    .option('--prior-var <v>', t('cli.design.option.prior-var'), positiveNumber(t))
    .option('--intercept <a>', t('cli.design.option.intercept'), positiveNumber(t))
    .option('--safety-stop <p|off>', t('cli.design.option.safety-stop'), (raw: string) => (raw === 'off' ? 'off' : probability(t)(raw)));
}

/** The scenario and the method of `design oc` and `design compare`. */
export function addOcOptions(command: Command, t: Translate): Command {
  return command
    .requiredOption('--truth <p,...>', t('cli.design.option.truth'), list(t, probability(t, { open: false })))
    .option('--exact', t('cli.design.option.exact'))
    .option('--trials <n>', t('cli.design.option.trials'), positiveInteger(t, 10_000_000))
    .option('--seed <n>', t('cli.design.option.seed'), nonNegativeInteger(t), 6)
    .option('--rng <fast|r>', t('cli.design.option.rng'), 'fast')
    .option('--json', t('cli.option.json'));
}

/** Counts per dose, as the CLI takes them: `--n 3,3,0 --y 0,1,0`. */
export const countList = (t: Translate) => list(t, nonNegativeInteger(t));

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The request object for a design, with the CLI's defaults: cohorts of 3, 10 cohorts, BOIN's
 * default boundaries. Option names follow the domain schemas, so their issues map back to flags.
 */
export function designRequest(flags: DesignFlags, doses: number): Record<string, unknown> {
  switch (flags.design) {
    case 'boin':
      return defined({
        design: 'boin',
        target: flags.target,
        doses,
        cohortSize: flags.cohortSize ?? 3,
        cohorts: flags.cohorts ?? 10,
        pSaf: flags.pSaf,
        pTox: flags.pTox,
        cutoffEli: flags.cutoffEli,
        extrasafe: flags.extrasafe,
        offset: flags.offset,
        boundMtd: flags.boundMtd,
        nEarlystop: flags.nEarlystop,
        startDose: flags.startDose,
      });
    case '3+3':
      return defined({ design: '3+3', doses, variant: flags.variant });
    default:
      return defined({
        design: flags.design,
        target: flags.target,
        doses,
        skeleton: flags.skeleton,
        cohortSize: flags.cohortSize ?? 3,
        cohorts: flags.cohorts ?? 10,
        model: flags.model,
        method: flags.method,
        priorVar: flags.priorVar,
        intercept: flags.intercept,
        startDose: flags.startDose,
        safetyStop: flags.safetyStop,
      });
  }
}

/** Domain field names back to the CLI flags that set them, for error messages. */
const flagOf: Record<string, string> = {
  target: '--target',
  doses: '--doses',
  cohortSize: '--cohort-size',
  cohorts: '--cohorts',
  pSaf: '--p-saf',
  pTox: '--p-tox',
  cutoffEli: '--cutoff-eli',
  offset: '--offset',
  nEarlystop: '--n-earlystop',
  startDose: '--start-dose',
  variant: '--variant',
  skeleton: '--skeleton',
  model: '--model',
  method: '--method',
  priorVar: '--prior-var',
  intercept: '--intercept',
  safetyStop: '--safety-stop',
  design: '--design',
  truth: '--truth',
  trials: '--trials',
  current: '--current',
  n: '--n',
  y: '--y',
  pending: '--pending',
  seed: '--seed',
};

/** Rewrites a domain issue path (`['pSaf']`, `['y', 2]`) as the flag the user typed (`--p-saf`, `--y[3]`). */
export function flagPath(path: ReadonlyArray<string | number>): Array<string | number> {
  const [head, ...rest] = path;
  if (typeof head !== 'string' || !(head in flagOf)) return [...path];
  const flag = flagOf[head]!;
  return [rest.length > 0 && typeof rest[0] === 'number' ? `${flag}[${rest[0] + 1}]` : flag, ...rest.slice(1)];
}
