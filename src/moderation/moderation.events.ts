import type { PayloadsOf } from '../events/forum-events';
import type { StreamName } from '../events/stored-event';
import { AppealEventDto } from './dto/appeal.dto';
import { FlagCreatedDto } from './dto/flag.dto';
import { LogEntryDto } from './dto/log.dto';
import { QueueUpdateDto } from './dto/queue.dto';

/** The one moderation stream: moderators and admins follow it (moderation:join). */
export const MODERATION_STREAM: StreamName = 'moderation';

/** Events of the moderation stream. Only moderators join it, so they carry what moderators see. */
export const MODERATION_EVENTS = {
  /** Someone flagged a post. */
  'flag.created': FlagCreatedDto,
  /** A queue item opened, gained a cause or a flag, or was resolved; with the number of open items. */
  'queue.updated': QueueUpdateDto,
  /** An entry was added to the audit log. */
  'log.appended': LogEntryDto,
  'appeal.created': AppealEventDto,
  'appeal.decided': AppealEventDto,
} as const;

declare module '../events/forum-events' {
  interface ForumEvents extends PayloadsOf<typeof MODERATION_EVENTS> {}
}
