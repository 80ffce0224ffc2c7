import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { LiveSession, LiveSessionView, Page, Post, SessionReport } from '../../../lib/api/types';
import { learnServerTime } from '../clock';
import { sessionKeys } from './session-cache';

async function fetchSession(path: string): Promise<LiveSessionView> {
  const session = await api<LiveSessionView>(path);
  learnServerTime(session.serverTime);
  return session;
}

/** A session, kept current by its stream; `initial` when it is already in hand (found by its code). */
export function useSession(id: string, initial?: LiveSessionView) {
  return useQuery({
    queryKey: sessionKeys.session(id),
    queryFn: () => fetchSession(`/sessions/${id}`),
    initialData: initial,
    retry: false,
  });
}

export function useSessionByCode(code: string) {
  return useQuery({
    queryKey: sessionKeys.byCode(code),
    queryFn: () => fetchSession(`/sessions/code/${encodeURIComponent(code.trim())}`),
    retry: false,
  });
}

export function useMySessions(enabled: boolean) {
  return useQuery({
    queryKey: sessionKeys.mine,
    queryFn: () => api<Page<LiveSession>>('/sessions?mine=true&limit=200'),
    enabled,
  });
}

export interface NewSession {
  title: string;
  debateIds: string[];
  startsAt?: string;
}

export function useCreateSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (session: NewSession) => api<LiveSessionView>('/sessions', { method: 'POST', body: session }),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionKeys.mine }),
  });
}

/** Every organiser command answers the session as it is now. */
function useSessionCommand<Input>(id: string, request: (input: Input) => Promise<LiveSessionView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (session) => {
      learnServerTime(session.serverTime);
      client.setQueryData(sessionKeys.session(id), session);
    },
  });
}

export function useSessionStep(id: string) {
  return useSessionCommand(id, (action: 'start' | 'pause' | 'resume' | 'end') =>
    api<LiveSessionView>(`/sessions/${id}/${action}`, { method: 'POST' }),
  );
}

export function useSetCurrentDebate(id: string) {
  return useSessionCommand(id, (debateId: string) =>
    api<LiveSessionView>(`/sessions/${id}/agenda/current`, { method: 'POST', body: { debateId } }),
  );
}

export function useSetTimer(id: string) {
  return useSessionCommand(id, (seconds: number) =>
    api<LiveSessionView>(`/sessions/${id}/timer`, { method: 'POST', body: { seconds } }),
  );
}

export function useSetSpotlight(id: string) {
  return useSessionCommand(id, (postId: string | null) =>
    api<LiveSessionView>(`/sessions/${id}/spotlight`, { method: 'POST', body: { postId } }),
  );
}

/** The spotlighted post, kept current by spotlight.changed. */
export function useSpotlight(sessionId: string, postId: string | null) {
  return useQuery({
    queryKey: sessionKeys.spotlight(sessionId),
    queryFn: () => (postId ? api<Post>(`/posts/${postId}`).catch(() => null) : null),
    enabled: postId !== null,
  });
}

/** The posts of the current debate an organiser may spotlight: its top ones. */
export function useSpotlightCandidates(debateId: string | null) {
  return useQuery({
    queryKey: ['session-spotlight-candidates', debateId],
    queryFn: () => api<Page<Post>>(`/debates/${debateId}/posts?sort=top&limit=20`),
    enabled: debateId !== null,
  });
}

export function useReport(id: string) {
  return useQuery({
    queryKey: sessionKeys.report(id),
    queryFn: () => api<SessionReport>(`/sessions/${id}/report`),
    retry: false,
  });
}
