import { useTranslation } from 'react-i18next';
import type { LiveSession } from '../../../lib/api/types';
import { formatSeconds, useSecondsLeft } from '../clock';

/** The session's timer, the same on every screen (an absolute end on the server's clock). */
export function Countdown({ session }: { session: LiveSession }) {
  const { t } = useTranslation();
  const left = useSecondsLeft(session.timerEndsAt, session.timerRemainingMs);
  if (left === null) return null;
  return (
    <p className={`countdown${left === 0 ? ' countdown--done' : ''}`}>
      <span className="countdown__label">{t('sessions.timer.label')}</span>{' '}
      <span role="timer" aria-label={t('sessions.timer.label')} className="countdown__time">
        {formatSeconds(left)}
      </span>
      {session.timerRemainingMs !== null && <span className="countdown__note"> {t('sessions.timer.paused')}</span>}
      {left === 0 && <span className="countdown__note"> {t('sessions.timer.done')}</span>}
    </p>
  );
}
