// The investigator's DLT call on an adverse event: yes or no, why, and a signature with the
// password (the call and its signature are one step on the server; a wrong password leaves no
// unsigned call behind). The protocol's suggestion is shown first; the investigator decides.
import { useState } from 'react';
import { post } from '../lib/api.ts';
import { useI18n } from '../lib/language.tsx';
import type { AdverseEventRow } from '../lib/types.ts';
import { Badge } from './badge.tsx';
import { Field, TextField } from './field.tsx';
import { SignForm } from './sign-form.tsx';

export function DltSuggestion({ event }: { readonly event: AdverseEventRow }) {
  const { t } = useI18n();
  if (event.dltSuggested === null) return <p className="hint">{t('web.dlt.outsideWindow')}</p>;
  return (
    <p>
      {t('web.dlt.suggestion')}{' '}
      <Badge tone={event.dltSuggested ? 'bad' : 'good'}>{event.dltSuggested ? t('web.dlt.suggestedYes') : t('web.dlt.suggestedNo')}</Badge>
      {event.dltRule ? <span className="hint"> ({event.dltRule})</span> : null}
    </p>
  );
}

export function DltForm({ event, onDone }: { readonly event: AdverseEventRow; readonly onDone: (e: AdverseEventRow) => void }) {
  const { t } = useI18n();
  const [dlt, setDlt] = useState<'yes' | 'no' | ''>(event.dltSuggested === true ? 'yes' : event.dltSuggested === false ? 'no' : '');
  const [reason, setReason] = useState('');
  if (event.dlt !== null)
    return (
      <p>
        {t('web.dlt.called')} <Badge tone={event.dlt === 'yes' ? 'bad' : 'good'}>{event.dlt === 'yes' ? t('web.dlt.isDlt') : t('web.dlt.notDlt')}</Badge>
      </p>
    );
  return (
    <SignForm
      meaning="dlt-adjudicated"
      submitLabel={t('web.dlt.sign')}
      disabled={dlt === '' || !reason.trim()}
      onSign={async (password) => {
        const r = await post<{ event: AdverseEventRow }>(`/api/adverse-events/${event.id}/dlt`, { dlt, reason: reason.trim(), password });
        onDone(r.event);
      }}
    >
      <DltSuggestion event={event} />
      <fieldset>
        <legend>{t('web.dlt.question', { term: event.term })}</legend>
        <Field type="radio" name={`dlt-${event.id}`} label={t('web.dlt.isDlt')} checked={dlt === 'yes'} onChange={() => setDlt('yes')} />
        <Field type="radio" name={`dlt-${event.id}`} label={t('web.dlt.notDlt')} checked={dlt === 'no'} onChange={() => setDlt('no')} />
      </fieldset>
      <TextField label={t('web.dlt.reason')} required rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
    </SignForm>
  );
}
