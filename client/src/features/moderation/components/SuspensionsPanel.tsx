import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSuspensions, useUnsuspend } from '../api/decisions';
import { useFormat } from './format';

/** Everyone suspended now, the soonest back first; suspending happens from a queue item's author. */
export function SuspensionsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const suspended = useSuspensions();
  const unsuspend = useUnsuspend();
  const headingId = useId();
  const items = suspended.data?.items ?? [];
  return (
    <section aria-labelledby={headingId} className="stack">
      <h2 id={headingId}>{t('moderation.suspensions.heading')}</h2>
      <p className="hint">{t('moderation.suspensions.hint')}</p>
      <ErrorAlert error={unsuspend.error} />
      {suspended.isSuccess && items.length === 0 && <p>{t('moderation.suspensions.empty')}</p>}
      <ul className="plain-list">
        {items.map((user) => (
          <li key={user.id} className="card">
            <p>
              <strong>{user.displayName}</strong> (@{user.username}) —{' '}
              {t('moderation.suspensions.until', { date: format.time(user.suspendedUntil!) })}
            </p>
            {user.suspensionReason && <p>{t('moderation.suspensions.reason', { reason: user.suspensionReason })}</p>}
            <button
              type="button"
              className="secondary"
              disabled={unsuspend.isPending}
              aria-label={t('moderation.suspensions.unsuspendOne', { name: user.displayName })}
              onClick={() => unsuspend.mutate({ userId: user.id, reason: '' })}
            >
              {t('moderation.suspensions.unsuspend')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
