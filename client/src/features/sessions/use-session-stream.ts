import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useStream } from '../../lib/realtime';
import { streams } from '../../lib/stream-subscription';
import { applySessionEvent, sessionKeys } from './api/session-cache';

/** Follows a session live: every event lands in the caches; a (re)join that missed too much reloads them. */
export function useSessionStream(sessionId: string, staff: boolean) {
  const client = useQueryClient();
  return useStream(
    useMemo(() => streams.session(sessionId), [sessionId]),
    {
      onEvent: (event) => applySessionEvent(client, sessionId, event, staff),
      onReload: () =>
        Promise.all([
          client.invalidateQueries({ queryKey: sessionKeys.session(sessionId) }),
          client.invalidateQueries({ queryKey: sessionKeys.polls(sessionId) }),
          client.invalidateQueries({ queryKey: sessionKeys.questions(sessionId) }),
          client.invalidateQueries({ queryKey: sessionKeys.spotlight(sessionId) }),
        ]),
    },
  );
}
