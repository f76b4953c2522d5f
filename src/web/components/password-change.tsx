// A new password, with the current one (POST /api/session/password): from the account page, and
// from the login form when the password has expired (the server then refuses the login itself).
import { type FormEvent, useState } from 'react';
import { post } from '../lib/api.ts';
import { useI18n } from '../lib/language.tsx';
import { Field } from './field.tsx';
import { ProblemView } from './problem.tsx';

export function PasswordChange({ username, onDone }: { readonly username?: string; readonly onDone?: () => void }) {
  const { t } = useI18n();
  const [user, setUser] = useState(username ?? '');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const mismatch = again !== '' && again !== next;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await post('/api/session/password', { username: user.trim(), password: current, newPassword: next });
      setDone(true);
      onDone?.();
    } catch (err) {
      setError(err);
    } finally {
      setCurrent('');
      setNext('');
      setAgain('');
    }
  };
  return (
    <form onSubmit={submit} aria-label={t('web.account.changePassword')}>
      {username === undefined ? <Field label={t('web.login.username')} autoComplete="username" required value={user} onChange={(e) => setUser(e.target.value)} /> : null}
      <Field label={t('web.account.current')} type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
      <Field label={t('web.account.new')} type="password" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.target.value)} hint={t('web.account.newHint')} />
      <Field label={t('web.account.again')} type="password" autoComplete="new-password" required value={again} onChange={(e) => setAgain(e.target.value)} error={mismatch ? t('web.account.mismatch') : undefined} />
      <button type="submit" disabled={mismatch || !next || !current}>
        {t('web.account.changeSubmit')}
      </button>
      <ProblemView error={error} />
      {done ? (
        <p className="notice" role="status">
          {t('web.account.changed')}
        </p>
      ) : null}
    </form>
  );
}
