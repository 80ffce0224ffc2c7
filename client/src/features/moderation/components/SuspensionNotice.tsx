import { useTranslation } from 'react-i18next';
import type { User } from '../../../lib/api/types';
import { AppealControl } from './AppealControl';

/** Tells a suspended person until when and why, and lets them appeal. */
export function SuspensionNotice({ me }: { me: User | null }) {
  const { t, i18n } = useTranslation();
  if (!me?.suspendedUntil || new Date(me.suspendedUntil) <= new Date()) return null;
  const until = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(me.suspendedUntil),
  );
  return (
    <div className="suspension" role="status">
      <p>{t('appeal.suspended', { until, reason: me.suspensionReason ?? '' })}</p>
      <AppealControl targetType="suspension" targetId={me.id} standing />
    </div>
  );
}
