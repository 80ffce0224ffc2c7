import type { PayloadsOf } from '../events/forum-events';
import type { StreamName } from '../events/stored-event';
import { NotificationDto } from './dto/notification.dto';

/** Events in a person's own stream, `user:<id>`. */
export const NOTIFICATION_EVENTS = {
  /** Someone replied, mentioned them, or acted on their post. */
  'notification.created': NotificationDto,
} as const;

declare module '../events/forum-events' {
  interface ForumEvents extends PayloadsOf<typeof NOTIFICATION_EVENTS> {}
}

export function userStream(userId: string): StreamName {
  return `user:${userId}`;
}
