import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../support/app';
import { makers, TestUser } from '../support/make';
import { connect, request } from '../support/sockets';

describe('posts', () => {
  let app: TestApp;
  let make: ReturnType<typeof makers>;
  let sectionIds: string[];

  beforeAll(async () => {
    app = await startTestApp();
    make = makers(app);
    sectionIds = await make.sectionIds();
  });
  afterAll(() => app.close());

  const createPost = (user: TestUser, debateId: string, body: object) =>
    app.http().post(`/api/debates/${debateId}/posts`).set(user.auth).send(body);
  const debateOf = async (id: string) => (await app.http().get(`/api/debates/${id}`).expect(200)).body;
  const moderate = async (debateId: string, change: object) =>
    app
      .http()
      .patch(`/api/debates/${debateId}`)
      .set((await make.user({ role: 'moderator' })).auth)
      .send(change)
      .expect(200);

  describe('writing', () => {
    it('creates a top-level post with a stance, a section anchor and a quote, byte for byte', async () => {
      const debate = await make.debate({ sectionIds: [sectionIds[3]] });
      const author = await make.user();
      const body = '  Labels **help**, but only if platforms keep them.\n\n<script>alert(1)</script> ünïcødé 🎬  ';
      const response = await createPost(author, debate.id, {
        body,
        stance: 'pro',
        sectionId: sectionIds[3],
        quote: 'strenger Kontrollmechanismen',
      }).expect(201);
      expect(response.body).toMatchObject({
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
      });
      const read = await app.http().get(`/api/posts/${response.body.id}`).expect(200);
      expect(read.body.body).toBe(body);
      expect(read.body).not.toHaveProperty('myVote');
    });

    it('keeps postCount, stanceCounts, replyCount and lastActivityAt current', async () => {
      const debate = await make.debate();
      const before = await debateOf(debate.id);
      const [pro, contra] = [await make.user(), await make.user()];
      const top = (await createPost(pro, debate.id, { body: 'Pro argument', stance: 'pro' }).expect(201)).body;
      await createPost(contra, debate.id, { body: 'Contra argument', stance: 'contra' }).expect(201);
      await createPost(contra, debate.id, { body: 'A reply', parentId: top.id }).expect(201);
      const after = await debateOf(debate.id);
      expect(after.postCount).toBe(3);
      expect(after.stanceCounts).toEqual({ pro: 1, contra: 1, neutral: 0 });
      expect(new Date(after.lastActivityAt).getTime()).toBeGreaterThan(new Date(before.lastActivityAt).getTime());
      expect((await app.http().get(`/api/posts/${top.id}`)).body.replyCount).toBe(1);
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
      const author = await make.user();
      const response = await createPost(author, debate.id, body).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(field);
      expect((await debateOf(debate.id)).postCount).toBe(0);
    });

    it('accepts a body of exactly 10,000 characters once trimmed', async () => {
      const debate = await make.debate();
      await createPost(await make.user(), debate.id, { body: `  ${'x'.repeat(10_000)}  ` }).expect(201);
    });

    it('refuses a stance on a reply and a section of another article', async () => {
      const debate = await make.debate();
      const author = await make.user();
      const top = (await createPost(author, debate.id, { body: 'Top' }).expect(201)).body;
      const reply = await createPost(author, debate.id, { body: 'Reply', parentId: top.id, stance: 'pro' }).expect(400);
      expect(reply.body.message).toContain('stance');
      await createPost(author, debate.id, { body: 'x', sectionId: randomUUID() }).expect(400);
      expect((await debateOf(debate.id)).postCount).toBe(1);
    });

    it('takes a quote without a section anchor', async () => {
      const debate = await make.debate();
      const post = await createPost(await make.user(), debate.id, { body: 'As they say:', quote: 'a quote' }).expect(
        201,
      );
      expect(post.body).toMatchObject({ quote: 'a quote', sectionId: null });
    });

    it('answers 404 for a parent in another debate or a missing one, and for an unknown debate', async () => {
      const [first, second] = [await make.debate(), await make.debate()];
      const author = await make.user();
      const elsewhere = (await createPost(author, first.id, { body: 'Elsewhere' }).expect(201)).body;
      await createPost(author, second.id, { body: 'x', parentId: elsewhere.id }).expect(404);
      await createPost(author, second.id, { body: 'x', parentId: randomUUID() }).expect(404);
      await createPost(author, randomUUID(), { body: 'x' }).expect(404);
      expect((await debateOf(second.id)).postCount).toBe(0);
    });

    it('answers a guest with 401', async () => {
      const debate = await make.debate();
      await app.http().post(`/api/debates/${debate.id}/posts`).send({ body: 'Hello' }).expect(401);
    });

    it('returns the first post when the same clientId comes again', async () => {
      const debate = await make.debate();
      const author = await make.user();
      const clientId = randomUUID();
      const first = await createPost(author, debate.id, { body: 'Once', clientId }).expect(201);
      const again = await createPost(author, debate.id, { body: 'Once', clientId }).expect(200);
      expect(again.body.id).toBe(first.body.id);
      expect((await debateOf(debate.id)).postCount).toBe(1);
    });

    it('answers 409 when a clientId already used in another debate comes again', async () => {
      const [first, second] = [await make.debate(), await make.debate()];
      const author = await make.user();
      const clientId = randomUUID();
      await createPost(author, first.id, { body: 'Here', clientId }).expect(201);
      const elsewhere = await createPost(author, second.id, { body: 'There', clientId }).expect(409);
      expect(elsewhere.body.message).toMatch(/clientId was already used for a post in another debate/);
      expect((await debateOf(second.id)).postCount).toBe(0);
      await createPost(author, first.id, { body: 'Here', clientId }).expect(200);
    });

    it('creates one post for parallel retries of one clientId', async () => {
      const debate = await make.debate();
      const author = await make.user();
      const clientId = randomUUID();
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => createPost(author, debate.id, { body: 'Retry', clientId })),
      );
      expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
      expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 201]);
      expect((await debateOf(debate.id)).postCount).toBe(1);
    });

    it('refuses posts in a locked debate with 423 and the draft', async () => {
      const debate = await make.debate();
      const moderator = await make.user({ role: 'moderator' });
      await app.http().patch(`/api/debates/${debate.id}`).set(moderator.auth).send({ status: 'locked' }).expect(200);
      const response = await createPost(await make.user(), debate.id, { body: 'Too late', stance: 'contra' }).expect(
        423,
      );
      expect(response.body).toMatchObject({ statusCode: 423, draft: { body: 'Too late', stance: 'contra' } });
      expect((await debateOf(debate.id)).postCount).toBe(0);
    });

    it('holds back a second post in slow mode with 429, retryAfter and the draft', async () => {
      const debate = await make.debate();
      const moderator = await make.user({ role: 'moderator' });
      await app.http().patch(`/api/debates/${debate.id}`).set(moderator.auth).send({ slowModeSeconds: 60 }).expect(200);
      const author = await make.user();
      await createPost(author, debate.id, { body: 'First' }).expect(201);
      const response = await createPost(author, debate.id, { body: 'Second' }).expect(429);
      expect(response.body).toMatchObject({
        statusCode: 429,
        retryAfter: expect.any(Number),
        draft: { body: 'Second' },
      });
      expect(response.body.retryAfter).toBeGreaterThan(50);
      expect(response.headers['retry-after']).toBe(String(response.body.retryAfter));
      await createPost(await make.user(), debate.id, { body: 'Someone else' }).expect(201);
    });

    it('holds posts in a pre-moderated debate as pending: seen by the author and moderators only', async () => {
      const debate = await make.debate();
      const moderator = await make.user({ role: 'moderator' });
      await app.http().patch(`/api/debates/${debate.id}`).set(moderator.auth).send({ premoderated: true }).expect(200);
      const author = await make.user();
      const post = (await createPost(author, debate.id, { body: 'Waiting', stance: 'pro' }).expect(201)).body;
      expect(post.status).toBe('pending');
      await app.http().get(`/api/posts/${post.id}`).set(author.auth).expect(200);
      await app.http().get(`/api/posts/${post.id}`).set(moderator.auth).expect(200);
      await app
        .http()
        .get(`/api/posts/${post.id}`)
        .set((await make.user()).auth)
        .expect(404);
      await app.http().get(`/api/posts/${post.id}`).expect(404);
      const guestList = await app.http().get(`/api/debates/${debate.id}/posts`).expect(200);
      expect(guestList.body.items).toEqual([]);
      const authorList = await app.http().get(`/api/debates/${debate.id}/posts`).set(author.auth).expect(200);
      expect(authorList.body.items.map((p: { id: string }) => p.id)).toEqual([post.id]);
      expect(await debateOf(debate.id)).toMatchObject({
        postCount: 0,
        stanceCounts: { pro: 0, contra: 0, neutral: 0 },
      });
    });

    it('leaves lastActivityAt alone for a pending post', async () => {
      const debate = await make.debate();
      await moderate(debate.id, { premoderated: true });
      const before = await debateOf(debate.id);
      await createPost(await make.user(), debate.id, { body: 'Waiting', stance: 'pro' }).expect(201);
      expect((await debateOf(debate.id)).lastActivityAt).toBe(before.lastActivityAt);
    });

    it('refuses a reply to a post that is not visible (own pending post, hidden post) with 409', async () => {
      const debate = await make.debate();
      await moderate(debate.id, { premoderated: true });
      const author = await make.user();
      const pending = (await createPost(author, debate.id, { body: 'Waiting' }).expect(201)).body;
      const refused = await createPost(author, debate.id, { body: 'Me too', parentId: pending.id }).expect(409);
      expect(refused.body.message).toMatch(/waiting for review/);
      expect(refused.body.draft).toMatchObject({ body: 'Me too', parentId: pending.id });
      const moderator = await make.user({ role: 'moderator' });
      const shown = (await createPost(moderator, debate.id, { body: 'Visible' }).expect(201)).body;
      await app.dataSource.query(`UPDATE posts SET status = 'hidden' WHERE id = $1`, [shown.id]);
      const hidden = await createPost(moderator, debate.id, { body: 'Under it', parentId: shown.id }).expect(409);
      expect(hidden.body.message).toMatch(/hidden/);
      const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM posts WHERE debate_id = $1`, [
        debate.id,
      ]);
      expect(count).toBe(2);
    });

    it('withdraws a deleted pending post: no tombstone, counts and replyCount unchanged', async () => {
      const debate = await make.debate();
      const moderator = await make.user({ role: 'moderator' });
      const top = (await createPost(moderator, debate.id, { body: 'Published', stance: 'pro' }).expect(201)).body;
      await moderate(debate.id, { premoderated: true });
      const author = await make.user();
      const reply = (await createPost(author, debate.id, { body: 'Waiting', parentId: top.id }).expect(201)).body;
      const pendingTop = (await createPost(author, debate.id, { body: 'Also waiting', stance: 'contra' }).expect(201))
        .body;
      const before = await debateOf(debate.id);
      await app.http().delete(`/api/posts/${reply.id}`).set(author.auth).expect(204);
      await app.http().delete(`/api/posts/${pendingTop.id}`).set(author.auth).expect(204);
      for (const id of [reply.id, pendingTop.id]) await app.http().get(`/api/posts/${id}`).expect(404);
      expect((await app.http().get(`/api/posts/${top.id}`)).body.replyCount).toBe(0);
      const listed = await app.http().get(`/api/debates/${debate.id}/posts`).expect(200);
      expect(listed.body.items.map((p: { id: string }) => p.id)).toEqual([top.id]);
      const tree = await app.http().get(`/api/debates/${debate.id}/tree`).expect(200);
      expect(tree.body.items).toEqual([expect.objectContaining({ id: top.id, replies: [] })]);
      expect(await debateOf(debate.id)).toEqual(before);
    });

    it('limits a person to 60 posts a minute, over REST and sockets alike', async () => {
      const limited = await startTestApp({ RATE_LIMITS: 'on' });
      try {
        const makeHere = makers(limited);
        const debate = await makeHere.debate();
        const author = await makeHere.user();
        const post = (body: object) =>
          limited.http().post(`/api/debates/${debate.id}/posts`).set(author.auth).send(body);
        for (let i = 0; i < 60; i++) await post({ body: `Post ${i}` }).expect(201);
        const refused = await post({ body: 'One too many' }).expect(429);
        expect(refused.body).toMatchObject({ retryAfter: expect.any(Number), draft: { body: 'One too many' } });
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        const socket = await connect(limited.url, { token: author.token });
        try {
          const ack = await request(socket, 'post:create', { debateId: debate.id, body: 'Through the socket' });
          expect(ack).toMatchObject({ ok: false, error: { statusCode: 429, retryAfter: expect.any(Number) } });
        } finally {
          socket.disconnect();
        }
        // Someone else is not held back.
        await limited
          .http()
          .post(`/api/debates/${debate.id}/posts`)
          .set((await makeHere.user()).auth)
          .send({ body: 'Another person' })
          .expect(201);
      } finally {
        await limited.close();
      }
    });

    it('keeps postCount exact under parallel posting', async () => {
      const debate = await make.debate();
      const authors = await Promise.all(Array.from({ length: 8 }, () => make.user()));
      await Promise.all(
        authors.flatMap((author) =>
          [1, 2, 3].map((n) => createPost(author, debate.id, { body: `Post ${n}` }).expect(201)),
        ),
      );
      expect((await debateOf(debate.id)).postCount).toBe(24);
    });
  });

  describe('editing and deleting', () => {
    it('keeps the previous body as a revision', async () => {
      const debate = await make.debate();
      const author = await make.user();
      const post = (await createPost(author, debate.id, { body: 'First words' }).expect(201)).body;
      const edited = await app
        .http()
        .patch(`/api/posts/${post.id}`)
        .set(author.auth)
        .send({ body: 'Second words' })
        .expect(200);
      expect(edited.body).toMatchObject({ body: 'Second words', editedAt: expect.any(String) });
      const revisions = await app.http().get(`/api/posts/${post.id}/revisions`).expect(200);
      expect(revisions.body.items).toEqual([
        { body: 'First words', editedAt: expect.any(String), editorId: author.id },
      ]);
    });

    it('pages revisions with limit and cursor, and refuses bad ones with 400', async () => {
      const debate = await make.debate();
      const author = await make.user();
      const post = (await createPost(author, debate.id, { body: 'Version 0' }).expect(201)).body;
      for (let i = 1; i <= 5; i++) {
        await app
          .http()
          .patch(`/api/posts/${post.id}`)
          .set(author.auth)
          .send({ body: `Version ${i}` })
          .expect(200);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await app.http().get(`/api/posts/${post.id}/revisions?${query}`).expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((revision: { body: string }) => revision.body));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['Version 0', 'Version 1', 'Version 2', 'Version 3', 'Version 4']);
      const all = await app.http().get(`/api/posts/${post.id}/revisions`).expect(200);
      expect(all.body).toMatchObject({ nextCursor: null });
      expect(all.body.items).toHaveLength(5);
      for (const query of ['limit=0', 'limit=201', 'limit=x', 'cursor=%%%', 'cursor=WyJ4Il0', 'cursor=WyJ4IiwieSJd']) {
        await app.http().get(`/api/posts/${post.id}/revisions?${query}`).expect(400);
      }
    });

    it('lets a moderator edit, and refuses others (403) and guests (401)', async () => {
      const debate = await make.debate();
      const author = await make.user();
      const post = (await createPost(author, debate.id, { body: 'Mine' }).expect(201)).body;
      await app
        .http()
        .patch(`/api/posts/${post.id}`)
        .set((await make.user()).auth)
        .send({ body: 'Theirs' })
        .expect(403);
      await app.http().patch(`/api/posts/${post.id}`).send({ body: 'Theirs' }).expect(401);
      await app.http().patch(`/api/posts/${post.id}`).set(author.auth).send({ body: '  ' }).expect(400);
      const moderator = await make.user({ role: 'moderator' });
      await app.http().patch(`/api/posts/${post.id}`).set(moderator.auth).send({ body: 'Fixed a link' }).expect(200);
      const revisions = await app.http().get(`/api/posts/${post.id}/revisions`).expect(200);
      expect(revisions.body.items).toEqual([expect.objectContaining({ body: 'Mine', editorId: moderator.id })]);
    });

    it('leaves a tombstone: body and author gone, replies in place and counted', async () => {
      const debate = await make.debate();
      const author = await make.user();
      const replier = await make.user();
      const top = (await createPost(author, debate.id, { body: 'To be deleted', stance: 'contra' }).expect(201)).body;
      const reply = (await createPost(replier, debate.id, { body: 'A reply', parentId: top.id }).expect(201)).body;
      await app.http().delete(`/api/posts/${top.id}`).set(replier.auth).expect(403);
      await app.http().delete(`/api/posts/${top.id}`).set(author.auth).expect(204);
      const tombstone = await app.http().get(`/api/posts/${top.id}`).expect(200);
      expect(tombstone.body).toMatchObject({ status: 'deleted', body: '', author: null, replyCount: 1 });
      const tree = await app.http().get(`/api/debates/${debate.id}/tree`).expect(200);
      expect(tree.body.items[0]).toMatchObject({
        id: top.id,
        status: 'deleted',
        replies: [expect.objectContaining({ id: reply.id })],
      });
      expect(await debateOf(debate.id)).toMatchObject({
        postCount: 1,
        stanceCounts: { pro: 0, contra: 0, neutral: 0 },
      });
      // Its earlier words stay with the moderators.
      expect((await app.http().get(`/api/posts/${top.id}/revisions`)).body.items).toEqual([]);
      const moderator = await make.user({ role: 'moderator' });
      const revisions = await app.http().get(`/api/posts/${top.id}/revisions`).set(moderator.auth).expect(200);
      expect(revisions.body.items[0].body).toBe('To be deleted');
      await app.http().patch(`/api/posts/${top.id}`).set(author.auth).send({ body: 'Back' }).expect(409);
    });
  });

  describe('concurrency', () => {
    it('serialises a delete with parallel replies: each reply lands or meets the tombstone, never a 500', async () => {
      const debate = await make.debate();
      const author = await make.user();
      const repliers = await Promise.all(Array.from({ length: 6 }, () => make.user()));
      let landedInAll = 0;
      for (let round = 0; round < 6; round++) {
        const parent = (await createPost(author, debate.id, { body: `Round ${round}` }).expect(201)).body;
        const [deleted, ...replies] = await Promise.all([
          app.http().delete(`/api/posts/${parent.id}`).set(author.auth),
          ...repliers.map((replier) => createPost(replier, debate.id, { body: 'Quick reply', parentId: parent.id })),
        ]);
        expect(deleted.status).toBe(204);
        expect(replies.map((reply) => reply.status).filter((status) => status !== 201 && status !== 409)).toEqual([]);
        const landed = replies.filter((reply) => reply.status === 201).length;
        landedInAll += landed;
        const tombstone = await app.http().get(`/api/posts/${parent.id}`).expect(200);
        expect(tombstone.body).toMatchObject({ status: 'deleted', replyCount: landed });
      }
      expect((await debateOf(debate.id)).postCount).toBe(landedInAll);
    });
  });

  describe('votes', () => {
    it('takes one changeable vote per person, 0 withdraws', async () => {
      const debate = await make.debate();
      const post = (await createPost(await make.user(), debate.id, { body: 'Vote on me' }).expect(201)).body;
      const voter = await make.user();
      const vote = (value: number) => app.http().put(`/api/posts/${post.id}/vote`).set(voter.auth).send({ value });
      expect((await vote(1).expect(200)).body).toEqual({ score: 1, myVote: 1 });
      expect((await vote(1).expect(200)).body).toEqual({ score: 1, myVote: 1 });
      expect((await vote(-1).expect(200)).body).toEqual({ score: -1, myVote: -1 });
      expect((await vote(0).expect(200)).body).toEqual({ score: 0, myVote: 0 });
      await vote(1).expect(200);
      const listed = await app.http().get(`/api/debates/${debate.id}/posts`).set(voter.auth).expect(200);
      expect(listed.body.items[0]).toMatchObject({ id: post.id, score: 1, myVote: 1 });
    });

    it("counts an author's vote on their own post like any other", async () => {
      const debate = await make.debate();
      const author = await make.user();
      const post = (await createPost(author, debate.id, { body: 'I agree with myself' }).expect(201)).body;
      const vote = (value: number) => app.http().put(`/api/posts/${post.id}/vote`).set(author.auth).send({ value });
      expect((await vote(1).expect(200)).body).toEqual({ score: 1, myVote: 1 });
      await app
        .http()
        .put(`/api/posts/${post.id}/vote`)
        .set((await make.user()).auth)
        .send({ value: 1 })
        .expect(200);
      expect((await app.http().get(`/api/posts/${post.id}`).set(author.auth)).body).toMatchObject({
        score: 2,
        myVote: 1,
      });
      expect((await vote(0).expect(200)).body).toEqual({ score: 1, myVote: 0 });
    });

    it('refuses bad values (400), guests (401) and unknown posts (404)', async () => {
      const debate = await make.debate();
      const author = await make.user();
      const post = (await createPost(author, debate.id, { body: 'Vote on me' }).expect(201)).body;
      const voter = await make.user();
      for (const value of [2, -2, '1', null, 0.5]) {
        await app.http().put(`/api/posts/${post.id}/vote`).set(voter.auth).send({ value }).expect(400);
      }
      await app.http().put(`/api/posts/${post.id}/vote`).send({ value: 1 }).expect(401);
      await app.http().put(`/api/posts/${randomUUID()}/vote`).set(voter.auth).send({ value: 1 }).expect(404);
      expect((await app.http().get(`/api/posts/${post.id}`)).body.score).toBe(0);
    });

    it('keeps an exact score under parallel votes', async () => {
      const debate = await make.debate();
      const post = (await createPost(await make.user(), debate.id, { body: 'Popular' }).expect(201)).body;
      const voters = await Promise.all(Array.from({ length: 16 }, () => make.user()));
      await Promise.all(
        voters.map((voter, i) =>
          app
            .http()
            .put(`/api/posts/${post.id}/vote`)
            .set(voter.auth)
            .send({ value: i % 4 === 0 ? -1 : 1 })
            .expect(200),
        ),
      );
      expect((await app.http().get(`/api/posts/${post.id}`)).body.score).toBe(12 - 4);
    });
  });

  describe('reading', () => {
    async function seedThread(count: number) {
      const debate = await make.debate();
      const authors = await Promise.all([make.user(), make.user(), make.user()]);
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        ids.push((await createPost(authors[i % 3], debate.id, { body: `Post ${i}` }).expect(201)).body.id);
      }
      return { debate, ids, authors };
    }

    it.each(['top', 'new', 'old', 'common-ground'])(
      'walks %s pages, every post once, even while posts arrive',
      async (sort) => {
        const { debate, ids, authors } = await seedThread(12);
        const seen: string[] = [];
        let cursor: string | null = null;
        let page = 0;
        do {
          const query: string = `sort=${sort}&limit=5${cursor ? `&cursor=${cursor}` : ''}`;
          const response = await app.http().get(`/api/debates/${debate.id}/posts?${query}`).expect(200);
          seen.push(...response.body.items.map((post: { id: string }) => post.id));
          cursor = response.body.nextCursor;
          if (page++ === 0) await createPost(authors[0], debate.id, { body: 'Arrived mid-walk' }).expect(201);
        } while (cursor);
        expect(new Set(seen).size).toBe(seen.length);
        for (const id of ids) expect(seen).toContain(id);
      },
    );

    it('orders new, old and top as named', async () => {
      const { debate, ids, authors } = await seedThread(3);
      await app.http().put(`/api/posts/${ids[1]}/vote`).set(authors[0].auth).send({ value: 1 }).expect(200);
      const list = async (sort: string) =>
        (await app.http().get(`/api/debates/${debate.id}/posts?sort=${sort}`).expect(200)).body.items.map(
          (p: { id: string }) => p.id,
        );
      expect(await list('new')).toEqual([ids[2], ids[1], ids[0]]);
      expect(await list('old')).toEqual(ids);
      expect(await list('top')).toEqual([ids[1], ids[2], ids[0]]);
    });

    it('ranks by common ground: liked by both sides beats liked by one, even with fewer votes', async () => {
      const debate = await make.debate();
      const author = await make.user();
      const bridging = (await createPost(author, debate.id, { body: 'Both agree' }).expect(201)).body;
      const partisan = (await createPost(author, debate.id, { body: 'One camp loves it' }).expect(201)).body;
      const side = async (stance: 'pro' | 'contra') => {
        const user = await make.user();
        await createPost(user, debate.id, { body: `I am ${stance}`, stance }).expect(201);
        return user;
      };
      const pros = [await side('pro'), await side('pro'), await side('pro'), await side('pro')];
      const contra = await side('contra');
      for (const pro of pros)
        await app.http().put(`/api/posts/${partisan.id}/vote`).set(pro.auth).send({ value: 1 }).expect(200);
      await app.http().put(`/api/posts/${bridging.id}/vote`).set(pros[0].auth).send({ value: 1 }).expect(200);
      await app.http().put(`/api/posts/${bridging.id}/vote`).set(contra.auth).send({ value: 1 }).expect(200);
      const ranked = (await app.http().get(`/api/debates/${debate.id}/posts?sort=common-ground`).expect(200)).body
        .items;
      const order = ranked.map((p: { id: string }) => p.id);
      expect(order.indexOf(bridging.id)).toBeLessThan(order.indexOf(partisan.id));
      const top = (await app.http().get(`/api/debates/${debate.id}/posts?sort=top`).expect(200)).body.items;
      expect(top[0].id).toBe(partisan.id);
    });

    it('lists one level: replies of a parent, and 404 for a parent in another debate', async () => {
      const { debate, ids, authors } = await seedThread(2);
      const reply = (await createPost(authors[1], debate.id, { body: 'Reply', parentId: ids[0] }).expect(201)).body;
      const top = await app.http().get(`/api/debates/${debate.id}/posts?sort=old`).expect(200);
      expect(top.body.items.map((p: { id: string }) => p.id)).toEqual(ids);
      const replies = await app.http().get(`/api/debates/${debate.id}/posts?parentId=${ids[0]}`).expect(200);
      expect(replies.body).toEqual({
        items: [expect.objectContaining({ id: reply.id, parentId: ids[0], depth: 1 })],
        nextCursor: null,
      });
      const other = await make.debate();
      await app.http().get(`/api/debates/${other.id}/posts?parentId=${ids[0]}`).expect(404);
    });

    it('refuses bad list parameters with 400 and unknown debates with 404', async () => {
      const { debate } = await seedThread(1);
      // The last two decode to the right types but hold no date and no id.
      const queries = ['sort=hot', 'limit=0', 'limit=201', 'cursor=%%%', 'cursor=WyJ4Il0', 'parentId=1'];
      for (const query of [...queries, 'sort=new&cursor=WyJ4IiwieSJd', 'sort=top&cursor=WzEsIngiLCJ5Il0']) {
        await app.http().get(`/api/debates/${debate.id}/posts?${query}`).expect(400);
      }
      await app.http().get(`/api/debates/${randomUUID()}/posts`).expect(404);
      await app.http().get(`/api/debates/${randomUUID()}/tree`).expect(404);
    });

    it('treats empty parentId, rootId and maxDepth as absent', async () => {
      const { debate, ids, authors } = await seedThread(2);
      const reply = (await createPost(authors[1], debate.id, { body: 'Reply', parentId: ids[0] }).expect(201)).body;
      const list = await app.http().get(`/api/debates/${debate.id}/posts?parentId=&sort=old`).expect(200);
      expect(list.body.items.map((p: { id: string }) => p.id)).toEqual(ids);
      const tree = await app.http().get(`/api/debates/${debate.id}/tree?rootId=&maxDepth=`).expect(200);
      expect(tree.body.items[0]).toMatchObject({ id: ids[0], replies: [expect.objectContaining({ id: reply.id })] });
    });

    it("keeps a reply in the tree when it shares its parent's millisecond and sorts before it by id", async () => {
      const debate = await make.debate();
      const author = await make.user();
      const top = (await createPost(author, debate.id, { body: 'Parent' }).expect(201)).body;
      const reply = (await createPost(author, debate.id, { body: 'Same instant', parentId: top.id }).expect(201)).body;
      const earlierId = `00000000-${randomUUID().slice(9)}`;
      await app.dataSource.query(
        `UPDATE posts SET id = $2::uuid, path = replace(path, $1::text, $2::text), created_at = $3 WHERE id = $1::uuid`,
        [reply.id, earlierId, top.createdAt],
      );
      const tree = await app.http().get(`/api/debates/${debate.id}/tree`).expect(200);
      expect(tree.body.items).toEqual([
        expect.objectContaining({ id: top.id, replies: [expect.objectContaining({ id: earlierId })] }),
      ]);
      const sub = await app.http().get(`/api/debates/${debate.id}/tree?rootId=${top.id}`).expect(200);
      expect(sub.body.replies).toEqual([expect.objectContaining({ id: earlierId })]);
    });

    it('stores a reply chain 100 deep and reads it back whole through /tree', async () => {
      const debate = await make.debate();
      const author = await make.user();
      const chain: string[] = [];
      for (let depth = 0; depth < 100; depth++) {
        const parentId = chain[depth - 1];
        const post = await createPost(author, debate.id, { body: `Depth ${depth}`, ...(parentId ? { parentId } : {}) });
        expect(post.status).toBe(201);
        chain.push(post.body.id);
      }
      const whole = await app.http().get(`/api/debates/${debate.id}/tree`).expect(200);
      let node = whole.body.items[0];
      for (const [depth, id] of chain.entries()) {
        expect(node).toMatchObject({ id, depth });
        node = node.replies[0];
      }
      expect(node).toBeUndefined();
      const deep = await app.http().get(`/api/debates/${debate.id}/tree?rootId=${chain[90]}&maxDepth=5`).expect(200);
      let depthBelow = 0;
      for (let sub = deep.body; sub.replies.length > 0; sub = sub.replies[0]) depthBelow++;
      expect(deep.body.id).toBe(chain[90]);
      expect(depthBelow).toBe(5);
    });

    it('returns the tree nested, a subtree by rootId, and cuts it at maxDepth', async () => {
      const debate = await make.debate();
      const author = await make.user();
      let parentId: string | undefined;
      const chain: string[] = [];
      for (let depth = 0; depth < 7; depth++) {
        const post = (
          await createPost(author, debate.id, { body: `Depth ${depth}`, ...(parentId ? { parentId } : {}) }).expect(201)
        ).body;
        chain.push(post.id);
        parentId = post.id;
      }
      const whole = await app.http().get(`/api/debates/${debate.id}/tree`).expect(200);
      let node = whole.body.items[0];
      for (const id of chain) {
        expect(node.id).toBe(id);
        node = node.replies[0];
      }
      const sub = await app.http().get(`/api/debates/${debate.id}/tree?rootId=${chain[2]}&maxDepth=2`).expect(200);
      expect(sub.body.id).toBe(chain[2]);
      expect(sub.body.replies[0].id).toBe(chain[3]);
      expect(sub.body.replies[0].replies[0].id).toBe(chain[4]);
      expect(sub.body.replies[0].replies[0].replies).toEqual([]);
      await app.http().get(`/api/debates/${debate.id}/tree?maxDepth=-1`).expect(400);
      await app.http().get(`/api/debates/${debate.id}/tree?rootId=${randomUUID()}`).expect(404);
    });
  });
});
