import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { NotificationPage, NotificationSettings } from '../../../lib/api/types';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  list: ['notifications', 'list'] as const,
  settings: ['notifications', 'settings'] as const,
};

/** How many are unread, for the header. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unread,
    enabled,
    queryFn: async () => (await api<NotificationPage>('/notifications?limit=1')).unreadCount,
  });
}

export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam }) =>
      api<NotificationPage>(`/notifications?limit=30${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** Marks these (or all) read; the header's count follows. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) =>
      api<{ unreadCount: number }>('/notifications/read', { method: 'POST', body: ids ? { ids } : {} }),
    onSuccess: ({ unreadCount }) => {
      client.setQueryData(notificationKeys.unread, unreadCount);
      void client.invalidateQueries({ queryKey: notificationKeys.list });
    },
  });
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationKeys.settings,
    queryFn: () => api<NotificationSettings>('/notifications/settings'),
  });
}

export function useUpdateNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: Partial<NotificationSettings>) =>
      api<NotificationSettings>('/notifications/settings', { method: 'PATCH', body: change }),
    onSuccess: (settings) => client.setQueryData(notificationKeys.settings, settings),
  });
}
