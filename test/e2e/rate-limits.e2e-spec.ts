import { randomUUID } from 'node:crypto';
import { Socket } from 'socket.io-client';
import { FAILURES_PER_SOURCE } from '../../src/auth/login-limiter';
import { FLAGS_PER_DAY } from '../../src/moderation/moderation-policy';
import { POSTS_PER_MINUTE } from '../../src/posts/posting-limiter';
import { apiAt } from '../support/api';
import { startTestApp, TestApp } from '../support/app';
import { makers, TestUser } from '../support/make';
import { Ack, connect, request } from '../support/sockets';

type Refusal = { statusCode: number; retryAfter?: unknown; message: string; draft?: unknown };

const post = (app: TestApp, user: TestUser, debateId: string, body: string) =>
  apiAt(app.url).post(`/api/debates/${debateId}/posts`).set(user.auth).send({ body, clientId: randomUUID() });

/** Every 429, REST or socket, says how long to wait: `retryAfter` in the body and the `Retry-After` header. */
describe('the posting limit', () => {
  let app: TestApp;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMITS: 'on' });
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await app?.close();
  });

  it('refuses the post past the limit with retryAfter and Retry-After, over REST and socket alike', async () => {
    const author = await makers(app).user();
    const debate = await makers(app).debate();
    for (let i = 0; i < POSTS_PER_MINUTE; i++) await post(app, author, debate.id, `post ${i}`).expect(201);

    const refused = await post(app, author, debate.id, 'one too many').expect(429);
    expect(refused.body).toMatchObject({
      statusCode: 429,
      retryAfter: expect.any(Number),
      draft: { body: 'one too many' },
    });
    expect(refused.body.retryAfter).toBeGreaterThan(0);
    expect(refused.headers['retry-after']).toBe(String(refused.body.retryAfter));

    const socket = await connect(app, { user: author });
    sockets.push(socket);
    const ack = (await request(socket, 'post:create', { debateId: debate.id, body: 'by socket' })) as Ack & {
      error: Refusal;
    };
    expect(ack).toMatchObject({ ok: false, error: { statusCode: 429, retryAfter: expect.any(Number) } });
    expect(ack.error.retryAfter).toBeGreaterThan(0);
  });
});

/** With REDIS_URL, limits are counted once for the cluster: moving to another node buys nothing. */
/** The daily flag limit is per person, so RATE_LIMITS=off turns it off too (moderation-queue.e2e-spec). */
describe('the daily flag limit', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMITS: 'on', NEW_ACCOUNT_REVIEW_POSTS: '0' });
  });
  afterAll(() => app?.close());

  it(`allows ${FLAGS_PER_DAY} flags a day per person, then answers 429 with retryAfter and adds nothing`, async () => {
    const make = makers(app);
    const debate = await make.debate();
    const author = await make.user();
    const flagger = await make.user();
    const flag = (postId: string) =>
      apiAt(app.url, flagger).post(`/api/posts/${postId}/flags`).send({ reason: 'spam' });
    for (let i = 0; i < FLAGS_PER_DAY; i++) {
      const created = await post(app, author, debate.id, `post ${i}`).expect(201);
      await flag(created.body.id).expect(201);
    }
    const last = await post(app, author, debate.id, 'the last').expect(201);
    const refused = await flag(last.body.id).expect(429);
    expect(refused.body).toMatchObject({ code: 'flag_limit', retryAfter: expect.any(Number) });
    expect(Number(refused.headers['retry-after'])).toBe(refused.body.retryAfter);
    const flags = await app.dataSource.query('SELECT count(*)::int AS n FROM flags WHERE post_id = $1', [last.body.id]);
    expect(flags).toEqual([{ n: 0 }]);
  });
});

describe('limits across nodes', () => {
  const env = { RATE_LIMITS: 'on', TRUST_PROXY: 'true', REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379' };
  let a: TestApp;
  let b: TestApp;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await Promise.all([a?.close(), b?.close()]);
  });

  it('counts posts over REST on one node and the socket on the other as one limit', async () => {
    const author = await makers(a).user();
    const debate = await makers(a).debate();
    const socket = await connect(b, { user: author });
    sockets.push(socket);
    for (let i = 0; i < POSTS_PER_MINUTE; i++) {
      if (i % 2 === 0) await post(a, author, debate.id, `on A ${i}`).expect(201);
      else
        expect(await request(socket, 'post:create', { debateId: debate.id, body: `on B ${i}` })).toMatchObject({
          ok: true,
        });
    }
    await post(b, author, debate.id, 'one too many, on B').expect(429);
    const ack = await request(socket, 'post:create', { debateId: debate.id, body: 'one too many, by socket' });
    expect(ack).toMatchObject({ ok: false, error: { statusCode: 429, retryAfter: expect.any(Number) } });
  });

  it('counts failed sign-ins from one address on every node together', async () => {
    const owner = await makers(a).user();
    const guess = (node: TestApp) =>
      apiAt(node.url)
        .post('/api/auth/login')
        .set('X-Forwarded-For', '203.0.113.50')
        .send({ username: owner.username, password: 'not the password' });
    for (let i = 0; i < FAILURES_PER_SOURCE.points; i++) await guess(i % 2 ? a : b).expect(401);
    const limited = await guess(b).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
