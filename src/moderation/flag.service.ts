import { Inject, Injectable } from '@nestjs/common';
import { Actor, viewerOf } from '../common/auth/actor';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UnitOfWork } from '../events/unit-of-work';
import { postNotFound } from '../posts/post-reader.service';
import { canSee } from '../posts/post-rules';
import { PostWriter } from '../posts/post-writer.service';
import { CreateFlagDto, FlagResponseDto } from './dto/flag.dto';
import { AuthorNotices } from './author-notices';
import { FlagRepository } from './flag.repository';
import { MODERATION_STREAM } from './moderation.events';
import { ModerationLog } from './moderation-log.service';
import { FLAGS_PER_DAY } from './moderation-policy';
import { QueueService } from './queue.service';

/**
 * Flags: one per person per post, never on one's own, at most FLAGS_PER_DAY a day (unless RATE_LIMITS=off). Each joins the post's open queue
 * item; when FLAG_HIDE_THRESHOLD distinct people have flagged it, the post is hidden pending review, its author told
 * why, and the hide is logged as the forum's own action.
 */
@Injectable()
export class FlagService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly writer: PostWriter,
    private readonly flags: FlagRepository,
    private readonly queue: QueueService,
    private readonly log: ModerationLog,
    private readonly notices: AuthorNotices,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async flag(flagger: Actor, postId: string, dto: CreateFlagDto): Promise<FlagResponseDto> {
    return this.uow.run(async (tx, events) => {
      // Under the debate's lock: two flags on one post, or one person's two flags, never race.
      const post = await this.writer.lockForReview(tx, postId);
      if (!canSee(viewerOf(flagger), post)) throw postNotFound();
      if (post.authorId === flagger.id) {
        throw new DomainError('own_post', 'You cannot flag your own post; edit or delete it instead.');
      }
      if (post.status !== 'visible') {
        throw new DomainError(
          'not_flaggable',
          post.status === 'deleted' ? 'This post was deleted.' : 'This post is already waiting for a moderator.',
        );
      }
      const before = await this.flags.before(tx, post.id, flagger.id);
      if (before.already) {
        throw new DomainError('already_flagged', 'You have flagged this post already; the moderators have it.');
      }
      // A per-person limit like posting's: RATE_LIMITS=off turns it off (only slow mode still answers 429).
      if (this.config.rateLimits && before.today >= FLAGS_PER_DAY) {
        throw new DomainError(
          'flag_limit',
          `You can flag ${FLAGS_PER_DAY} posts a day: try again in ${Math.ceil(before.freeInSeconds / 60)} min.`,
          { retryAfter: before.freeInSeconds },
        );
      }

      const item = await this.queue.open(tx, post.id, [{ kind: 'flags' }]);
      const note = dto.note || null;
      const flag = await this.flags.insert(tx, {
        postId: post.id,
        itemId: item.id,
        userId: flagger.id,
        reason: dto.reason,
        note,
      });
      const { flaggers, topReason } = await this.flags.tally(tx, item.id);
      if (flaggers >= this.config.flagHideThreshold) {
        await this.writer.setStatus(tx, events, post, 'hidden', { actorId: null, cause: 'flags' });
        await this.notices.tell(tx, events, post, 'hidden');
        await this.log.postAction(tx, events, null, post, {
          action: 'hide',
          category: topReason,
          reason: `Hidden pending review after ${flaggers} people flagged it.`,
        });
      }
      const created = { id: flag.id, reason: dto.reason, note, createdAt: flag.created_at.toISOString() };
      await events.append(MODERATION_STREAM, 'flag.created', {
        ...created,
        postId: post.id,
        itemId: item.id,
        user: { id: flagger.id, username: flagger.username, displayName: flagger.displayName },
      });
      await this.queue.announce(tx, events, item.id);
      return created;
    });
  }
}
