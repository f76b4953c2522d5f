// The statistician's workbench: several designs on one scenario of true DLT rates, with their
// operating characteristics side by side and a chart, as `firstdose design compare`. Exact for
// 3+3 and BOIN (no Monte Carlo error); CRM is simulated, seeded, within a bound that keeps the
// server answering others meanwhile.
import { z } from 'zod';
import { exactOC, type OcReport } from '../../domain/escalation/index.ts';
import { type Issue, nestIssues, type Result } from '../../domain/result.ts';
import { translator } from '../../i18n/index.ts';
import { ocComparisonSvg } from '../../reports/oc-chart.ts';
import { buildDesign } from '../../simulation/design-registry.ts';
import { RngKind } from '../../simulation/oc-job.ts';
import { simulateOcParallel } from '../../simulation/parallel-oc.ts';
import { InvalidInput } from '../../store/trial/index.ts';
import { answers } from '../schemas.ts';
import type { Api } from './api.ts';

const Probability = z.number().gt(0).lt(1);

const DesignSpec = z
  .object({
    design: z.enum(['3+3', 'boin', 'crm']),
    label: z.string().max(40).optional(),
  })
  .catchall(z.unknown())
  .describe("a design as `firstdose design` takes it: {design: '3+3', variant: 'b'}, {design: 'boin', target, cohortSize, cohorts}, {design: 'crm', skeleton, target}");

const CompareBody = z.object({
  designs: z.array(DesignSpec).min(1).max(6),
  truth: z.array(Probability).min(1).max(20).describe('the true DLT rate of each dose'),
  target: Probability.optional().describe('target DLT rate: BOIN and CRM design it, the overdose figures use it'),
  cohortSize: z.int().min(1).max(12).optional(),
  cohorts: z.int().min(1).max(100).optional(),
  trials: z.int().min(100).max(20_000).optional().describe('simulated trials for CRM (default 2000)'),
  seed: z.int().min(0).optional(),
});

const Report = z.object({ design: z.string() }).catchall(z.unknown()).describe('OcReport: selectionPercent, patients, dlts per dose; stopPercent, totalPatients(Sd), totalDlts, overdose60/80, totalNDistribution');

function orInvalid<T>(result: Result<T>, at: (string | number)[]): T {
  if (result.ok) return result.value;
  const issues: Issue[] = nestIssues(at, result.issues);
  throw new InvalidInput(issues[0]!, ...issues.slice(1));
}

export function designRoutes(api: Api): void {
  api.post(
    '/api/designs/compare',
    { schema: { tags: ['designs'], body: CompareBody, response: answers({ 200: z.object({ truth: z.array(z.number()), designs: z.array(Report), svg: z.string() }) }) } },
    async (request) => {
      const { designs, truth, target, cohortSize, cohorts, trials, seed } = request.body;
      const reports: { label: string; report: OcReport }[] = [];
      for (const [i, spec] of designs.entries()) {
        const { label, ...options } = spec;
        const defaults = options.design === '3+3' ? {} : { cohortSize: cohortSize ?? 3, cohorts: cohorts ?? 10, ...(target !== undefined ? { target } : {}) };
        const designRequest = { ...defaults, ...options, doses: truth.length };
        const design = orInvalid(buildDesign(designRequest), ['designs', i]);
        const report =
          options.design === 'crm'
            ? await simulateOcParallel(
                { request: designRequest, truth, seed: seed ?? 6, rng: RngKind.fast, options: target !== undefined ? { target } : {} },
                { trials: trials ?? 2000 },
              )
            : exactOC(design, truth, target !== undefined ? { target } : {});
        reports.push({ label: label ?? (options.variant ? `${options.design}/${String(options.variant)}` : options.design), report: orInvalid(report, ['designs', i]) });
      }
      return {
        truth,
        designs: reports.map((r) => ({ design: r.label, ...(r.report as unknown as Record<string, unknown>) })),
        svg: ocComparisonSvg(truth, reports, translator(request.language)),
      };
    },
  );
}
