import { useTranslation } from 'react-i18next';
import type { LiveSession } from '../../../lib/api/types';
import type { Connection } from '../../../lib/realtime';

/** Title, status, join code and how many are here. */
export function SessionHeader(props: { session: LiveSession; presence: number | null; connection: Connection }) {
  const { t } = useTranslation();
  const { session, presence, connection } = props;
  return (
    <header className="session-header">
      <h1>{session.title}</h1>
      <p className="session-header__facts" aria-live="polite">
        <span className={`status status--${session.status}`}>{t(`sessions.status.${session.status}`)}</span>
        <span>
          {t('sessions.code')} <strong className="code">{session.code}</strong>
        </span>
        {presence !== null && <span>{t('sessions.here', { count: presence })}</span>}
        {connection === 'lost' && <span className="notice">{t('sessions.offline')}</span>}
      </p>
    </header>
  );
}
