// The audit trail of one record: every change, field by field, with the old and new value, who
// made it, when (server time, shown at the site) and why; then the record's signatures, each
// valid or broken (a later change to a signed record breaks its signature).
import { Badge } from '../components/badge.tsx';
import { Loading, ProblemView } from '../components/problem.tsx';
import { get } from '../lib/api.ts';
import { siteDateTime } from '../lib/dates.ts';
import { useI18n } from '../lib/language.tsx';
import type { AuditEntry, SignatureInfo } from '../lib/types.ts';
import { useLoad } from '../lib/use-load.ts';

const shownValue = (v: unknown) => (v === null || v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v));

export function AuditScreen({ table, id }: { readonly table: string; readonly id: string }) {
  const { t } = useI18n();
  const path = `/api/records/${encodeURIComponent(table)}/${encodeURIComponent(id)}`;
  const audit = useLoad(() => get<AuditEntry[] | { entries: AuditEntry[] }>(`${path}/audit`), [path]);
  const signatures = useLoad(() => get<SignatureInfo[]>(`${path}/signatures`), [path]);
  const entries = Array.isArray(audit.data) ? audit.data : (audit.data?.entries ?? []);
  return (
    <section className="audit">
      <h1>{t('web.audit.title')}</h1>
      <p className="record-id">
        {t('web.audit.record', { table: t(`web.table.${table}`), id })}
      </p>
      <ProblemView error={audit.error} />
      {audit.loading && !audit.data ? <Loading /> : null}
      {audit.data ? (
        entries.length === 0 ? (
          <p className="empty">{t('web.audit.empty')}</p>
        ) : (
          <table className="data audit-table">
            <caption className="visually-hidden">{t('web.audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('web.audit.time')}</th>
                <th scope="col">{t('web.audit.user')}</th>
                <th scope="col">{t('web.audit.operation')}</th>
                <th scope="col">{t('web.audit.field')}</th>
                <th scope="col">{t('web.audit.old')}</th>
                <th scope="col">{t('web.audit.new')}</th>
                <th scope="col">{t('web.audit.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={e.seq ?? i}>
                  <td>{siteDateTime(e.recordedAt ?? e.time ?? '')}</td>
                  <td>{e.user ?? e.userId ?? '–'}</td>
                  <td>{e.operation ? t(`web.audit.op.${e.operation}`) : '–'}</td>
                  <td>{e.field ?? '–'}</td>
                  <td className="value">{shownValue(e.oldValue)}</td>
                  <td className="value">{shownValue(e.newValue)}</td>
                  <td>{e.reason ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      <h2>{t('web.audit.signatures')}</h2>
      <ProblemView error={signatures.error} />
      {signatures.data && signatures.data.length === 0 ? <p className="empty">{t('web.audit.noSignatures')}</p> : null}
      <ul>
        {(signatures.data ?? []).map((g) => (
          <li key={g.id}>
            {t('web.signature.line', { name: g.fullName, role: t(`access.role.${g.role}`), meaning: t(`access.meaning.${g.meaning}`), time: siteDateTime(g.createdAt) })}{' '}
            <Badge tone={g.status === 'broken' ? 'bad' : 'good'}>{g.status === 'broken' ? t('web.signature.broken') : t('web.signature.valid')}</Badge>
          </li>
        ))}
      </ul>
    </section>
  );
}
