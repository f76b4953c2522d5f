// Log in (POST /api/session). A wrong password and a locked account are told apart (423), but
// not an unknown user from a wrong password: the server answers both with 401.
import { type FormEvent, useState } from 'react';
import { Field } from '../components/field.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { PasswordChange } from '../components/password-change.tsx';
import { ProblemView } from '../components/problem.tsx';
import { ApiError } from '../lib/api.ts';
import { useI18n } from '../lib/language.tsx';
import { useSession } from '../lib/session.tsx';

export function LoginScreen() {
  const { t } = useI18n();
  const { login, expired } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await login(username.trim(), password);
    } catch (err) {
      setError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  const known = error instanceof ApiError && (error.status === 401 || error.status === 423);
  const expiredPassword = error instanceof ApiError && error.problem.code === 'password_expired';
  return (
    <main id="main" className="login">
      <div className="login-top">
        <LanguageSwitch />
      </div>
      <h1>FirstDose</h1>
      <p className="lead">{t('web.login.lead')}</p>
      {expired ? (
        <p className="notice" role="status">
          {t('web.login.expired')}
        </p>
      ) : null}
      <form onSubmit={submit} aria-label={t('web.login.title')}>
        <Field label={t('web.login.username')} autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        <Field label={t('web.login.password')} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <button type="submit" className="primary" disabled={busy}>
          {t('web.login.submit')}
        </button>
        {known ? (
          <p className="problem" role="alert">
            {error.status === 423 ? t('web.login.locked') : t('web.login.failed')}
          </p>
        ) : (
          <ProblemView error={error} />
        )}
      </form>
      {expiredPassword ? (
        <section aria-labelledby="expired-password">
          <h2 id="expired-password">{t('web.account.expired')}</h2>
          <PasswordChange onDone={() => setError(undefined)} />
        </section>
      ) : null}
      <p className="login-public">
        <a href="/study/hn2301">{t('web.login.publicPage')}</a>
      </p>
    </main>
  );
}
