import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type {
  Appeal,
  AppealDetail,
  FlagReason,
  LabelKind,
  Page,
  Post,
  User,
  WatchedAction,
  WatchedWord,
} from '../../../lib/api/types';
import { cursorParam, moderationKeys } from './keys';

export function useFlag() {
  return useMutation({
    mutationFn: ({ postId, reason, note }: { postId: string; reason: FlagReason; note: string }) =>
      api(`/posts/${postId}/flags`, { method: 'POST', body: note.trim() ? { reason, note } : { reason } }),
  });
}

export function useSetLabel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      postId,
      ...body
    }: {
      postId: string;
      kind: LabelKind;
      note: string;
      sourceUrl?: string;
      reason: string;
    }) => api<Post>(`/moderation/posts/${postId}/label`, { method: 'PUT', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: moderationKeys.queues }),
  });
}

export function useRemoveLabel() {
  return useMutation({
    mutationFn: ({ postId, reason }: { postId: string; reason: string }) =>
      api<Post>(`/moderation/posts/${postId}/label`, { method: 'DELETE', body: { reason } }),
  });
}

export function useSuspensions() {
  return useQuery({
    queryKey: moderationKeys.suspensions,
    queryFn: () => api<Page<User>>('/moderation/suspensions?limit=200'),
  });
}

export function useSuspend() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, until, reason }: { userId: string; until: string; reason: string }) =>
      api<User>(`/moderation/users/${userId}/suspend`, { method: 'POST', body: { until, reason } }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: moderationKeys.suspensions }),
        client.invalidateQueries({ queryKey: moderationKeys.queues }),
      ]),
  });
}

export function useUnsuspend() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, reason }: { userId: string; reason: string }) =>
      api<User>(`/moderation/users/${userId}/unsuspend`, { method: 'POST', body: reason.trim() ? { reason } : {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: moderationKeys.suspensions }),
  });
}

export function useWatchedWords() {
  return useInfiniteQuery({
    queryKey: moderationKeys.watchedWords,
    queryFn: ({ pageParam }) => api<Page<WatchedWord>>(`/moderation/watched-words?limit=100${cursorParam(pageParam)}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useAddWatchedWord() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { pattern: string; action: WatchedAction }) =>
      api<WatchedWord>('/moderation/watched-words', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: moderationKeys.watchedWords }),
  });
}

export function useRemoveWatchedWord() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/moderation/watched-words/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: moderationKeys.watchedWords }),
  });
}

export function useAppeals(state: 'open' | 'decided') {
  return useInfiniteQuery({
    queryKey: moderationKeys.appeals(state),
    queryFn: ({ pageParam }) => api<Page<AppealDetail>>(`/appeals?state=${state}&limit=20${cursorParam(pageParam)}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useDecideAppeal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: string; decision: 'uphold' | 'reverse'; reason: string }) =>
      api<Appeal>(`/appeals/${id}/decision`, { method: 'POST', body: { decision, reason } }),
    onSuccess: () => client.invalidateQueries({ queryKey: moderationKeys.allAppeals }),
  });
}

/** The signed-in person's appeals and their outcomes (the latest 200 are plenty for one person). */
export function useMyAppeals(enabled: boolean) {
  return useQuery({
    queryKey: moderationKeys.myAppeals,
    queryFn: () => api<Page<Appeal>>('/appeals/mine?limit=200'),
    enabled,
    staleTime: 10_000,
  });
}

export function useCreateAppeal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { targetType: 'post' | 'suspension'; targetId: string; message: string }) =>
      api<Appeal>('/appeals', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: moderationKeys.myAppeals }),
  });
}
