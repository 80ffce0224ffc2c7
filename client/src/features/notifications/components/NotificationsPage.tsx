import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RelativeTime } from '../../../components/RelativeTime';
import type { Notification, NotificationKind } from '../../../lib/api/types';
import { LoadMore } from '../../../components/LoadMore';
import {
  useMarkRead,
  useNotifications,
  useNotificationSettings,
  useUpdateNotificationSettings,
} from '../api/notifications';

const KINDS: NotificationKind[] = ['reply', 'mention', 'moderation'];

/** `/notifications`: newest first; opening one marks it read. Below, which kinds one receives. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const list = useNotifications();
  const markRead = useMarkRead();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = list.data?.pages[0]?.unreadCount ?? 0;
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      <ErrorAlert error={list.error ?? markRead.error} />
      {unread > 0 && (
        <button type="button" className="secondary" onClick={() => markRead.mutate(undefined)}>
          {t('notifications.markAllRead')}
        </button>
      )}
      {list.isSuccess && items.length === 0 && <p>{t('notifications.empty')}</p>}
      <ul className="notifications">
        {items.map((notification) => (
          <NotificationItem key={notification.id} notification={notification} />
        ))}
      </ul>
      <LoadMore list={list} />
      <Settings />
    </>
  );
}

function NotificationItem({ notification }: { notification: Notification }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const { kind, actor, outcome } = notification;
  const name = actor?.displayName ?? '';
  const what =
    kind === 'moderation'
      ? t(outcome ? `notifications.moderation.${outcome}` : 'notifications.moderation.other', {
          defaultValue: t('notifications.moderation.other'),
        })
      : t(`notifications.${kind}`, { name });
  const target = `/debates/${notification.debateId}/posts/${notification.postId}`;
  return (
    <li className={notification.readAt ? 'notification' : 'notification notification--unread'}>
      <Link
        to={target}
        onClick={(event) => {
          event.preventDefault();
          if (!notification.readAt) markRead.mutate([notification.id]);
          void navigate(target);
        }}
      >
        {!notification.readAt && <span className="badge badge--new">{t('notifications.new')}</span>} {what}
      </Link>{' '}
      <RelativeTime iso={notification.createdAt} />
      {notification.excerpt && <p className="notification__excerpt">{notification.excerpt}</p>}
    </li>
  );
}

function Settings() {
  const { t } = useTranslation();
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  const headingId = useId();
  if (!settings.data) return null;
  return (
    <section aria-labelledby={headingId} className="notification-settings">
      <h2 id={headingId}>{t('notifications.settings')}</h2>
      {KINDS.map((kind) => (
        <label key={kind} className="checkbox">
          <input
            type="checkbox"
            checked={settings.data[kind]}
            onChange={(event) => update.mutate({ [kind]: event.target.checked })}
          />
          {t(`notifications.setting.${kind}`)}
        </label>
      ))}
      <ErrorAlert error={update.error} />
    </section>
  );
}
