import { ThrottlerStorage } from '@nestjs/throttler';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitStore } from './rate-limit-store';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * @nestjs/throttler's storage on the shared RateLimitStore, so its limits (per route, per user, the posting limit)
 * are counted once for the whole cluster. Windows are fixed from a key's first hit; a refused hit counts too.
 */
export class SharedThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly store: RateLimitStore) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const limiter = this.store.limiter({ name: `throttle:${throttlerName}`, points: limit, seconds: toSeconds(ttl) });
    let result: RateLimiterRes;
    let isBlocked = false;
    try {
      result = await limiter.consume(key);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      result = refusal;
      isBlocked = true;
    }
    const secondsLeft = toSeconds(result.msBeforeNext);
    return {
      totalHits: result.consumedPoints,
      timeToExpire: secondsLeft,
      isBlocked,
      timeToBlockExpire: isBlocked ? secondsLeft : 0,
    };
  }
}

/** Whole seconds, at least one: a wait of 0 s would invite an immediate retry that is refused again. */
function toSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
