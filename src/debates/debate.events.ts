import type { PayloadsOf } from '../events/forum-events';
import { DebateResponseDto } from './dto/debate-response.dto';

/** Events in a debate's stream about the debate itself. */
export const DEBATE_EVENTS = {
  /** Status, slow mode or pre-moderation changed: the whole debate as it is now. */
  'debate.updated': DebateResponseDto,
} as const;

declare module '../events/forum-events' {
  interface ForumEvents extends PayloadsOf<typeof DEBATE_EVENTS> {}
}
