import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LogList, WeeklySummary } from '../../features/moderation';

/** `/transparency`: for everyone, what the moderators and the forum's own rules did, never by whom. */
export function TransparencyPage() {
  const { t } = useTranslation();
  const entriesId = useId();
  return (
    <div className="stack">
      <h1>{t('transparency.heading')}</h1>
      <p>{t('transparency.intro')}</p>
      <WeeklySummary />
      <section aria-labelledby={entriesId} className="stack">
        <h2 id={entriesId}>{t('transparency.entries')}</h2>
        <LogList scope="public" />
      </section>
    </div>
  );
}
