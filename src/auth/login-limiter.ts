import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { parse as parseCookies } from 'cookie';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../common/errors/domain-error';
import { LimitRule, RateLimitStore } from '../common/rate-limit/rate-limit-store';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** Failed sign-ins to one account from one address before that address waits: guessing from one place is slow. */
export const FAILURES_PER_SOURCE: LimitRule = { name: 'login-source', points: 10, seconds: 15 * 60 };
/**
 * Failed sign-ins to one account from all addresses together: the slower backstop against guessing from many.
 * A browser that signed in to the account before passes it, so an attack on the account does not lock its owner out.
 */
export const FAILURES_PER_ACCOUNT: LimitRule = { name: 'login-account', points: 100, seconds: 60 * 60 };

/** Set on a successful sign-in; names the account this browser signed in to (OWASP's "device cookie"). */
export const DEVICE_COOKIE = 'forum_device';
export const DEVICE_COOKIE_DAYS = 180;

interface DeviceClaims {
  typ: 'device';
  account: string;
}

export interface LoginAttempt {
  /** A successful sign-in is not held against anyone: the address starts afresh, the account gets its point back. */
  succeeded(): Promise<void>;
}

/**
 * Password guessing, limited by account and source rather than by account alone (which would let a stranger lock
 * anyone out). Attempts are counted before the password is checked, so parallel guesses cannot slip past a check.
 */
@Injectable()
export class LoginLimiter {
  constructor(
    private readonly store: RateLimitStore,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts one attempt, or refuses it with 429 and the seconds to wait. */
  async take(username: string, source: string, cookieHeader: string | undefined): Promise<LoginAttempt> {
    if (!this.config.rateLimits) return { succeeded: async () => undefined };
    const account = username.toLowerCase();
    const sourceKey = `${account}|${source}`;
    const bySource = this.store.limiter(FAILURES_PER_SOURCE);
    const byAccount = (await this.isKnownDevice(cookieHeader, account))
      ? null
      : this.store.limiter(FAILURES_PER_ACCOUNT);
    await refuseWhenSpent(
      bySource.consume(sourceKey),
      (wait) => `Too many failed sign-ins to this account from your address: try again in ${wait} s.`,
    );
    if (byAccount) {
      await refuseWhenSpent(
        byAccount.consume(account),
        (wait) =>
          `This account is receiving too many failed sign-ins: try again in ${wait} s, or from a browser you signed in with before.`,
      );
    }
    return {
      succeeded: async () => {
        await Promise.all([bySource.delete(sourceKey), byAccount?.reward(account, 1)]);
      },
    };
  }

  /** The device cookie's value for an account just signed in to. */
  deviceToken(username: string): Promise<string> {
    const claims: DeviceClaims = { typ: 'device', account: username.toLowerCase() };
    return this.jwt.signAsync(claims, { expiresIn: `${DEVICE_COOKIE_DAYS}d` });
  }

  private async isKnownDevice(cookieHeader: string | undefined, account: string): Promise<boolean> {
    const token = cookieHeader ? parseCookies(cookieHeader)[DEVICE_COOKIE] : undefined;
    if (!token) return false;
    try {
      const claims = await this.jwt.verifyAsync<DeviceClaims>(token);
      return claims.typ === 'device' && claims.account === account;
    } catch {
      return false;
    }
  }
}

async function refuseWhenSpent(consumed: Promise<unknown>, message: (wait: number) => string): Promise<void> {
  try {
    await consumed;
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    throw new DomainError('rate_limited', message(retryAfter), { retryAfter });
  }
}
