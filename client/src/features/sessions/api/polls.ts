import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Page, Poll, PollKind } from '../../../lib/api/types';
import { sessionKeys, upsertPoll } from './session-cache';

export function usePolls(sessionId: string) {
  return useQuery({
    queryKey: sessionKeys.polls(sessionId),
    queryFn: () => api<Page<Poll>>(`/sessions/${sessionId}/polls?limit=200`),
  });
}

export interface NewPoll {
  question: string;
  options: string[];
  kind: PollKind;
  pairedPollId?: string;
}

export function useCreatePoll(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (poll: NewPoll) => api<Poll>(`/sessions/${sessionId}/polls`, { method: 'POST', body: poll }),
    onSuccess: (poll) => upsertPoll(client, poll),
  });
}

export function usePollState() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, to }: { id: string; to: 'open' | 'close' }) =>
      api<Poll>(`/polls/${id}/${to}`, { method: 'POST' }),
    onSuccess: (poll) => upsertPoll(client, poll),
  });
}

export function useVote() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, optionIndex }: { id: string; optionIndex: number }) =>
      api<Poll>(`/polls/${id}/vote`, { method: 'PUT', body: { optionIndex } }),
    onSuccess: (poll) => upsertPoll(client, poll),
  });
}
