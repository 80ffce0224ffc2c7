import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { NotFound } from '../../components/NotFound';

/** What a page that failed to render shows, inside the layout: what happened and the ways back. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  return (
    <section className="not-found" role="alert">
      <h1>{t('errors.boundaryTitle')}</h1>
      <p>{t('errors.boundaryDetail')}</p>
      <p>
        <button type="button" onClick={() => window.location.reload()}>
          {t('errors.tryAgain')}
        </button>{' '}
        <Link to="/">{t('errors.backHome')}</Link>
      </p>
    </section>
  );
}
