import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { LogEntry, Page, PublicLogEntry, TransparencySummary } from '../../../lib/api/types';
import { cursorParam, moderationKeys } from './keys';

/** The audit log (moderators, with who acted) or the public transparency log, newest first, filtered by action. */
export function useLog<Scope extends 'staff' | 'public'>(scope: Scope, action: string) {
  const path = scope === 'staff' ? '/moderation/log' : '/transparency/log';
  return useInfiniteQuery({
    queryKey: moderationKeys.log(scope, action),
    queryFn: ({ pageParam }) =>
      api<Page<Scope extends 'staff' ? LogEntry : PublicLogEntry>>(
        `${path}?limit=50${action ? `&action=${action}` : ''}${cursorParam(pageParam)}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** Where the whole filtered log downloads as CSV. */
export function logCsvUrl(scope: 'staff' | 'public', action: string): string {
  return `/api/${scope === 'staff' ? 'moderation' : 'transparency'}/log?format=csv${action ? `&action=${action}` : ''}`;
}

export function useTransparencySummary(weeks = 12) {
  return useQuery({
    queryKey: [...moderationKeys.summary, weeks],
    queryFn: () => api<TransparencySummary>(`/transparency/summary?weeks=${weeks}`),
  });
}
