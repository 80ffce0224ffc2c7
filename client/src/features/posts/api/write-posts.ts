import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { NewPost, Post } from '../../../lib/api-types';
import { insertPost, patchPost, TOMBSTONE } from './thread-cache';

/** Creates a post; the same clientId on a retry returns the first post instead of a second one. */
export function useCreatePost(debateId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (post: NewPost) => api<Post>(`/debates/${debateId}/posts`, { method: 'POST', body: post }),
    onSuccess: (post) => insertPost(client, post),
  });
}

export function useEditPost(debateId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) =>
      api<Post>(`/posts/${id}`, { method: 'PATCH', body: { body } }),
    onSuccess: (post) => patchPost(client, debateId, post.id, () => post),
  });
}

export function useDeletePost(debateId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/posts/${id}`, { method: 'DELETE' }),
    onSuccess: (_nothing, id) => patchPost(client, debateId, id, () => TOMBSTONE),
  });
}

export function useVote(debateId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, value }: { id: string; value: 1 | -1 | 0 }) =>
      api<{ score: number; myVote: 1 | -1 | 0 }>(`/posts/${id}/vote`, { method: 'PUT', body: { value } }),
    onSuccess: ({ score, myVote }, { id }) => patchPost(client, debateId, id, () => ({ score, myVote })),
  });
}
