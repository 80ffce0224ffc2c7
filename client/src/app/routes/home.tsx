import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StanceBar } from '../../components/StanceBar';
import { currentLanguage } from '../../lib/i18n';
import { useMainArticle } from '../../features/articles';
import { localizedDebate } from '../../features/debates';

export function HomePage() {
  const { t, i18n } = useTranslation();
  const article = useMainArticle();
  if (article.isPending) return <p>{t('home.loading')}</p>;
  if (article.isError || !article.data) return <p role="alert">{t('errors.generic')}</p>;
  const { title, publishedAt, source, sections, debates } = article.data;
  const language = currentLanguage();
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'long' }).format(
    new Date(`${publishedAt}T12:00:00Z`),
  );
  return (
    <>
      <article className="article" lang="de">
        <h1>{title}</h1>
        <p className="article__meta" lang={language}>
          {t('home.published', { date })} · {t('home.source', { source })}
        </p>
      </article>
      <section aria-labelledby="sections-heading">
        <h2 id="sections-heading">{t('home.sections')}</h2>
        <ol className="sections">
          {sections.map((section) => (
            <li key={section.id} id={`section-${section.position}`}>
              {section.summary[language]}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="debates-heading">
        <h2 id="debates-heading">{t('home.debates')}</h2>
        <ul className="debate-list">
          {debates.map((debate) => (
            <li key={debate.id} className="debate-list__item">
              <Link to={`/debates/${debate.id}`}>{localizedDebate(debate, language).question}</Link>
              <span className="debate-list__count">{t('home.posts', { count: debate.postCount })}</span>
              <StanceBar counts={debate.stanceCounts} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
