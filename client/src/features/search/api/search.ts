import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { SearchResults } from '../../../lib/api/types';

export interface SearchParams {
  q: string;
  debateId: string;
  stance: string;
}

/** Search results page by page; nothing is asked for an empty query. */
export function useSearch({ q, debateId, stance }: SearchParams) {
  return useInfiniteQuery({
    queryKey: ['search', q, debateId, stance],
    enabled: q.trim() !== '',
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ q, limit: '20' });
      if (debateId) params.set('debateId', debateId);
      if (stance) params.set('stance', stance);
      if (pageParam) params.set('cursor', pageParam);
      return api<SearchResults>(`/search?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
