import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Page, Question, QuestionOrder, QuestionState } from '../../../lib/api/types';
import { sessionKeys, upsertQuestion } from './session-cache';

export function useQuestions(sessionId: string, order: QuestionOrder) {
  return useQuery({
    queryKey: sessionKeys.questionList(sessionId, order),
    queryFn: () => api<Page<Question>>(`/sessions/${sessionId}/questions?order=${order}&limit=200`),
  });
}

export function useAskQuestion(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api<Question>(`/sessions/${sessionId}/questions`, { method: 'POST', body: { body } }),
    onSuccess: (question) => upsertQuestion(client, question),
  });
}

export function useUpvote() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, up }: { id: string; up: boolean }) =>
      api<Question>(`/questions/${id}/upvote`, { method: up ? 'PUT' : 'DELETE' }),
    onSuccess: (question) => upsertQuestion(client, question),
  });
}

export function useSetQuestionState() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, state }: { id: string; state: QuestionState }) =>
      api<Question>(`/questions/${id}`, { method: 'PATCH', body: { state } }),
    onSuccess: (question) => upsertQuestion(client, question),
  });
}
