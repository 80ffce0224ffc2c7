import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor, isSuspended } from '../common/auth/actor';
import { DomainError } from '../common/errors/domain-error';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import type { ListQueryDto, Page } from '../common/pagination/list-query.dto';
import { EventLog, UnitOfWork } from '../events/unit-of-work';
import type { Post } from '../posts/post.entity';
import { PostReader } from '../posts/post-reader.service';
import { PostWriter } from '../posts/post-writer.service';
import { UsersService } from '../users/users.service';
import {
  AppealDecisionDto,
  AppealDetailDto,
  AppealDto,
  AppealQueryDto,
  AppealTarget,
  CreateAppealDto,
} from './dto/appeal.dto';
import { AppealRepository, AppealRow } from './appeal.repository';
import { AuthorNotices } from './author-notices';
import { MODERATION_STREAM } from './moderation.events';
import { LogRow } from './moderation-log.repository';
import { ModerationLog, toLogEntry } from './moderation-log.service';
import type { LogAction } from './moderation-policy';
import { QueueService } from './queue.service';

/**
 * Appeals: the author of a hidden, deleted, labelled or held post (whatever held it: a watched word, pre-moderation,
 * a new account), or a suspended person, contests the decision that still stands against them, once. A moderator upholds or reverses it with a reason (never their own decision while
 * someone else moderates); reversing restores the post, takes the label off or lifts the suspension. Both the
 * outcome and its effect are logged, and the person sees the outcome in their appeals.
 */
