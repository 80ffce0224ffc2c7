import { Inject, Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { Actor } from '../common/auth/actor';

/** A person never writes more than this; a burst beyond it is a script or a flood. */
export const POSTS_PER_MINUTE = 60;
const WINDOW_MS = 60_000;

/**
 * The per-person posting limit, counted once for REST and sockets together (PostsService.create calls it, so both
 * transports do). Kept in the throttler's storage, beside the other per-user limits; `RATE_LIMITS=off` turns it off.
 */
@Injectable()
export class PostingLimiter {
  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts one post, or refuses it with 429, the seconds to wait and the draft. */
  async take(author: Actor, draft: object): Promise<void> {
    if (!this.config.rateLimits) return;
    // A sliding window without a block: refused attempts are not counted, so the wait ends when the oldest post
    // of the last minute leaves the window.
    const { isBlocked, timeToBlockExpire } = await this.storage.increment(
      `posting:${author.id}`,
      WINDOW_MS,
      POSTS_PER_MINUTE,
      0,
      'posting',
    );
    if (!isBlocked) return;
    const retryAfter = Math.max(1, timeToBlockExpire);
    throw new DomainError(
      'rate_limited',
      `You wrote ${POSTS_PER_MINUTE} posts in the last minute: wait ${retryAfter} s before posting again.`,
      { retryAfter, draft },
    );
  }
}
