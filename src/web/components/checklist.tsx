// The eligibility checklist as the engine reported it: each criterion met / not met / unknown,
// the reason, the evidence used (value, unit, date, what it was compared with) and, for an
// unknown, what would settle it. Rendered, never recomputed (style.md §7).
import { useI18n } from '../lib/language.tsx';
import { phrase, type Translate } from '../lib/i18n.ts';
import type { CriterionResult, MissingItem, ScreeningResult } from '../lib/types.ts';
import { Badge, type Tone } from './badge.tsx';

const tone: Record<CriterionResult['status'], Tone> = { met: 'good', 'not-met': 'bad', unknown: 'warn' };
const mark: Record<CriterionResult['status'], string> = { met: '✓', 'not-met': '✗', unknown: '?' };
export const eligibleTone: Record<ScreeningResult['eligible'], Tone> = { yes: 'good', no: 'bad', undetermined: 'warn' };

export const reasonText = (t: Translate, r: CriterionResult['reason']) => (typeof r === 'string' ? r : phrase(t, 'eligibility.reason', r.code, r.params));
export const missingText = (t: Translate, m: MissingItem) => m.text ?? phrase(t, 'eligibility.missing', m.code, { item: m.item, ...m.params });

export function Checklist({ result }: { readonly result: ScreeningResult }) {
  const { t } = useI18n();
  const counts = { met: 0, 'not-met': 0, unknown: 0 };
  for (const c of result.criteria) counts[c.status]++;
  return (
    <section className="checklist" aria-label={t('web.checklist.label')}>
      <p className="checklist-summary">
        <Badge tone={eligibleTone[result.eligible]}>{t(`web.eligible.${result.eligible}`)}</Badge>{' '}
        {t('web.checklist.counts', { met: counts.met, notMet: counts['not-met'], unknown: counts.unknown, asOf: result.asOf })}
      </p>
      <ol className="criteria">
        {result.criteria.map((c) => (
          <li key={c.id} className={`criterion criterion-${c.status}`} data-criterion={c.id}>
            <div className="criterion-head">
              <Badge tone={tone[c.status]}>
                <span aria-hidden="true">{mark[c.status]} </span>
                {t(`web.status.${c.status}`)}
              </Badge>
              <strong>{phrase(t, 'eligibility.criterion', c.id)}</strong>
              {c.kind === 'exclusion' ? <small> ({t('web.checklist.exclusion')})</small> : null}
            </div>
            <p className="reason">{reasonText(t, c.reason)}</p>
            {c.evidence.length > 0 ? (
              <details>
                <summary>{t('web.checklist.evidence', { count: c.evidence.length })}</summary>
                <ul className="evidence">
                  {c.evidence.map((e, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: evidence repeats items (two INRs)
                    <li key={`${e.item}-${i}`}>
                      {e.item}: {String(e.value ?? '–')}
                      {e.unit ? ` ${e.unit}` : ''}
                      {e.date ? ` (${e.date.slice(0, 10)})` : ''}
                      {e.compared ? <span className="compared"> [{e.compared}]</span> : null}
                      {e.source ? <span className="source"> · {e.source}</span> : null}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            {c.missing.length > 0 ? (
              <ul className="missing">
                {c.missing.map((m, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: two missing entries may share an item
                  <li key={`${m.item}-${i}`}>{t('web.checklist.missing', { text: missingText(t, m) })}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
