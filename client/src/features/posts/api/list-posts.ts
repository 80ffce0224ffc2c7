import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Page, Post, PostSort } from '../../../lib/api/types';
import { PostNode, threadKeys } from './thread-cache';

/** Levels shown below a post before "show more replies". */
export const VISIBLE_DEPTH = 4;

/** Top-level posts in one sort, page by page. */
export function useTopLevelPosts(debateId: string, sort: PostSort) {
  return useInfiniteQuery({
    queryKey: threadKeys.level(debateId, sort),
    queryFn: ({ pageParam }) =>
      api<Page<Post>>(
        `/debates/${debateId}/posts?sort=${sort}&limit=50${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // Switching sorts keeps the old order on screen until the new one arrives, so the page does not jump.
    placeholderData: keepPreviousData,
  });
}

/** A post's replies, VISIBLE_DEPTH levels deep, in one request. */
export function useReplies(debateId: string, rootId: string) {
  return useQuery({
    queryKey: threadKeys.tree(debateId, rootId),
    queryFn: () => api<PostNode>(`/debates/${debateId}/tree?rootId=${rootId}&maxDepth=${VISIBLE_DEPTH}`),
  });
}
