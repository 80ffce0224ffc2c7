import { useQueryClient } from '@tanstack/react-query';
import { useStream } from '../../lib/realtime';
import { streams } from '../../lib/stream-subscription';
import { applyModerationEvent, reloadModeration } from './api/queue';

/** Joined once per module: the stream has one name and no parameters, so one object serves every page. */
const MODERATION = streams.moderation();

/** Follows the moderators' stream: the queue, the appeals and the log stay current; answers who else is here. */
export function useModerationStream() {
  const client = useQueryClient();
  return useStream(MODERATION, {
    onEvent: (event) => applyModerationEvent(client, event),
    onReload: () => reloadModeration(client),
  });
}
