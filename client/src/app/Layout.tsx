import { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useMe, useSignOut } from '../features/auth';
import { SuspensionNotice } from '../features/moderation';
import { NotificationsLink } from '../features/notifications';
import { SearchBox } from '../features/search';
import { LANGUAGES } from '../lib/i18n';

export function Layout() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const changeLanguage = (event: ChangeEvent<HTMLSelectElement>) => void i18n.changeLanguage(event.target.value);
  return (
    <>
      <header className="site-header">
        <Link to="/" className="site-header__title">
          {t('app.title')}
        </Link>
        <nav className="site-header__nav">
          <Link to="/s">{t('sessions.nav.join')}</Link>
          {(me.data?.role === 'organiser' || me.data?.role === 'admin') && (
            <Link to="/sessions">{t('sessions.nav.list')}</Link>
          )}
          <Link to="/transparency">{t('transparency.nav')}</Link>
          {(me.data?.role === 'moderator' || me.data?.role === 'admin') && (
            <Link to="/moderation">{t('moderation.nav')}</Link>
          )}
          <SearchBox />
          <label className="language">
            <span className="visually-hidden">{t('language.label')}</span>
            <select aria-label={t('language.label')} value={i18n.resolvedLanguage} onChange={changeLanguage}>
              {LANGUAGES.map((language) => (
                <option key={language.code} value={language.code} lang={language.code}>
                  {language.name}
                </option>
              ))}
            </select>
          </label>
          {me.data ? (
            <>
              <NotificationsLink me={me.data} />
              <Link to={`/u/${encodeURIComponent(me.data.username)}`} className="site-header__user">
                {t('nav.signedInAs', { name: me.data.displayName })}
              </Link>
              <button type="button" onClick={() => signOut.mutate()}>
                {t('nav.signOut')}
              </button>
            </>
          ) : me.isSuccess ? (
            <>
              <Link to="/login">{t('nav.signIn')}</Link>
              <Link to="/register">{t('nav.register')}</Link>
            </>
          ) : null}
        </nav>
      </header>
      <main className="page">
        <SuspensionNotice me={me.data ?? null} />
        <Outlet />
      </main>
    </>
  );
}
