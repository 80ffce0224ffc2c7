import { randomUUID } from 'node:crypto';
import { FLAGS_PER_DAY } from '../../src/moderation/moderation-policy';
import { startTestApp, useTestApp } from '../support/app';
import { makers, TestUser } from '../support/make';
import { moderationHelpers, uniqueWord } from '../support/moderation';
import { nextEvent, record, request, WireEvent } from '../support/sockets';

/** Flags, the threshold, the queue and the actions moderators take on it. */
describe('flags and the moderation queue', () => {
  const { app, make, api } = useTestApp({ env: { NEW_ACCOUNT_REVIEW_POSTS: '0' } });
  const mod = moderationHelpers(app, make);
  let moderator: TestUser;

  beforeAll(async () => {
    moderator = await make.user({ role: 'moderator' });
  });

  const logOf = async (targetId: string) =>
    (await api(moderator).get(`/api/moderation/log?targetId=${targetId}`).expect(200)).body.items;
  const debateOf = async (id: string) => (await api().get(`/api/debates/${id}`).expect(200)).body;

  describe('flagging', () => {
    it('answers 201 with the flag, and the post enters the queue with its flag and cause', async () => {
      const { post } = await mod.postedDebate();
      const flagger = await make.user();
      const response = await mod
        .flag(flagger, post.id, { reason: 'synthetic_media', note: 'The clip is generated.' })
        .expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        reason: 'synthetic_media',
        note: 'The clip is generated.',
        createdAt: expect.any(String),
      });
      const item = await mod.itemOf(moderator, post.id);
      expect(item).toMatchObject({
        state: 'open',
        post: { id: post.id, status: 'visible' },
        flags: [{ reason: 'synthetic_media', note: 'The clip is generated.', user: { id: flagger.id } }],
        causes: [{ kind: 'flags' }],
      });
    });

    it.each([
      ['an unknown reason', { reason: 'boring' }, 'reason'],
      ['no reason', {}, 'reason'],
      ['a note of 501 characters', { reason: 'spam', note: 'x'.repeat(501) }, 'note'],
      ['an unknown field', { reason: 'spam', extra: true }, 'extra'],
    ])('refuses %s with 400 and flags nothing', async (_case, body, word) => {
      const { post } = await mod.postedDebate();
      const response = await mod.flag(await make.user(), post.id, body).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(word);
      expect(await mod.itemOf(moderator, post.id)).toBeUndefined();
    });

    it('refuses a second flag by the same person with 409, and one on your own post with 400', async () => {
      const { post, author } = await mod.postedDebate();
      const flagger = await make.user();
      await mod.flag(flagger, post.id).expect(201);
      expect((await mod.flag(flagger, post.id, { reason: 'hate' }).expect(409)).body.code).toBe('already_flagged');
      expect((await mod.flag(author, post.id).expect(400)).body.code).toBe('own_post');
      expect((await mod.itemOf(moderator, post.id))!.flags).toHaveLength(1);
    });

    it('answers 404 for a post that does not exist or that the flagger may not see', async () => {
      await mod.flag(await make.user(), randomUUID()).expect(404);
      const debate = await make.debate();
      await api(moderator).patch(`/api/debates/${debate.id}`).send({ premoderated: true }).expect(200);
      const pending = await mod.post(await make.user(), debate.id);
      await mod.flag(await make.user(), pending.id).expect(404);
    });

    it('has no daily flag limit with RATE_LIMITS=off (the limit itself: rate-limits.e2e-spec)', async () => {
      const debate = await make.debate();
      const author = await make.user();
      const flagger = await make.user();
      for (let i = 0; i <= FLAGS_PER_DAY; i++) {
        const post = await mod.post(author, debate.id);
        await mod.flag(flagger, post.id).expect(201);
      }
    });

    it('reaches the moderators live: flag.created and queue.updated', async () => {
      const { post } = await mod.postedDebate();
      const socket = await mod.moderationSocket(moderator);
      const flagged = nextEvent<WireEvent>(socket, 'flag.created', (event) => event.data.postId === post.id);
      const updated = nextEvent<WireEvent>(socket, 'queue.updated', (event) => event.data.postId === post.id);
      await mod.flag(await make.user(), post.id, { reason: 'hate' }).expect(201);
      expect((await flagged).data).toMatchObject({ reason: 'hate', postId: post.id });
      expect((await updated).data).toMatchObject({
        state: 'open',
        item: { post: { id: post.id }, flags: [{ reason: 'hate' }] },
        openCount: expect.any(Number),
      });
    });
  });

  describe('the flag threshold', () => {
    it('hides a post when three distinct people flagged it: post.hidden to everyone, the author told why', async () => {
      const { debate, author, post } = await mod.postedDebate();
      const guest = await mod.debateSocket(debate.id);
      const guestSaw = record(guest, 'post.hidden');
      const [first, second] = await mod.flaggedBy(2, post.id);
      // The same people again change nothing: only distinct flaggers count.
      await mod.flag(first, post.id).expect(409);
      await mod.flag(second, post.id).expect(409);
      expect((await api().get(`/api/posts/${post.id}`).expect(200)).body.status).toBe('visible');

      const hidden = nextEvent<WireEvent>(guest, 'post.hidden');
      await mod.flaggedBy(1, post.id, 'misinformation');
      expect((await hidden).data).toEqual({ id: post.id });
      expect(guestSaw).toHaveLength(1);
      await api().get(`/api/posts/${post.id}`).expect(404);
      const own = await api(author).get(`/api/posts/${post.id}`).expect(200);
      expect(own.body).toMatchObject({ status: 'hidden', statusReason: { cause: 'flags', note: null } });
      expect((await debateOf(debate.id)).postCount).toBe(0);
      expect(await logOf(post.id)).toEqual([
        expect.objectContaining({ action: 'hide', actor: null, automatic: true, category: 'synthetic_media' }),
      ]);
      // Hidden from others, so nothing more to flag; a tombstone neither.
      await mod.flag(await make.user(), post.id).expect(404);
      await mod.act(moderator, post.id, { action: 'delete', reason: 'Generated footage passed off as real' });
      expect((await mod.flag(await make.user(), post.id).expect(409)).body.code).toBe('not_flaggable');
    });
  });

  describe('the queue', () => {
    it('shows each post in its debate and under its parent, with the causes and the author’s history', async () => {
      const { debate, post: parent } = await mod.postedDebate('The parent argument');
      const author = await make.user();
      const reply = await mod.post(author, debate.id, { body: 'A reply worth a look', parentId: parent.id });
      // An earlier decision about this author: one hidden post, one suspension.
      const earlier = await mod.post(author, debate.id);
      await mod.act(moderator, earlier.id, { action: 'hide', reason: 'Off topic' }).expect(200);
      await api(moderator)
        .post(`/api/moderation/users/${author.id}/suspend`)
        .send({ until: new Date(Date.now() + 60_000).toISOString(), reason: 'Cool down' })
        .expect(200);
      await api(moderator).post(`/api/moderation/users/${author.id}/unsuspend`).send({}).expect(200);

      await mod.flag(await make.user(), reply.id, { reason: 'harassment' }).expect(201);
      const item = await mod.itemOf(moderator, reply.id);
      const question = (await debateOf(debate.id)).question;
      expect(item).toMatchObject({
        debate: { id: debate.id, question },
        parent: { id: parent.id, excerpt: 'The parent argument' },
        causes: [{ kind: 'flags' }],
        author: { id: author.id, hides: 1, suspensions: 1, deletions: 0, labels: 0, suspendedUntil: null },
      });
    });

    it('lists open items oldest first, page by page, and resolved ones with their decision', async () => {
      const { post: older } = await mod.postedDebate();
      const { post: newer } = await mod.postedDebate();
      await mod.flag(await make.user(), older.id).expect(201);
      await mod.flag(await make.user(), newer.id).expect(201);
      const open = await mod.openItems(moderator);
      const order = open.map((item) => item.post.id);
      expect(order.indexOf(older.id)).toBeLessThan(order.indexOf(newer.id));
      expect(new Set(open.map((item) => item.id)).size).toBe(open.length);

      const first = await api(moderator).get('/api/moderation/queue?limit=1').expect(200);
      expect(first.body).toMatchObject({ items: [expect.any(Object)], nextCursor: expect.any(String) });
      expect(first.body.openCount).toBeGreaterThanOrEqual(2);

      await mod.act(moderator, older.id, { action: 'dismiss', reason: 'Not spam' }).expect(200);
      const resolved = await api(moderator).get('/api/moderation/queue?state=resolved').expect(200);
      expect(resolved.body.items[0]).toMatchObject({
        state: 'resolved',
        post: { id: older.id },
        resolution: 'dismiss',
        resolutionReason: 'Not spam',
        resolvedBy: { id: moderator.id },
      });
    });

    it('holds posts of a pre-moderated debate and of new accounts, with that cause', async () => {
      const debate = await make.debate();
      await api(moderator).patch(`/api/debates/${debate.id}`).send({ premoderated: true }).expect(200);
      const held = await mod.post(await make.user(), debate.id);
      expect(held.status).toBe('pending');
      expect(held.statusReason).toEqual({ cause: 'premoderated', note: null });
      expect((await mod.itemOf(moderator, held.id))!.causes).toEqual([{ kind: 'premoderated' }]);

      const strict = await startTestApp({ NEW_ACCOUNT_REVIEW_POSTS: '1' });
      try {
        const newcomer = await makers(strict).user();
        const open = await makers(strict).debate();
        const first = await moderationHelpers(strict, makers(strict)).post(newcomer, open.id);
        expect(first).toMatchObject({ status: 'pending', statusReason: { cause: 'new_account' } });
        expect((await mod.itemOf(moderator, first.id))!.causes).toEqual([{ kind: 'new_account' }]);
      } finally {
        await strict.close();
      }
    });
  });

  describe('actions', () => {
    it('approves a pending post: published to everyone with a new seq, counted, the item resolved', async () => {
      const debate = await make.debate();
      await api(moderator).patch(`/api/debates/${debate.id}`).send({ premoderated: true }).expect(200);
      const held = await mod.post(await make.user(), debate.id, { body: 'Held back', stance: 'pro' });
      const guest = await mod.debateSocket(debate.id);
      const published = nextEvent<WireEvent>(guest, 'post.created');
      const response = await mod.act(moderator, held.id, { action: 'approve', reason: 'Fine' }).expect(200);
      expect(response.body).toMatchObject({ id: held.id, status: 'visible', statusReason: null });
      expect((await published).data).toMatchObject({ id: held.id, status: 'visible' });
      expect(await debateOf(debate.id)).toMatchObject({ postCount: 1, stanceCounts: { pro: 1 } });
      expect(await mod.itemOf(moderator, held.id)).toBeUndefined();
    });

    it('hides with a reason the author is shown, restores, and deletes to a tombstone', async () => {
      const { debate, author, post } = await mod.postedDebate();
      const guest = await mod.debateSocket(debate.id);

      const hidden = nextEvent<WireEvent>(guest, 'post.hidden');
      await mod.act(moderator, post.id, { action: 'hide', reason: 'Doxxing' }).expect(200);
      await hidden;
      const own = await api(author).get(`/api/posts/${post.id}`).expect(200);
      expect(own.body.statusReason).toEqual({ cause: 'moderator', note: 'Doxxing' });

      const restored = nextEvent<WireEvent>(guest, 'post.restored');
      await mod.act(moderator, post.id, { action: 'restore', reason: 'Mistake' }).expect(200);
      expect((await restored).data).toMatchObject({ id: post.id, status: 'visible', statusReason: null });

      const deleted = nextEvent<WireEvent>(guest, 'post.deleted');
      const tombstone = await mod.act(moderator, post.id, { action: 'delete', reason: 'Spam link' }).expect(200);
      expect(tombstone.body).toMatchObject({ status: 'deleted', body: '', author: null });
      await deleted;
      expect((await logOf(post.id)).map((entry: { action: string }) => entry.action)).toEqual([
        'delete',
        'restore',
        'hide',
      ]);
      expect((await debateOf(debate.id)).postCount).toBe(0);
    });

    it('dismisses an item and leaves the post as it is', async () => {
      const { post } = await mod.postedDebate();
      await mod.flag(await make.user(), post.id).expect(201);
      await mod.act(moderator, post.id, { action: 'dismiss', reason: 'Fair criticism' }).expect(200);
      expect((await api().get(`/api/posts/${post.id}`).expect(200)).body.status).toBe('visible');
      expect(await mod.itemOf(moderator, post.id)).toBeUndefined();
    });

    it.each([
      ['an unknown action', { action: 'ban', reason: 'x' }, 'action'],
      ['no reason', { action: 'hide' }, 'reason'],
      ['a blank reason', { action: 'hide', reason: '   ' }, 'reason'],
      ['a reason of 501 characters', { action: 'hide', reason: 'x'.repeat(501) }, 'reason'],
      ['an unknown category', { action: 'hide', reason: 'x', category: 'rude' }, 'category'],
    ])('refuses %s with 400 and changes nothing', async (_case, body, word) => {
      const { post } = await mod.postedDebate();
      const response = await mod.act(moderator, post.id, body).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(word);
      expect((await api().get(`/api/posts/${post.id}`).expect(200)).body.status).toBe('visible');
      expect(await logOf(post.id)).toEqual([]);
    });

    it('answers 404 for a post that does not exist, 409 when there is nothing to do', async () => {
      await mod.act(moderator, randomUUID(), { action: 'hide', reason: 'x' }).expect(404);
      const { post } = await mod.postedDebate();
      expect((await mod.act(moderator, post.id, { action: 'approve', reason: 'x' }).expect(409)).body.code).toBe(
        'already_resolved',
      );
      await mod.act(moderator, post.id, { action: 'dismiss', reason: 'x' }).expect(409);
      await mod.act(moderator, post.id, { action: 'delete', reason: 'x' }).expect(200);
      await mod.act(moderator, post.id, { action: 'restore', reason: 'x' }).expect(409);
      expect(await logOf(post.id)).toHaveLength(1);
    });

    it('lets only one of two moderators decide an item: the second gets 409, one action is logged', async () => {
      const { post } = await mod.postedDebate();
      await mod.flag(await make.user(), post.id).expect(201);
      const item = (await mod.itemOf(moderator, post.id))!;
      const other = await make.user({ role: 'moderator' });
      const [a, b] = await Promise.all([
        mod.act(moderator, post.id, { action: 'hide', reason: 'Spam', itemId: item.id }),
        mod.act(other, post.id, { action: 'approve', reason: 'Fine', itemId: item.id }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      expect((a.status === 409 ? a : b).body.code).toBe('already_resolved');
      expect(await logOf(post.id)).toHaveLength(1);
    });

    it('does not apply the same action twice when two moderators send it at once without an item', async () => {
      const { post } = await mod.postedDebate();
      const other = await make.user({ role: 'moderator' });
      const results = await Promise.all([
        mod.act(moderator, post.id, { action: 'hide', reason: 'One' }),
        mod.act(other, post.id, { action: 'hide', reason: 'Two' }),
      ]);
      expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
      expect(await logOf(post.id)).toHaveLength(1);
    });
  });

  describe('the moderation stream', () => {
    it('resumes after since with what a moderator missed', async () => {
      const socket = await mod.moderationSocket(moderator);
      const { post } = await mod.postedDebate();
      const seen = nextEvent<WireEvent>(socket, 'queue.updated', (event) => event.data.postId === post.id);
      await mod.flag(await make.user(), post.id).expect(201);
      const since = (await seen).seq - 1;
      socket.disconnect();
      const again = await mod.moderationSocket(moderator);
      const ack = await request(again, 'moderation:join', { since });
      expect(ack).toMatchObject({ ok: true, seq: expect.any(Number) });
      const missed = (ack as unknown as { missed: WireEvent[] }).missed;
      expect(missed[0]).toMatchObject({ type: 'queue.updated', stream: 'moderation', data: { postId: post.id } });
    });

    it('brings a watched word\u2019s hold to the moderators as it happens', async () => {
      const word = uniqueWord();
      const rule = await mod.watch(moderator, word, 'review');
      try {
        const socket = await mod.moderationSocket(moderator);
        const debate = await make.debate();
        const updated = nextEvent<WireEvent>(
          socket,
          'queue.updated',
          (event) => (event.data.item as { causes?: { kind: string }[] } | null)?.causes?.[0]?.kind === 'watched_word',
        );
        const held = await mod.post(await make.user(), debate.id, { body: `About ${word}` });
        expect((await updated).data).toMatchObject({
          postId: held.id,
          item: { causes: [{ kind: 'watched_word', pattern: word, action: 'review' }] },
        });
      } finally {
        await mod.unwatch(moderator, rule.id);
      }
    });
  });
});
