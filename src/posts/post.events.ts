import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { PayloadsOf } from '../events/forum-events';
import { PostResponseDto } from './dto/post-response.dto';

/** A post that readers should take away (deleted, or hidden from them). */
@ApiSchema({ name: 'PostRef' })
export class PostRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
}

@ApiSchema({ name: 'PostScore' })
export class PostScoreDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer' }) score: number;
}

/** Events in a debate's stream about its posts. Those carrying a post follow its visibility, also on replay. */
export const POST_EVENTS = {
  /** A new post, or a pending one approved (then with a new seq). */
  'post.created': PostResponseDto,
  /** Its body was edited. */
  'post.updated': PostResponseDto,
  /** A hidden post is visible again. */
  'post.restored': PostResponseDto,
  'post.deleted': PostRefDto,
  'post.hidden': PostRefDto,
  /** A moderator put a public label on it or took it off: the post as it is now, with `label`. */
  'post.labelled': PostResponseDto,
  'post.voted': PostScoreDto,
} as const;

declare module '../events/forum-events' {
  interface ForumEvents extends PayloadsOf<typeof POST_EVENTS> {}
}
