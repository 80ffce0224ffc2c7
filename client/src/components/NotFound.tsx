import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A page that is not there, inside the layout: says so, and offers the way back. */
export function NotFound({ title, detail }: { title?: string; detail?: string }) {
  const { t } = useTranslation();
  return (
    <section className="not-found">
      <h1>{title ?? t('errors.notFoundTitle')}</h1>
      <p>{detail ?? t('errors.notFoundDetail')}</p>
      <p>
        <Link to="/">{t('errors.backHome')}</Link>
      </p>
    </section>
  );
}
