import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { AuthenticatedRequest } from '../auth/current-user.decorator';
import { DomainError } from '../errors/domain-error';

/**
 * Per-user (or per-IP for guests) limits. Refusals carry `retryAfter` like every other 429, and
 * `RATE_LIMITS=off` turns them off for benchmarks. Runs after the auth guard, so it knows the user.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(options, storage, reflector);
  }

  protected async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return !this.config.rateLimits || context.getType() !== 'http';
  }

  protected async getTracker(req: Record<string, unknown>): Promise<string> {
    const user = (req as unknown as AuthenticatedRequest).user;
    return user ? `user:${user.id}` : `ip:${(req as unknown as AuthenticatedRequest).ip}`;
  }

  protected async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    throw new DomainError('rate_limited', `Too many requests: try again in ${retryAfter} s.`, { retryAfter });
  }
}
