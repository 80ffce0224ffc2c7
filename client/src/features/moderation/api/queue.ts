import { InfiniteData, QueryClient, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Post, QueueAction, QueueItem, QueuePage, StreamEvent } from '../../../lib/api/types';
import { cursorParam, moderationKeys } from './keys';

type Pages = InfiniteData<QueuePage, string | null>;

/** The queue in one state, page by page: open items oldest first, resolved ones latest decision first. */
export function useQueue(state: 'open' | 'resolved') {
  return useInfiniteQuery({
    queryKey: moderationKeys.queue(state),
    queryFn: ({ pageParam }) => api<QueuePage>(`/moderation/queue?state=${state}&limit=20${cursorParam(pageParam)}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export interface ActionInput {
  postId: string;
  itemId?: string;
  action: QueueAction;
  reason: string;
}

/** Approve, hide, restore, delete or dismiss; the item leaves the open queue at once. */
export function useModerationAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, ...body }: ActionInput) =>
      api<Post>(`/moderation/posts/${postId}/actions`, { method: 'POST', body }),
    onSuccess: (_post, { itemId }) => {
      if (itemId) removeOpenItem(client, itemId);
      void client.invalidateQueries({ queryKey: moderationKeys.queue('resolved') });
    },
  });
}

function removeOpenItem(client: QueryClient, itemId: string, openCount?: number): void {
  client.setQueryData<Pages>(
    moderationKeys.queue('open'),
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page, i) => ({
          ...page,
          items: page.items.filter((item) => item.id !== itemId),
          openCount: i === 0 && openCount !== undefined ? openCount : page.openCount,
        })),
      },
  );
}

/** An open item as it is now: replaced where it shows, or added at the end once the last page is loaded. */
function upsertOpenItem(client: QueryClient, item: QueueItem, openCount: number): void {
  client.setQueryData<Pages>(moderationKeys.queue('open'), (data) => {
    if (!data) return data;
    const known = data.pages.some((page) => page.items.some((candidate) => candidate.id === item.id));
    const last = data.pages.length - 1;
    return {
      ...data,
      pages: data.pages.map((page, i) => ({
        ...page,
        items: known
          ? page.items.map((candidate) => (candidate.id === item.id ? item : candidate))
          : i === last && page.nextCursor === null
            ? [...page.items, item]
            : page.items,
        openCount: i === 0 ? openCount : page.openCount,
      })),
    };
  });
}

/** Maps the moderation stream onto the caches. */
export function applyModerationEvent(client: QueryClient, event: StreamEvent): void {
  switch (event.type) {
    case 'queue.updated': {
      const update = event.data;
      if (update.state === 'open' && update.item) upsertOpenItem(client, update.item, update.openCount);
      else {
        removeOpenItem(client, update.itemId, update.openCount);
        void client.invalidateQueries({ queryKey: moderationKeys.queue('resolved') });
      }
      return;
    }
    case 'log.appended':
      void client.invalidateQueries({ queryKey: moderationKeys.logs });
      return;
    case 'appeal.created':
    case 'appeal.decided':
      void client.invalidateQueries({ queryKey: moderationKeys.allAppeals });
      return;
  }
}

/** After a reconnect that missed too much: everything again. */
export function reloadModeration(client: QueryClient): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: moderationKeys.queues }),
    client.invalidateQueries({ queryKey: moderationKeys.allAppeals }),
    client.invalidateQueries({ queryKey: moderationKeys.logs }),
  ]);
}
