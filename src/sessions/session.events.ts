import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { PayloadsOf } from '../events/forum-events';
import { PostResponseDto } from '../posts/dto/post-response.dto';
import { PollDto, PollResultsDto } from './dto/poll.dto';
import { QuestionDto, QuestionUpvotesDto } from './dto/question.dto';
import { SessionDto } from './dto/session.dto';

@ApiSchema({ name: 'SpotlightChange' })
export class SpotlightChangedDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) postId: string | null;
  @ApiProperty({ type: PostResponseDto, nullable: true, description: 'The post as guests see it; null when cleared' })
  post: PostResponseDto | null;
}

/** Events in a session's stream, `session:<id>`. */
export const SESSION_EVENTS = {
  /** Status, agenda position or timer changed: the whole session as it is now. */
  'session.updated': SessionDto,
  'spotlight.changed': SpotlightChangedDto,
  /** A poll opened for votes, with the counts it has (none for a new poll). */
  'poll.opened': PollDto,
  /** The current counts of an open poll, coalesced: at most one per poll every 250 ms per node. */
  'poll.results': PollResultsDto,
  /** A poll closed, with its final counts. */
  'poll.closed': PollDto,
  'question.created': QuestionDto,
  /**
   * A question answered, hidden or opened again. Hiding sends everyone the question without its words or author,
   * then the organiser and moderators the whole question.
   */
  'question.updated': QuestionDto,
  /** A question's up-votes, coalesced like poll.results. */
  'question.upvoted': QuestionUpvotesDto,
} as const;

declare module '../events/forum-events' {
  interface ForumEvents extends PayloadsOf<typeof SESSION_EVENTS> {}
}
