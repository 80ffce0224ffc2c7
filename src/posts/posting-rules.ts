import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isModerator } from '../common/auth/actor';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PostRepository } from './post.repository';
import { PostScreen, PostScreening, SCREEN_ORDER, ScreenedWrite, ScreenFinding } from './post-screen';

/**
 * The debate's own rules for new posts, the first screen of the pipeline: a locked debate refuses (423), slow mode
 * makes one wait (429), and a pre-moderated debate or a new account's first posts are held for review. Moderators
 * are exempt from all of them. Edits pass: these rules are about posting, not about what a post says.
 */
@Injectable()
export class PostingRules implements PostScreen, OnModuleInit {
  constructor(
    private readonly screening: PostScreening,
    private readonly posts: PostRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.screening.use(this, SCREEN_ORDER.postingRules);
  }

  async screen({ kind, actor, debate, draft }: ScreenedWrite, tx: EntityManager): Promise<ScreenFinding[]> {
    if (kind !== 'create' || isModerator(actor)) return [];
    if (debate.status === 'locked') {
      throw new DomainError('debate_locked', 'This debate is locked: it takes no new posts.', { draft });
    }
    if (debate.slowModeSeconds > 0) {
      const wait = await this.posts.slowModeWait(tx, actor.id, debate.id, debate.slowModeSeconds);
      if (wait > 0) {
        throw new DomainError('slow_mode', `Slow mode: wait ${wait} s before posting again in this debate.`, {
          retryAfter: wait,
          draft,
        });
      }
    }
    if (debate.premoderated) return [{ action: 'hold', cause: 'premoderated' }];
    const reviewed = this.config.newAccountReviewPosts;
    if (reviewed > 0 && (await this.posts.countByAuthor(tx, actor.id)) < reviewed) {
      return [{ action: 'hold', cause: 'new_account' }];
    }
    return [];
  }
}
