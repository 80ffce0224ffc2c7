import { loadConfig } from '../../src/config/app-config';
import { ConfigError } from '../../src/config/environment';

const base = { DATABASE_URL: 'postgresql://postgres@127.0.0.1/forum', JWT_SECRET: 's'.repeat(32) };

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('configuration', () => {
  it('has the documented defaults', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      port: 3000,
      redisUrl: null,
      admin: null,
      rateLimits: true,
      newAccountReviewPosts: 0,
      flagHideThreshold: 3,
      trustProxy: null,
      production: false,
    });
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ ...base, PORT: '', REDIS_URL: '' })).toMatchObject({ port: 3000, redisUrl: null });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      ...base,
      PORT: '8080',
      REDIS_URL: 'redis://127.0.0.1:6379',
      ADMIN_USERNAME: 'root_admin',
      ADMIN_PASSWORD: 'a long password',
      RATE_LIMITS: 'off',
      NEW_ACCOUNT_REVIEW_POSTS: '2',
      FLAG_HIDE_THRESHOLD: '5',
      TRUST_PROXY: '1',
    });
    expect(config).toMatchObject({
      port: 8080,
      redisUrl: 'redis://127.0.0.1:6379',
      admin: { username: 'root_admin', password: 'a long password' },
      rateLimits: false,
      newAccountReviewPosts: 2,
      flagHideThreshold: 5,
      trustProxy: 1,
    });
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT: .*whole number/],
    [{ PORT: '70000' }, /^PORT: /],
    [{ PORT: '3.5' }, /^PORT: /],
    [{ DATABASE_URL: 'nonsense' }, /^DATABASE_URL: must be a postgres:\/\/ URL/],
    [{ REDIS_URL: 'localhost:6379' }, /^REDIS_URL: must be a redis:\/\/ URL/],
    [{ RATE_LIMITS: 'maybe' }, /^RATE_LIMITS: must be "on" or "off"/],
    [{ FLAG_HIDE_THRESHOLD: '0' }, /^FLAG_HIDE_THRESHOLD: /],
    [{ NEW_ACCOUNT_REVIEW_POSTS: '-1' }, /^NEW_ACCOUNT_REVIEW_POSTS: /],
    [{ JWT_SECRET: 'short', NODE_ENV: 'production' }, /^JWT_SECRET: must be at least 32 characters in production/],
    [{ TRUST_PROXY: 'x' }, /^TRUST_PROXY: must be true, false, a hop count/],
    [{ TRUST_PROXY: '10.0.0.0/99' }, /^TRUST_PROXY: /],
    [{ ADMIN_USERNAME: 'bad name!', ADMIN_PASSWORD: 'long enough' }, /^ADMIN_USERNAME: /],
    [{ ADMIN_USERNAME: 'alone_admin' }, /^ADMIN_PASSWORD: .*together/],
  ])('refuses %j with one line naming the variable', (env, pattern) => {
    const message = errorOf({ ...base, ...env });
    expect(message).toMatch(pattern);
    expect(message).not.toContain('\n');
  });

  it.each([
    { NODE_ENV: 'staging' },
    { JWT_SECRET: 'short outside production' },
    { TRUST_PROXY: 'loopback, 10.0.0.0/8' },
    { DATABASE_URL: 'postgresql:///forum?host=/run/postgresql' },
    { DATABASE_URL: 'postgres://forum@/forum' },
  ])('accepts %j', (env) => {
    expect(() => loadConfig({ ...base, ...env })).not.toThrow();
  });

  it('requires JWT_SECRET in production with PostgreSQL', () => {
    expect(errorOf({ NODE_ENV: 'production', DATABASE_URL: base.DATABASE_URL })).toMatch(/^JWT_SECRET: required/);
  });
});
