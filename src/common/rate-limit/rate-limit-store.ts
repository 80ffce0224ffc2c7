import { DynamicModule, Global, Inject, Injectable, Module } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { RedisClient } from '../redis/redis-connection';

const RATE_LIMIT_REDIS = Symbol('RATE_LIMIT_REDIS');

export interface LimitRule {
  /** Counted separately from every other rule, and named so in Redis keys. */
  name: string;
  points: number;
  /** The window, in seconds, counted from a key's first point. */
  seconds: number;
}

/**
 * Where every limit is counted: Redis with REDIS_URL, so a limit holds across all nodes, else this process's memory.
 * Counters are rate-limiter-flexible's (atomic in Redis). Should Redis drop out, each node falls back to counting in
 * its own memory until it is back, rather than refusing everyone or letting everything through.
 */
@Injectable()
export class RateLimitStore {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(@Inject(RATE_LIMIT_REDIS) private readonly redis: RedisClient | null) {}

  limiter(rule: LimitRule): RateLimiterAbstract {
    const id = `${rule.name}:${rule.points}:${rule.seconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      const options = { keyPrefix: `rl:${rule.name}`, points: rule.points, duration: rule.seconds };
      limiter = this.redis
        ? new RateLimiterRedis({
            ...options,
            storeClient: this.redis,
            useRedisPackage: true,
            rejectIfRedisNotReady: true,
            insuranceLimiter: new RateLimiterMemory(options),
          })
        : new RateLimiterMemory(options);
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}

@Global()
@Module({})
export class RateLimitModule {
  static forRoot(redis: RedisClient | null): DynamicModule {
    return {
      module: RateLimitModule,
      providers: [{ provide: RATE_LIMIT_REDIS, useValue: redis }, RateLimitStore],
      exports: [RateLimitStore],
    };
  }
}
