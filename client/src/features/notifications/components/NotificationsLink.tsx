import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '../../../lib/api/types';
import { useStream } from '../../../lib/realtime';
import { streams } from '../../../lib/stream-subscription';
import { notificationKeys, useUnreadCount } from '../api/notifications';

/**
 * The header's way to one's notifications, with the unread count. It follows the person's own stream, so a reply
 * or mention raises the count at once, on any page.
 */
export function NotificationsLink({ me }: { me: User }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const unread = useUnreadCount(true);
  useStream(
    useMemo(() => streams.user(me.id), [me.id]),
    {
      onEvent: (event) => {
        if (event.type !== 'notification.created') return;
        client.setQueryData<number>(notificationKeys.unread, (count) => (count ?? 0) + 1);
        void client.invalidateQueries({ queryKey: notificationKeys.list });
      },
      onReload: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
    },
  );
  const count = unread.data ?? 0;
  return (
    <Link to="/notifications" className="site-header__notifications">
      {t('notifications.link')}
      {count > 0 && (
        <span className="count" aria-label={t('notifications.unread', { count })}>
          {count}
        </span>
      )}
    </Link>
  );
}
