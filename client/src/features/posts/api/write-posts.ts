import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { NewPost, Post, Vote, VoteResult } from '../../../lib/api/types';
import { pendingDeletes } from './pending-deletes';
import { insertPost, patchPost, takeAway, TOMBSTONE } from './thread-cache';

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

/** Deletes a post after the undo window (see pendingDeletes); the thread shows the tombstone once it is done. */
export function useDeleteLater() {
  const client = useQueryClient();
  return (post: Post) =>
    pendingDeletes.schedule(post.id, async (keepalive) => {
      await api<void>(`/posts/${post.id}`, { method: 'DELETE', keepalive });
      takeAway(client, post.debateId, post.id, TOMBSTONE);
    });
}

export function useVote(debateId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, value }: { id: string; value: Vote }) =>
      api<VoteResult>(`/posts/${id}/vote`, { method: 'PUT', body: { value } }),
    onSuccess: ({ score, myVote }, { id }) => patchPost(client, debateId, id, () => ({ score, myVote })),
  });
}
