import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { PostContext } from '../../../lib/api/types';

/** A post for its permalink: the posts above it and its whole subtree. */
export function usePostContext(postId: string) {
  return useQuery({
    queryKey: ['context', postId],
    queryFn: () => api<PostContext>(`/posts/${postId}/context`),
  });
}
