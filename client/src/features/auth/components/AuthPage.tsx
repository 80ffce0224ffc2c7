import { FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSignIn } from '../api/session';

/** `/login` and `/register`: one form, two modes. */
export function AuthPage({ mode }: { mode: 'login' | 'register' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const signIn = useSignIn(mode);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const ids = { username: useId(), password: useId(), displayName: useId() };
  const registering = mode === 'register';
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { username, password, ...(registering && displayName.trim() ? { displayName } : {}) },
      { onSuccess: () => void navigate(from, { replace: true }) },
    );
  };

  return (
    <form className="auth-form" onSubmit={submit} noValidate>
      <h1>{registering ? t('auth.registerTitle') : t('auth.signInTitle')}</h1>
      <ErrorAlert error={signIn.error} />
      <label htmlFor={ids.username}>{t('auth.username')}</label>
      <input
        id={ids.username}
        name="username"
        autoComplete="username"
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        required
      />
      {registering && <small>{t('auth.usernameHint')}</small>}
      <label htmlFor={ids.password}>{t('auth.password')}</label>
      <input
        id={ids.password}
        name="password"
        type="password"
        autoComplete={registering ? 'new-password' : 'current-password'}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        required
      />
      {registering && <small>{t('auth.passwordHint')}</small>}
      {registering && (
        <>
          <label htmlFor={ids.displayName}>{t('auth.displayName')}</label>
          <input
            id={ids.displayName}
            name="displayName"
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </>
      )}
      <button type="submit" disabled={signIn.isPending}>
        {registering ? t('auth.createAccount') : t('auth.signIn')}
      </button>
      <p>
        {registering ? t('auth.haveAccount') : t('auth.noAccount')}{' '}
        <Link to={registering ? '/login' : '/register'} state={location.state}>
          {registering ? t('nav.signIn') : t('nav.register')}
        </Link>
      </p>
    </form>
  );
}
