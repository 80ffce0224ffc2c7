import { useTranslation } from 'react-i18next';
import type { Stance } from '../lib/api-types';

/** Pro / neutral / contra shares of a debate's top-level posts. */
export function StanceBar({ counts }: { counts: Record<Stance, number> }) {
  const { t } = useTranslation();
  const total = counts.pro + counts.neutral + counts.contra;
  const label = t('stance.balance', counts);
  return (
    <div className="stance-bar" role="img" aria-label={label} title={label}>
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
  );
}
