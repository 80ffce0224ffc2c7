import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Author } from '../../../lib/api/types';

/** People whose username starts with `prefix`, for @-mentions as one types; nothing for an empty prefix. */
export function useUserSuggestions(prefix: string | null) {
  return useQuery({
    queryKey: ['user-suggestions', prefix?.toLowerCase()],
    enabled: prefix !== null && prefix.length > 0,
    queryFn: () => api<{ items: Author[] }>(`/users/suggest?prefix=${encodeURIComponent(prefix!)}`),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
