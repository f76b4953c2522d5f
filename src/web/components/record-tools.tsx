// Beside any record: its audit trail, and a query about it (a monitor or data manager asks; the
// site answers on the queries screen). The server decides who may raise one.
import { type FormEvent, useState } from 'react';
import { post } from '../lib/api.ts';
import { useI18n } from '../lib/language.tsx';
import { useCan } from '../lib/session.tsx';
import { href } from '../lib/router.ts';
import { useStudy } from '../lib/study.tsx';
import { TextField } from './field.tsx';
import { Link } from './link.tsx';
import { ProblemView } from './problem.tsx';

interface Props {
  readonly table: string;
  readonly rowId: string;
  readonly subjectId?: string;
  readonly field?: string;
  /** Names the record for the screen reader: "adverse event CRS". */
  readonly label: string;
}

export function RecordTools({ table, rowId, subjectId, field, label }: Props) {
  const { t } = useI18n();
  const { study } = useStudy();
  const can = useCan();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>();
  const [sent, setSent] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await post('/api/queries', { study, ...(subjectId ? { subjectId } : {}), table, rowId, ...(field ? { field } : {}), text: text.trim() });
      setSent(true);
      setText('');
      setOpen(false);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <span className="record-tools">
      {can('readAudit') ? (
        <Link href={href({ name: 'audit', table, id: rowId })} aria-label={t('web.record.auditOf', { label })}>
          {t('web.record.audit')}
        </Link>
      ) : null}
      {can('raiseQuery') ? (
        <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)} aria-label={t('web.record.queryOf', { label })}>
          {t('web.record.query')}
        </button>
      ) : null}
      {sent ? (
        <span role="status" className="hint">
          {t('web.record.querySent')}
        </span>
      ) : null}
      {open ? (
        <form className="inline-form" onSubmit={submit} aria-label={t('web.record.queryOf', { label })}>
          <TextField label={t('web.queries.text')} required rows={2} value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit" disabled={!text.trim()}>
            {t('web.queries.raise')}
          </button>
          <ProblemView error={error} />
        </form>
      ) : null}
    </span>
  );
}
