import { randomUUID } from 'node:crypto';
import { apiAt } from '../support/api';
import { startTestApp, useTestApp } from '../support/app';
import { makers, TestDebate, TestUser } from '../support/make';
import { connect, request } from '../support/sockets';

describe('posts: writing', () => {
  const { make, api, reload } = useTestApp();
  /** A post as a client sends it, for checking the answer when it is not a plain 201. */
  const send = (author: TestUser, debate: { id: string }, body: object) =>
    api(author).post(`/api/debates/${debate.id}/posts`).send(body);

  it('creates a top-level post with a stance, a section anchor and a quote, byte for byte', async () => {
    const sectionIds = await make.sectionIds();
    const debate = await make.debate({ sectionIds: [sectionIds[3]] });
    const author = await make.user();
    const body = '  Labels **help**, but only if platforms keep them.\n\n<script>alert(1)</script> ünïcødé 🎬  ';
    const post = await make.post(debate, {
      author,
      body,
      stance: 'pro',
      sectionId: sectionIds[3],
      quote: 'strenger Kontrollmechanismen',
    });
    expect(post).toMatchObject({
      id: expect.any(String),
      debateId: debate.id,
      parentId: null,
      author: { id: author.id, username: author.username, displayName: author.displayName },
      body,
      stance: 'pro',
      sectionId: sectionIds[3],
      quote: 'strenger Kontrollmechanismen',
      status: 'visible',
      score: 0,
      replyCount: 0,
      editedAt: null,
      seq: expect.any(Number),
      myVote: 0,
      mine: true,
    });
    const read = await api().get(`/api/posts/${post.id}`).expect(200);
    expect(read.body.body).toBe(body);
    expect(read.body).not.toHaveProperty('myVote');
  });

  it('keeps postCount, stanceCounts, replyCount and lastActivityAt current', async () => {
    const debate = await make.debate();
    const before = await reload(debate);
    const [pro, contra] = [await make.user(), await make.user()];
    const top = await make.post(debate, { author: pro, body: 'Pro argument', stance: 'pro' });
    await make.post(debate, { author: contra, body: 'Contra argument', stance: 'contra' });
    await make.reply(top, { author: contra, body: 'A reply' });
    const after = await reload(debate);
    expect(after.postCount).toBe(3);
    expect(after.stanceCounts).toEqual({ pro: 1, contra: 1, neutral: 0 });
    expect(new Date(after.lastActivityAt).getTime()).toBeGreaterThan(new Date(before.lastActivityAt).getTime());
    expect((await api().get(`/api/posts/${top.id}`)).body.replyCount).toBe(1);
  });

  it.each([
    [{ body: '' }, 'body'],
    [{ body: '   \n\t ' }, 'body'],
    [{ body: 'x'.repeat(10_001) }, 'body'],
    [{ body: 42 }, 'body'],
    [{ body: 'ok', stance: 'maybe' }, 'stance'],
    [{ body: 'ok', quote: 'q'.repeat(301), sectionId: randomUUID() }, 'quote'],
    [{ body: 'ok', parentId: 'nope' }, 'parentId'],
    [{ body: 'ok', clientId: 'nope' }, 'clientId'],
    [{ body: 'ok', score: 100 }, 'score should not exist'],
  ])('refuses %j with 400 and stores nothing', async (body, field) => {
    const debate = await make.debate();
    const response = await send(await make.user(), debate, body).expect(400);
    expect(JSON.stringify(response.body.message)).toContain(field);
    expect((await reload(debate)).postCount).toBe(0);
  });

  it('accepts a body of exactly 10,000 characters once trimmed', async () => {
    const debate = await make.debate();
    await send(await make.user(), debate, { body: `  ${'x'.repeat(10_000)}  ` }).expect(201);
  });

  it('refuses a stance on a reply and a section of another article', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const top = await make.post(debate, { author, body: 'Top' });
    const reply = await send(author, debate, { body: 'Reply', parentId: top.id, stance: 'pro' }).expect(400);
    expect(reply.body.message).toContain('stance');
    await send(author, debate, { body: 'x', sectionId: randomUUID() }).expect(400);
    expect((await reload(debate)).postCount).toBe(1);
  });

  it('takes a quote without a section anchor', async () => {
    const debate = await make.debate();
    const post = await make.post(debate, { body: 'As they say:', quote: 'a quote' });
    expect(post).toMatchObject({ quote: 'a quote', sectionId: null });
  });

  it('answers 404 for a parent in another debate or a missing one, and for an unknown debate', async () => {
    const [first, second] = [await make.debate(), await make.debate()];
    const author = await make.user();
    const elsewhere = await make.post(first, { author, body: 'Elsewhere' });
    await send(author, second, { body: 'x', parentId: elsewhere.id }).expect(404);
    await send(author, second, { body: 'x', parentId: randomUUID() }).expect(404);
    await send(author, { id: randomUUID() }, { body: 'x' }).expect(404);
    expect((await reload(second)).postCount).toBe(0);
  });

  it('answers a guest with 401', async () => {
    const debate = await make.debate();
    await api().post(`/api/debates/${debate.id}/posts`).send({ body: 'Hello' }).expect(401);
  });

  it('refuses posts in a locked debate with 423 and the draft', async () => {
    const debate = await make.debate({ status: 'locked' });
    const response = await send(await make.user(), debate, { body: 'Too late', stance: 'contra' }).expect(423);
    expect(response.body).toMatchObject({ statusCode: 423, draft: { body: 'Too late', stance: 'contra' } });
    expect((await reload(debate)).postCount).toBe(0);
  });

  it('holds back a second post in slow mode with 429, retryAfter and the draft', async () => {
    const debate = await make.debate({ slowModeSeconds: 60 });
    const author = await make.user();
    await make.post(debate, { author, body: 'First' });
    const response = await send(author, debate, { body: 'Second' }).expect(429);
    expect(response.body).toMatchObject({
      statusCode: 429,
      retryAfter: expect.any(Number),
      draft: { body: 'Second' },
    });
    expect(response.body.retryAfter).toBeGreaterThan(50);
    expect(response.headers['retry-after']).toBe(String(response.body.retryAfter));
    await make.post(debate, { body: 'Someone else' });
  });

  it('applies a debate’s new rules on another node from the next post on (a node reuses the rules it read)', async () => {
    const other = await startTestApp();
    try {
      const debate = await make.debate();
      const [author, latecomer, moderator] = await Promise.all([
        make.user(),
        make.user(),
        make.user({ role: 'moderator' }),
      ]);
      const there = (body: string, as = author) =>
        apiAt(other.url, as).post(`/api/debates/${debate.id}/posts`).send({ body });
      const change = (rules: object) => api(moderator).patch(`/api/debates/${debate.id}`).send(rules).expect(200);
      // The other node reads the rules for this post and keeps them...
      expect((await there('Rules read.').expect(201)).body.status).toBe('visible');
      // ...and each change made through this node holds there at once.
      await change({ premoderated: true });
      expect((await there('Held for review.').expect(201)).body.status).toBe('pending');
      await change({ premoderated: false, status: 'locked' });
      expect((await there('Locked out.').expect(423)).body.draft).toEqual({ body: 'Locked out.' });
      await change({ status: 'open', slowModeSeconds: 60 });
      await there('First in slow mode.', latecomer).expect(201);
      await there('Second in slow mode.', latecomer).expect(429);
      await change({ slowModeSeconds: 0 });
      await there('Slow mode off.', latecomer).expect(201);
      expect((await reload(debate)).postCount).toBe(3); // the pending post counts once approved
    } finally {
      await other.close();
    }
  });

  it('keeps postCount exact under parallel posting', async () => {
    const debate = await make.debate();
    const authors = await Promise.all(Array.from({ length: 8 }, () => make.user()));
    await Promise.all(
      authors.flatMap((author) => [1, 2, 3].map((n) => make.post(debate, { author, body: `Post ${n}` }))),
    );
    expect((await reload(debate)).postCount).toBe(24);
  });

  describe('retries with a clientId', () => {
    let debate: TestDebate;
    let author: TestUser;
    beforeEach(async () => {
      debate = await make.debate();
      author = await make.user();
    });

    it('returns the first post when the same clientId comes again', async () => {
      const clientId = randomUUID();
      const first = await send(author, debate, { body: 'Once', clientId }).expect(201);
      const again = await send(author, debate, { body: 'Once', clientId }).expect(200);
      expect(again.body.id).toBe(first.body.id);
      expect((await reload(debate)).postCount).toBe(1);
    });

    it('answers 409 when a clientId already used in another debate comes again', async () => {
      const second = await make.debate();
      const clientId = randomUUID();
      await send(author, debate, { body: 'Here', clientId }).expect(201);
      const elsewhere = await send(author, second, { body: 'There', clientId }).expect(409);
      expect(elsewhere.body.message).toMatch(/clientId was already used for a post in another debate/);
      expect((await reload(second)).postCount).toBe(0);
      await send(author, debate, { body: 'Here', clientId }).expect(200);
    });

    it('creates one post for parallel retries of one clientId', async () => {
      const clientId = randomUUID();
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => send(author, debate, { body: 'Retry', clientId })),
      );
      expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
      expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 201]);
      expect((await reload(debate)).postCount).toBe(1);
    });
  });
});

describe('posts: the rate limit', () => {
  it('limits a person to 60 posts a minute, over REST and sockets alike', async () => {
    // Its own app: the other tests run with the limits off.
    const limited = await startTestApp({ RATE_LIMITS: 'on' });
    try {
      const make = makers(limited);
      const debate = await make.debate();
      const author = await make.user();
      const send = (body: object) => apiAt(limited.url, author).post(`/api/debates/${debate.id}/posts`).send(body);
      // One after another, so exactly the 61st is the one refused.
      for (let i = 0; i < 60; i++) await send({ body: `Post ${i}` }).expect(201);
      const refused = await send({ body: 'One too many' }).expect(429);
      expect(refused.body).toMatchObject({ retryAfter: expect.any(Number), draft: { body: 'One too many' } });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      const socket = await connect(limited, { user: author });
      try {
        const ack = await request(socket, 'post:create', { debateId: debate.id, body: 'Through the socket' });
        expect(ack).toMatchObject({ ok: false, error: { statusCode: 429, retryAfter: expect.any(Number) } });
      } finally {
        socket.disconnect();
      }
      // Someone else is not held back.
      await make.post(debate, { body: 'Another person' });
    } finally {
      await limited.close();
    }
  });
});
