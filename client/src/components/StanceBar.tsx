import { useTranslation } from 'react-i18next';
import type { Stance } from '../lib/api/types';

/** Pro / neutral / contra shares of a debate's top-level posts: a bar for the eye, the counts in words for everyone. */
export function StanceBar({ counts }: { counts: Record<Stance, number> }) {
  const { t } = useTranslation();
  const total = counts.pro + counts.neutral + counts.contra;
  return (
    <div className="stance">
      <div className="stance-bar" aria-hidden="true">
        {total === 0 ? (
          <span className="stance-bar__empty" />
        ) : (
          (['pro', 'neutral', 'contra'] as const).map((stance) =>
            counts[stance] > 0 ? (
              <span key={stance} className={`stance-bar__${stance}`} style={{ flexGrow: counts[stance] }} />
            ) : null,
          )
        )}
      </div>
      <small className="stance__legend">
        <span className="visually-hidden">{t('stance.balance')} </span>
        {t('stance.legend', counts)}
      </small>
    </div>
  );
}
