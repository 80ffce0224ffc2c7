import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { AuthoredPost, Page, Profile } from '../../../lib/api/types';

export function useProfile(username: string) {
  return useQuery({
    queryKey: ['profile', username.toLowerCase()],
    queryFn: () => api<Profile>(`/users/by-name/${encodeURIComponent(username)}`),
    retry: false,
  });
}

export function useProfilePosts(username: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['profile', username.toLowerCase(), 'posts'],
    enabled,
    queryFn: ({ pageParam }) =>
      api<Page<AuthoredPost>>(
        `/users/by-name/${encodeURIComponent(username)}/posts?limit=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
