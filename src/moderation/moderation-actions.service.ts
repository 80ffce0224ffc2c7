import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { DomainError } from '../common/errors/domain-error';
import { EventLog, UnitOfWork } from '../events/unit-of-work';
import type { PostResponseDto } from '../posts/dto/post-response.dto';
import type { PostStatus } from '../posts/post.entity';
import { PostReader } from '../posts/post-reader.service';
import { statusAfterDelete } from '../posts/post-rules';
import { asTombstone } from '../posts/post-view';
import { PostWriter } from '../posts/post-writer.service';
import { RemoveLabelDto, SetLabelDto } from './dto/label.dto';
import { AuthorNotices, ModerationOutcome } from './author-notices';
import { ModerationActionDto } from './dto/moderation-action.dto';
import { ModerationLog } from './moderation-log.service';
import { LABEL_CATEGORY, QueueAction } from './moderation-policy';
import { QueueService } from './queue.service';

/**
 * What moderators do to posts: the queue actions and labels. Each is one transaction that changes the post through
 * the posts module (counters and readers' events included), resolves the post's open queue item, and logs itself.
 */
@Injectable()
export class ModerationActions {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly writer: PostWriter,
    private readonly reader: PostReader,
    private readonly queue: QueueService,
    private readonly log: ModerationLog,
    private readonly notices: AuthorNotices,
  ) {}

  /**
   * Acts on a post and resolves its open item. Without an open item the action must change something, and with
   * `itemId` that item must still be open: of two moderators deciding one item, the second gets 409.
   */
  async act(moderator: Actor, postId: string, dto: ModerationActionDto): Promise<PostResponseDto> {
    return this.uow.run(async (tx, events) => {
      const post = await this.writer.lockForReview(tx, postId);
      const item = await this.queue.lockOpen(tx, post.id);
      if (dto.itemId && item?.id !== dto.itemId) {
        throw new DomainError(
          'already_resolved',
          'Another moderator has decided this item already; see the resolved queue.',
        );
      }
      const to = statusAfter(dto.action, post.status);
      if (!item && (to === null || to === post.status)) {
        throw new DomainError(
          'already_resolved',
          `Nothing to ${dto.action}: the post is ${post.status} and waits for no review.`,
        );
      }
      const category = dto.category ?? (item ? await this.queue.topFlagReason(tx, item.id) : null);
      // A pending post that is deleted is withdrawn (it never was public): answer with what remains of it.
      const withdrawn = to === 'deleted' && statusAfterDelete(post.status) === null;
      const before = withdrawn ? await this.reader.payload(tx, post.id) : null;
      if (to !== null && to !== post.status) {
        const outcome = outcomeOf(post.status, to);
        await this.writer.setStatus(tx, events, post, to, {
          actorId: moderator.id,
          cause: 'moderator',
          note: dto.reason,
        });
        // A withdrawn pending post is gone, notice and all: its author is told nothing of it.
        if (!withdrawn) await this.notices.tell(tx, events, post, outcome);
      }
      if (item) await this.queue.resolve(tx, events, item, moderator, dto.action, dto.reason);
      await this.log.postAction(tx, events, moderator, post, { action: dto.action, category, reason: dto.reason });
      return before ? asTombstone(before) : this.reader.payload(tx, post.id);
    });
  }

  /** A public label instead of removal; deciding an open item with it resolves the item. */
  async label(moderator: Actor, postId: string, dto: SetLabelDto): Promise<PostResponseDto> {
    return this.uow.run(async (tx, events) => {
      const post = await this.writer.lockForReview(tx, postId);
      if (post.status === 'deleted') throw new DomainError('post_deleted', 'A deleted post cannot be labelled.');
      const labelled = await this.writer.setLabel(tx, events, post, {
        kind: dto.kind,
        note: dto.note,
        sourceUrl: dto.sourceUrl ?? null,
      });
      await this.resolveOpen(tx, events, post.id, moderator, dto.reason);
      await this.notices.tell(tx, events, post, 'labelled');
      await this.log.postAction(tx, events, moderator, post, {
        action: 'label',
        category: LABEL_CATEGORY[dto.kind],
        reason: dto.reason,
      });
      return labelled;
    });
  }

  async unlabel(moderator: Actor, postId: string, dto: RemoveLabelDto): Promise<PostResponseDto> {
    return this.uow.run(async (tx, events) => {
      const post = await this.writer.lockForReview(tx, postId);
      if (!post.labelKind) throw new DomainError('not_labelled', 'This post has no label.');
      const unlabelled = await this.writer.setLabel(tx, events, post, null);
      await this.log.postAction(tx, events, moderator, post, {
        action: 'unlabel',
        category: LABEL_CATEGORY[post.labelKind],
        reason: dto.reason,
      });
      return unlabelled;
    });
  }

  private async resolveOpen(
    tx: EntityManager,
    events: EventLog,
    postId: string,
    moderator: Actor,
    reason: string,
  ): Promise<void> {
    const item = await this.queue.lockOpen(tx, postId);
    if (item) await this.queue.resolve(tx, events, item, moderator, 'label', reason);
  }
}

/** What a change of status means to the post's author. */
function outcomeOf(from: PostStatus, to: Exclude<PostStatus, 'pending'>): ModerationOutcome {
  if (to === 'visible') return from === 'pending' ? 'approved' : 'restored';
  return to;
}

/** The status an action leaves the post in; null: it stays as it is (dismiss). */
function statusAfter(action: QueueAction, status: PostStatus): Exclude<PostStatus, 'pending'> | null {
  if (action === 'dismiss') return null;
  if (action === 'delete') return 'deleted';
  if (status === 'deleted') {
    throw new DomainError('post_deleted', 'A deleted post comes back only through an appeal of its deletion.');
  }
  return action === 'hide' ? 'hidden' : 'visible';
}