@Injectable()
export class Appeals {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly appeals: AppealRepository,
    private readonly writer: PostWriter,
    private readonly reader: PostReader,
    private readonly users: UsersService,
    private readonly queue: QueueService,
    private readonly log: ModerationLog,
    private readonly notices: AuthorNotices,
  ) {}

  async create(appellant: Actor, dto: CreateAppealDto): Promise<AppealDto> {
    return this.uow.run(async (tx, events) => {
      const decision =
        dto.targetType === 'post'
          ? await this.standingPostDecision(tx, appellant, dto.targetId)
          : await this.standingSuspension(tx, appellant, dto.targetId);
      const id = await this.appeals.insert(tx, {
        targetType: dto.targetType,
        targetId: dto.targetId,
        decisionId: decision.id,
        appellantId: appellant.id,
        message: dto.message,
      });
      if (!id)
        throw new DomainError(
          'already_appealed',
          'You have appealed this decision already; each decision takes one appeal.',
        );
      const appeal = toAppeal((await this.appeals.find(tx, id))!);
      await events.append(MODERATION_STREAM, 'appeal.created', appeal);
      return appeal;
    });
  }

  async decide(moderator: Actor, id: string, dto: AppealDecisionDto): Promise<AppealDto> {
    return this.uow.run(async (tx, events) => {
      if (!(await this.appeals.lock(tx, id))) throw new DomainError('not_found', 'No such appeal.');
      const appeal = (await this.appeals.find(tx, id))!;
      if (appeal.state !== 'open') throw new DomainError('already_resolved', 'This appeal has been decided already.');
      const decision = (await this.log.find(tx, appeal.decision_id))!;
      if (decision.actor_id === moderator.id && (await this.users.otherModeratorExists(moderator.id, tx))) {
        throw new DomainError(
          'own_decision',
          'This appeal contests your own decision: another moderator must decide it.',
        );
      }
      const reversed = dto.decision === 'reverse';
      const targetOwner = reversed ? await this.reverse(tx, events, moderator, appeal, dto.reason) : null;
      await this.appeals.decide(tx, id, {
        state: reversed ? 'reversed' : 'upheld',
        reason: dto.reason,
        deciderId: moderator.id,
      });
      await this.log.append(tx, events, moderator, {
        action: reversed ? 'reverse_appeal' : 'uphold_appeal',
        targetType: appeal.target_type === 'post' ? 'post' : 'user',
        targetId: appeal.target_id,
        targetOwnerId: targetOwner ?? decision.target_owner_id,
        category: decision.category,
        reason: dto.reason,
      });
      if (appeal.target_type === 'post') {
        const post = await this.writer.lockForReview(tx, appeal.target_id);
        await this.notices.tell(tx, events, post, reversed ? 'appeal_reversed' : 'appeal_upheld');
      }
      const decided = toAppeal((await this.appeals.find(tx, id))!);
      await events.append(MODERATION_STREAM, 'appeal.decided', decided);
      return decided;
    });
  }

  async list(query: AppealQueryDto): Promise<Page<AppealDetailDto>> {
    const open = query.state === 'open';
    const after = decodeCursor(query.cursor, ['time', 'id']);
    const rows = await this.appeals.page(query.state, after, query.limit + 1);
    const page = toPage(
      rows,
      query.limit,
      (row) => [(open ? row.created_at : row.decided_at!).toISOString(), row.id],
      (row) => row,
    );
    const decisions = await this.log.findMany(page.items.map((row) => row.decision_id));
    const posts = await this.reader.forStaff(
      page.items.filter((row) => row.target_type === 'post').map((row) => row.target_id),
    );
    return {
      items: page.items.map((row) => ({
        ...toAppeal(row),
        appellant: { id: row.appellant_id, username: row.appellant_username, displayName: row.appellant_display_name },
        decision: toLogEntry(decisions.get(String(row.decision_id))!),
        post: posts.get(row.target_id) ?? null,
        decidedBy: row.decided_by_id
          ? { id: row.decided_by_id, username: row.decider_username!, displayName: row.decider_display_name! }
          : null,
      })),
      nextCursor: page.nextCursor,
    };
  }

  async mine(appellant: Actor, query: ListQueryDto): Promise<Page<AppealDto>> {
    const after = decodeCursor(query.cursor, ['time', 'id']);
    const rows = await this.appeals.mine(appellant.id, after, query.limit + 1);
    return toPage(rows, query.limit, (row) => [row.created_at.toISOString(), row.id], toAppeal);
  }

  /** The decision that still stands against the author's post: its hide or hold, deletion, or label. */
  private async standingPostDecision(tx: EntityManager, appellant: Actor, postId: string): Promise<LogRow> {
    const post = await this.writer.lockForReview(tx, postId);
    if (post.authorId !== appellant.id)
      throw new DomainError('forbidden', 'Only the author of a post may appeal a decision on it.');
    const standing = standingActions(post);
    const decision = standing.length > 0 ? await this.log.latest(tx, post.id, standing) : null;
    if (!decision) {
      throw new DomainError(
        'not_appealable',
        post.status === 'pending'
          ? 'Your post is waiting for review; there is no decision to appeal yet.'
          : 'No moderation decision stands against this post.',
      );
    }
    return decision;
  }

  private async standingSuspension(tx: EntityManager, appellant: Actor, userId: string): Promise<LogRow> {
    if (userId !== appellant.id)
      throw new DomainError('forbidden', 'Only the suspended person may appeal a suspension.');
    const user = await this.users.lock(tx, userId);
    const decision = isSuspended(user) ? await this.log.latest(tx, user.id, ['suspend']) : null;
    if (!decision) throw new DomainError('not_appealable', 'Your account is not suspended.');
    return decision;
  }

  /** Undoes what the appealed decision did, where it still stands; answers whose decision it was. */
  private async reverse(
    tx: EntityManager,
    events: EventLog,
    moderator: Actor,
    appeal: AppealRow,
    reason: string,
  ): Promise<string> {
    if (appeal.target_type === 'suspension') {
      const user = await this.users.lock(tx, appeal.target_id);
      if (isSuspended(user)) await this.users.setSuspension(tx, user.id, null);
      return user.id;
    }
    const post = await this.writer.lockForReview(tx, appeal.target_id);
    if (appeal.appealed_action === 'label') {
      if (post.labelKind) await this.writer.setLabel(tx, events, post, null);
    } else if (standingActions(post).includes(appeal.appealed_action)) {
      const resolution = post.status === 'pending' ? 'approve' : 'restore';
      await this.writer.setStatus(tx, events, post, 'visible', { actorId: moderator.id });
      const item = await this.queue.lockOpen(tx, post.id);
      if (item) await this.queue.resolve(tx, events, item, moderator, resolution, reason);
    }
    return post.authorId;
  }
}

/**
 * What may be appealed about a post as it is now: its hide, its deletion, its hold (every hold is logged, whatever
 * held it), or its label. Reversing a hold approves the post; upholding it leaves the post waiting in the queue.
 */
function standingActions(post: Post): LogAction[] {
  if (post.status === 'hidden') return ['hide', 'hold'];
  if (post.status === 'pending') return ['hold'];
  if (post.status === 'deleted') return ['delete'];
  return post.labelKind ? ['label'] : [];
}

function toAppeal(row: AppealRow): AppealDto {
  return {
    id: row.id,
    targetType: row.target_type as AppealTarget,
    targetId: row.target_id,
    message: row.message,
    state: row.state,
    decisionReason: row.decision_reason,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    appealedAction: row.appealed_action,
  };
}
