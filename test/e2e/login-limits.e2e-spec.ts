import { FAILURES_PER_ACCOUNT, FAILURES_PER_SOURCE } from '../../src/auth/login-limiter';
import { RateLimitStore } from '../../src/common/rate-limit/rate-limit-store';
import { apiAt } from '../support/api';
import { startTestApp, TestApp } from '../support/app';
import { makers, TestUser } from '../support/make';

/**
 * Guessing a password is limited per account and address, and more slowly per account over all addresses, so a
 * stranger can slow guessing down without locking the owner out (OWASP: lockout as denial of service).
 */
describe('sign-in limits', () => {
  let app: TestApp;
  let make: ReturnType<typeof makers>;

  beforeAll(async () => {
    // Addresses come from X-Forwarded-For, as behind a proxy, so one test can play many people.
    app = await startTestApp({ RATE_LIMITS: 'on', TRUST_PROXY: 'true' });
    make = makers(app);
  });
  afterAll(() => app?.close());

  const login = (username: string, password: string, from: string, cookie?: string) => {
    const attempt = apiAt(app.url).post('/api/auth/login').set('X-Forwarded-For', from);
    return (cookie ? attempt.set('Cookie', cookie) : attempt).send({ username, password });
  };
  const guess = (user: TestUser, from: string) => login(user.username, 'not the password', from);

  it('holds back one address after ten wrong passwords, and not the owner elsewhere', async () => {
    const owner = await make.user();
    for (let i = 0; i < FAILURES_PER_SOURCE.points; i++) await guess(owner, '203.0.113.1').expect(401);

    const limited = await login(owner.username.toUpperCase(), owner.password, '203.0.113.1').expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, retryAfter: expect.any(Number) });
    expect(Number(limited.headers['retry-after'])).toBe(limited.body.retryAfter);

    await login(owner.username, owner.password, '198.51.100.7').expect(200);
    await login((await make.user()).username, 'not the password', '203.0.113.1').expect(401);
  });

  it('does not count a successful sign-in, and starts the address afresh after one', async () => {
    const owner = await make.user();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < FAILURES_PER_SOURCE.points - 1; i++) await guess(owner, '203.0.113.2').expect(401);
      await login(owner.username, owner.password, '203.0.113.2').expect(200);
    }
  });

  it('holds back every new address once the account has had too many failures, but not a browser it signed in on', async () => {
    const owner = await make.user();
    const known = await login(owner.username, owner.password, '192.0.2.200').expect(200);
    const deviceCookie = (known.headers['set-cookie'] as unknown as string[])
      .find((cookie) => cookie.startsWith('forum_device='))!
      .split(';')[0];

    // All but the last of the account's failures, as if from many addresses (each argon2 check takes a while).
    const byAccount = app.app.get(RateLimitStore).limiter(FAILURES_PER_ACCOUNT);
    await byAccount.penalty(owner.username.toLowerCase(), FAILURES_PER_ACCOUNT.points - 1);
    await guess(owner, '192.0.2.1').expect(401);
    const limited = await login(owner.username, owner.password, '198.51.100.99').expect(429);
    expect(limited.body.message).toContain('browser you signed in with before');
    await login(owner.username, owner.password, '198.51.100.99', deviceCookie).expect(200);

    // The cookie names its account: it opens no other.
    const other = await make.user();
    await byAccount.penalty(other.username.toLowerCase(), FAILURES_PER_ACCOUNT.points);
    await login(other.username, other.password, '198.51.100.99', deviceCookie).expect(429);
  });
});
