import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventLog } from '../events/unit-of-work';
import { NotificationService } from '../notifications/notification.service';
import type { Post } from '../posts/post.entity';

/** What the moderators did to a post, as its author is told (`notifications.moderation.<outcome>` in the client). */
export type ModerationOutcome =
  'hidden' | 'restored' | 'approved' | 'deleted' | 'labelled' | 'appeal_upheld' | 'appeal_reversed';

/**
 * Tells a post's author, in the transaction of the decision, what the moderators decided, on the author's own stream
 * and in their notifications. Moderators stay unnamed, as in the transparency log; an author who turned moderation
 * notices off is not told.
 */
@Injectable()
export class AuthorNotices {
  constructor(private readonly notifications: NotificationService) {}

  async tell(
    tx: EntityManager,
    events: EventLog,
    post: Pick<Post, 'id' | 'authorId' | 'debateId'>,
    outcome: ModerationOutcome,
  ): Promise<void> {
    await this.notifications.notify(tx, events, {
      userId: post.authorId,
      kind: 'moderation',
      postId: post.id,
      debateId: post.debateId,
      actorId: null,
      outcome,
    });
  }
}
