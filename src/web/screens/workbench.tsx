// The statistician's design workbench: several designs on one scenario of true DLT rates, compared
// by exact operating characteristics (POST /api/designs/compare): how often each dose is selected
// as the MTD, how many patients each dose gets, how often the trial stops, the expected sample
// size and how often patients are overdosed. Charts and tables show the same numbers.
import { type FormEvent, useState } from 'react';
import { BarChart } from '../components/bar-chart.tsx';
import { Field, SelectField } from '../components/field.tsx';
import { ProblemView } from '../components/problem.tsx';
import { post } from '../lib/api.ts';
import { useI18n } from '../lib/language.tsx';
import { defaultSkeleton, type DesignChoice, designChoices, designSpec, parseRates, presets, targetDose } from '../lib/workbench.ts';

export interface OcDesign {
  readonly design: string;
  readonly method?: string;
  readonly selectionPercent: readonly number[];
  readonly stopPercent: number;
  readonly patients: readonly number[];
  readonly dlts: readonly number[];
  readonly totalPatients: number;
  readonly totalPatientsSd: number;
  readonly totalDlts: number;
  readonly overdose60: number | null;
  readonly overdose80: number | null;
}

interface CompareAnswer {
  readonly truth: readonly number[];
  readonly designs: readonly OcDesign[];
  readonly svg?: string;
}

const fmt = (v: number | null | undefined, d = 1) => (v === null || v === undefined ? '–' : v.toFixed(d));

export function WorkbenchScreen() {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<readonly DesignChoice[]>(['3+3', '3+3/b', 'boin']);
  const [truthText, setTruthText] = useState(presets[0]!.truth.join(', '));
  const [target, setTarget] = useState('0.3');
  const [cohortSize, setCohortSize] = useState('3');
  const [cohorts, setCohorts] = useState('6');
  const [skeletonText, setSkeletonText] = useState('');
  const [answer, setAnswer] = useState<CompareAnswer>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const truth = parseRates(truthText);
  const skeleton = skeletonText.trim() ? parseRates(skeletonText) : truth ? defaultSkeleton(truth) : null;
  const crm = chosen.includes('crm');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!truth) return;
    setBusy(true);
    setError(undefined);
    try {
      setAnswer(
        await post<CompareAnswer>('/api/designs/compare', {
          designs: chosen.map((d) => designSpec(d, skeleton)),
          truth,
          target: Number(target),
          cohortSize: Number(cohortSize),
          cohorts: Number(cohorts),
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const shown = answer?.truth ?? truth ?? [];
  const doses = shown.map((_, i) => t('web.doseLevel', { level: i + 1 }));
  const best = answer ? targetDose(answer.truth, Number(target)) : undefined;
  return (
    <section className="workbench">
      <h1>{t('web.designs.title')}</h1>
      <p className="lead">{t('web.designs.lead')}</p>
      <form onSubmit={submit} aria-label={t('web.designs.form')}>
        <fieldset>
          <legend>{t('web.designs.designs')}</legend>
          <div className="checks">
            {designChoices.map((d) => (
              <Field key={d} type="checkbox" label={t(`web.designs.design.${d}`)} checked={chosen.includes(d)} onChange={(e) => setChosen(e.target.checked ? [...chosen, d] : chosen.filter((x) => x !== d))} />
            ))}
          </div>
        </fieldset>
        <div className="grid-3">
          <SelectField
            label={t('web.designs.preset')}
            value={presets.find((p) => p.truth.join(', ') === truthText)?.key ?? ''}
            onChange={(e) => {
              const p = presets.find((x) => x.key === e.target.value);
              if (p) setTruthText(p.truth.join(', '));
            }}
          >
            <option value="">{t('web.designs.custom')}</option>
            {presets.map((p) => (
              <option key={p.key} value={p.key}>
                {t(`web.designs.preset.${p.key}`)}
              </option>
            ))}
          </SelectField>
          <Field label={t('web.designs.truth')} hint={t('web.designs.truthHint')} required value={truthText} onChange={(e) => setTruthText(e.target.value)} error={truth ? undefined : t('web.designs.badRates')} />
          <Field label={t('web.designs.target')} type="number" step="0.01" min="0.05" max="0.6" required value={target} onChange={(e) => setTarget(e.target.value)} />
          <Field label={t('web.designs.cohortSize')} type="number" min="1" max="12" required value={cohortSize} onChange={(e) => setCohortSize(e.target.value)} />
          <Field label={t('web.designs.cohorts')} type="number" min="1" max="40" required value={cohorts} onChange={(e) => setCohorts(e.target.value)} hint={t('web.designs.cohortsHint')} />
          {crm ? <Field label={t('web.designs.skeleton')} hint={t('web.designs.skeletonHint')} value={skeletonText} onChange={(e) => setSkeletonText(e.target.value)} error={skeleton ? undefined : t('web.designs.badRates')} /> : null}
        </div>
        <button type="submit" className="primary" disabled={busy || !truth || chosen.length === 0}>
          {busy ? t('web.designs.computing') : t('web.designs.compare')}
        </button>
        {crm ? <p className="hint">{t('web.designs.crmSimulated')}</p> : null}
      </form>
      <ProblemView error={error} />
      {answer ? (
        <div className="oc-results" aria-live="polite">
          <div className="grid-2">
            <BarChart title={t('web.designs.selection')} yLabel="%" categories={doses} series={answer.designs.map((d) => ({ name: d.design, values: d.selectionPercent }))} {...(best !== undefined ? { highlight: best } : {})} />
            <BarChart title={t('web.designs.allocation')} yLabel={t('web.designs.patients')} categories={doses} series={answer.designs.map((d) => ({ name: d.design, values: d.patients }))} digits={2} />
          </div>
          <table className="data oc-table">
            <caption>{t('web.designs.tableCaption', { truth: answer.truth.join(', ') })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('web.designs.design')}</th>
                {doses.map((d) => (
                  <th key={d} scope="col">
                    {t('web.designs.selectedAt', { dose: d })}
                  </th>
                ))}
                <th scope="col">{t('web.designs.stop')}</th>
                <th scope="col">{t('web.designs.expectedN')}</th>
                <th scope="col">{t('web.designs.expectedDlts')}</th>
                <th scope="col">{t('web.designs.overdose60')}</th>
              </tr>
            </thead>
            <tbody>
              {answer.designs.map((d) => (
                <tr key={d.design}>
                  <th scope="row">
                    {d.design}
                    {d.method ? <small> ({d.method})</small> : null}
                  </th>
                  {d.selectionPercent.map((p, i) => (
                    <td key={doses[i]} className={i === best ? 'best' : undefined}>
                      {fmt(p)}
                    </td>
                  ))}
                  <td>{fmt(d.stopPercent)}</td>
                  <td>
                    {fmt(d.totalPatients, 2)} ± {fmt(d.totalPatientsSd, 2)}
                  </td>
                  <td>{fmt(d.totalDlts, 2)}</td>
                  <td>{fmt(d.overdose60)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
