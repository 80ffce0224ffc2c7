import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../../features/auth';
import { NotificationsPage as Notifications } from '../../features/notifications';

/** One's notifications; a guest is told to sign in, and comes back here after. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return null;
  if (!me.data) {
    return (
      <p>
        <Link to="/login" state={{ from: location.pathname }}>
          {t('notifications.signIn')}
        </Link>
      </p>
    );
  }
  return <Notifications />;
}
