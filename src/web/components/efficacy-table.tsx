// Efficacy per visit as the server computed it against baseline (SLEDAI-2K, clinical SLEDAI-2K,
// SRI-4, LLDAS, DORIS, prednisone-equivalent dose), or what keeps a visit from being scored.
import { issueText } from '../lib/i18n.ts';
import { useI18n } from '../lib/language.tsx';
import type { SubjectDetail } from '../lib/types.ts';
import { Badge } from './badge.tsx';

function Verdict({ value }: { readonly value: boolean | undefined }) {
  const { t } = useI18n();
  if (value === undefined) return <>–</>;
  return <Badge tone={value ? 'good' : 'neutral'}>{value ? t('web.yes') : t('web.no')}</Badge>;
}

export function EfficacyTable({ subject }: { readonly subject: SubjectDetail }) {
  const { t } = useI18n();
  const rows = subject.efficacy ?? [];
  if (rows.length === 0) return <p className="empty">{t('web.efficacy.noneYet')}</p>;
  return (
    <table className="data">
      <caption className="visually-hidden">{t('web.efficacy.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('web.visits.visit')}</th>
          <th scope="col">SLEDAI-2K</th>
          <th scope="col">{t('web.obs.sledai2k-clinical')}</th>
          <th scope="col">SRI-4</th>
          <th scope="col">LLDAS</th>
          <th scope="col">DORIS</th>
          <th scope="col">{t('web.efficacy.prednisone')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) =>
          e.refused ? (
            <tr key={e.visitId}>
              <th scope="row">{e.visitCode}</th>
              <td colSpan={6}>{issueText(t, e.refused)}</td>
            </tr>
          ) : (
            <tr key={e.visitId}>
              <th scope="row">{e.visitCode}</th>
              <td>{e.sledai2k ?? '–'}</td>
              <td>{e.clinicalSledai ?? '–'}</td>
              <td>
                <Verdict value={e.sri4?.responder} />
              </td>
              <td>
                <Verdict value={e.lldas?.met} />
              </td>
              <td>
                <Verdict value={e.doris?.met} />
              </td>
              <td>{e.prednisoneEquivalentMgPerDay ?? '–'}</td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
