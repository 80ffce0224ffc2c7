import { randomUUID } from 'node:crypto';
import { LogRuleHolds1764000740000 } from '../../migrations/1764000740000-log-rule-holds';
import { ModeratorDeleteReasons1764000750000 } from '../../migrations/1764000750000-moderator-delete-reasons';
import { apiAt } from '../support/api';
import { startTestApp, TestApp, useTestApp } from '../support/app';
import { makers, TestUser } from '../support/make';
import { moderationHelpers, TestPost, uniqueWord } from '../support/moderation';
import { connect, nextEvent, request, WireEvent } from '../support/sockets';

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

/** Labels, suspensions, appeals, and what authors see of decisions about their posts. */
describe('moderation decisions', () => {
  const { app, make, api } = useTestApp();
  const mod = moderationHelpers(app, make);
  let moderator: TestUser;

  beforeAll(async () => {
    moderator = await make.user({ role: 'moderator' });
  });

  const getPost = (id: string, user?: TestUser) =>
    user ? api(user).get(`/api/posts/${id}`) : api().get(`/api/posts/${id}`);
  const label = (user: TestUser, postId: string, body: object) =>
    api(user).put(`/api/moderation/posts/${postId}/label`).send(body);
  const suspend = (user: TestUser, targetId: string, body: object) =>
    api(user).post(`/api/moderation/users/${targetId}/suspend`).send(body);
  const unsuspend = (user: TestUser, targetId: string, body: object = {}) =>
    api(user).post(`/api/moderation/users/${targetId}/unsuspend`).send(body);
  const appeal = (user: TestUser, body: object) => api(user).post('/api/appeals').send(body);
  const decide = (user: TestUser, id: string, body: object) => api(user).post(`/api/appeals/${id}/decision`).send(body);
  const logOf = async (targetId: string) =>
    (await api(moderator).get(`/api/moderation/log?targetId=${targetId}`).expect(200)).body.items as {
      action: string;
    }[];

  const CLIP = {
    kind: 'manipulated_media',
    note: 'This clip was generated with a text-to-video model.',
    sourceUrl: 'https://example.org/fact-check',
    reason: 'Generated footage presented as real',
  };

  describe('labels', () => {
    it('marks a post for everyone, live, and leaves it visible', async () => {
      const { debate, post } = await mod.postedDebate('Watch this footage of the protest');
      const guest = await mod.debateSocket(debate.id);
      const labelled = nextEvent<WireEvent>(guest, 'post.labelled');
      const response = await label(moderator, post.id, CLIP).expect(200);
      const expected = {
        kind: 'manipulated_media',
        note: CLIP.note,
        sourceUrl: CLIP.sourceUrl,
        createdAt: expect.any(String),
      };
      expect(response.body).toMatchObject({ id: post.id, status: 'visible', label: expected });
      expect((await labelled).data).toMatchObject({ id: post.id, label: expected });
      expect((await getPost(post.id).expect(200)).body.label).toEqual(expected);
      const list = await api().get(`/api/debates/${debate.id}/posts`).expect(200);
      expect(list.body.items[0].label).toEqual(expected);
      expect(await logOf(post.id)).toEqual([
        expect.objectContaining({ action: 'label', category: 'synthetic_media', reason: CLIP.reason }),
      ]);
    });

    it('decides a flagged post’s open item: labelled instead of removed', async () => {
      const { post } = await mod.postedDebate();
      await mod.flag(await make.user(), post.id, { reason: 'synthetic_media' }).expect(201);
      await label(moderator, post.id, CLIP).expect(200);
      expect(await mod.itemOf(moderator, post.id)).toBeUndefined();
    });

    it('comes off again, logged, and a post without one answers 409', async () => {
      const { debate, post } = await mod.postedDebate();
      await label(moderator, post.id, { ...CLIP, kind: 'satire', sourceUrl: undefined }).expect(200);
      const guest = await mod.debateSocket(debate.id);
      const event = nextEvent<WireEvent>(guest, 'post.labelled');
      const removed = await api(moderator)
        .delete(`/api/moderation/posts/${post.id}/label`)
        .send({ reason: 'It is satire, and obviously so' })
        .expect(200);
      expect(removed.body.label).toBeNull();
      expect((await event).data).toMatchObject({ id: post.id, label: null });
      await api(moderator).delete(`/api/moderation/posts/${post.id}/label`).send({ reason: 'Again' }).expect(409);
      expect((await logOf(post.id)).map((entry) => entry.action)).toEqual(['unlabel', 'label']);
    });

    it.each([
      ['an unknown kind', { ...CLIP, kind: 'fake' }, 'kind'],
      ['no note', { ...CLIP, note: '' }, 'note'],
      ['no reason', { ...CLIP, reason: undefined }, 'reason'],
      ['a source that is no URL', { ...CLIP, sourceUrl: 'not a url' }, 'sourceUrl'],
      ['a javascript: source', { ...CLIP, sourceUrl: 'javascript:alert(1)' }, 'sourceUrl'],
    ])('refuses %s with 400 and labels nothing', async (_case, body, word) => {
      const { post } = await mod.postedDebate();
      const response = await label(moderator, post.id, body).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(word);
      expect((await getPost(post.id).expect(200)).body.label).toBeNull();
    });

    it('answers 404 for a post that does not exist and 409 for a deleted one', async () => {
      await label(moderator, randomUUID(), CLIP).expect(404);
      const { author, post } = await mod.postedDebate();
      await api(author).delete(`/api/posts/${post.id}`).expect(204);
      await label(moderator, post.id, CLIP).expect(409);
    });
  });

  describe('suspensions', () => {
    it('stops every write with 403 naming the end and the reason, but not reading', async () => {
      const { debate, author, post } = await mod.postedDebate();
      const until = inAnHour();
      const response = await suspend(moderator, author.id, { until, reason: 'Repeated harassment' }).expect(200);
      expect(response.body).toMatchObject({
        id: author.id,
        suspendedUntil: until,
        suspensionReason: 'Repeated harassment',
      });

      const refused = await api(author)
        .post(`/api/debates/${debate.id}/posts`)
        .send({ body: 'Still here' })
        .expect(403);
      expect(refused.body).toMatchObject({ code: 'suspended', suspendedUntil: until, reason: 'Repeated harassment' });
      expect(refused.body.message).toContain('Repeated harassment');
      await api(author).put(`/api/posts/${post.id}/vote`).send({ value: 1 }).expect(403);
      await mod.flag(author, post.id).expect(403);
      await api(author).get(`/api/debates/${debate.id}/posts`).expect(200);
      expect((await api(author).get('/api/auth/me').expect(200)).body).toMatchObject({
        suspendedUntil: until,
        suspensionReason: 'Repeated harassment',
      });
      expect(await logOf(author.id)).toEqual([
        expect.objectContaining({ action: 'suspend', reason: 'Repeated harassment' }),
      ]);
    });

    it('takes effect on a socket that is already open, and ends when lifted', async () => {
      const debate = await make.debate();
      const author = await make.user();
      const socket = await mod.debateSocket(debate.id, author);
      expect((await request(socket, 'post:create', { debateId: debate.id, body: 'Before' })).ok).toBe(true);
      const until = inAnHour();
      await suspend(moderator, author.id, { until, reason: 'Spam run' }).expect(200);
      const refused = await request(socket, 'post:create', { debateId: debate.id, body: 'During' });
      expect(refused).toMatchObject({
        ok: false,
        error: { statusCode: 403, code: 'suspended', suspendedUntil: until, reason: 'Spam run' },
      });
      await unsuspend(moderator, author.id, { reason: 'Apologised' }).expect(200);
      expect((await request(socket, 'post:create', { debateId: debate.id, body: 'After' })).ok).toBe(true);
    });

    it('lists who is suspended now', async () => {
      const person = await make.user();
      await suspend(moderator, person.id, { until: inAnHour(), reason: 'Listed' }).expect(200);
      const items = [];
      let cursor = '';
      do {
        const page = await api(moderator).get(`/api/moderation/suspensions?limit=200&cursor=${cursor}`);
        items.push(...page.body.items);
        cursor = page.body.nextCursor ?? '';
      } while (cursor);
      expect(items).toContainEqual(expect.objectContaining({ id: person.id, suspensionReason: 'Listed' }));
    });

    it.each([
      ['an end in the past', { until: '2020-01-01T00:00:00.000Z', reason: 'x' }, 'future'],
      ['an end that is no date', { until: 'tomorrow', reason: 'x' }, 'until'],
      ['no reason', { until: '2099-01-01T00:00:00.000Z' }, 'reason'],
    ])('refuses %s with 400 and suspends nobody', async (_case, body, word) => {
      const person = await make.user();
      const response = await suspend(moderator, person.id, body).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(word);
      expect((await api(person).get('/api/auth/me').expect(200)).body.suspendedUntil).toBeNull();
    });

    it('keeps moderators from suspending moderators and admins (403); an admin may suspend a moderator', async () => {
      const other = await make.user({ role: 'moderator' });
      const admin = await make.user({ role: 'admin' });
      const body = { until: inAnHour(), reason: 'x' };
      expect((await suspend(moderator, other.id, body).expect(403)).body.code).toBe('protected_user');
      await suspend(moderator, admin.id, body).expect(403);
      await suspend(moderator, moderator.id, body).expect(403);
      await suspend(admin, other.id, body).expect(200);
      await suspend(admin, admin.id, body).expect(403);
    });

    it('answers 404 for someone who does not exist and 409 for lifting what is not there', async () => {
      await suspend(moderator, randomUUID(), { until: inAnHour(), reason: 'x' }).expect(404);
      await unsuspend(moderator, (await make.user()).id).expect(409);
    });
  });

  describe('what authors see', () => {
    async function hiddenPost(): Promise<{ debate: { id: string }; author: TestUser; post: TestPost }> {
      const posted = await mod.postedDebate('My contested argument');
      await mod.act(moderator, posted.post.id, { action: 'hide', reason: 'Misleading' }).expect(200);
      return posted;
    }

    it('the author sees their hidden post, marked with the reason, in lists, trees and single reads', async () => {
      const { debate, author, post } = await hiddenPost();
      const other = await make.user();
      expect((await getPost(post.id, author).expect(200)).body).toMatchObject({
        status: 'hidden',
        statusReason: { cause: 'moderator', note: 'Misleading' },
      });
      await getPost(post.id, other).expect(404);
      const mine = await api(author).get(`/api/debates/${debate.id}/posts`).expect(200);
      expect(mine.body.items.map((item: TestPost) => item.id)).toEqual([post.id]);
      const theirs = await api(other).get(`/api/debates/${debate.id}/posts`).expect(200);
      expect(theirs.body.items).toEqual([]);
      const tree = await api(author).get(`/api/debates/${debate.id}/tree`).expect(200);
      expect(tree.body.items.map((item: TestPost) => item.status)).toEqual(['hidden']);
      expect((await api().get(`/api/debates/${debate.id}/tree`).expect(200)).body.items).toEqual([]);
    });

    it('the author alone recognises their tombstone, and why a moderator deleted it; their own delete says nothing', async () => {
      const { debate, author, post } = await mod.postedDebate('Gone by a decision');
      await mod.act(moderator, post.id, { action: 'delete', reason: 'Off topic' }).expect(200);
      const other = await make.user();
      expect((await getPost(post.id, author).expect(200)).body).toMatchObject({
        status: 'deleted',
        author: null,
        mine: true,
        statusReason: { cause: 'moderator', note: 'Off topic' },
      });
      expect((await getPost(post.id, other).expect(200)).body).toMatchObject({ mine: false, statusReason: null });
      const guest = (await getPost(post.id).expect(200)).body;
      expect(guest).toMatchObject({ author: null, statusReason: null });
      expect(guest).not.toHaveProperty('mine');
      const tree = await api(author).get(`/api/debates/${debate.id}/tree`).expect(200);
      expect(tree.body.items[0]).toMatchObject({ mine: true, statusReason: { cause: 'moderator' } });

      const inThread = await mod.postedDebate('Deleted from the thread');
      await api(moderator).delete(`/api/posts/${inThread.post.id}`).expect(204);
      expect((await getPost(inThread.post.id, inThread.author).expect(200)).body).toMatchObject({
        statusReason: { cause: 'moderator', note: 'Deleted in the thread by a moderator.' },
      });

      const own = await mod.postedDebate('Taken back');
      await api(own.author).delete(`/api/posts/${own.post.id}`).expect(204);
      expect((await getPost(own.post.id, own.author).expect(200)).body).toMatchObject({
        mine: true,
        statusReason: null,
      });
    });

    it('a resume brings the author the update of their hidden post, and nobody else', async () => {
      const { debate, author, post } = await hiddenPost();
      const watcher = await connect(app());
      const { seq: since } = (await request(watcher, 'debate:join', { debateId: debate.id })) as unknown as {
        seq: number;
      };
      await api(author).patch(`/api/posts/${post.id}`).send({ body: 'Reworded' }).expect(200);
      const asAuthor = await request(await mod.debateSocket(debate.id, author), 'debate:join', {
        debateId: debate.id,
        since,
      });
      const asGuest = await request(await mod.debateSocket(debate.id), 'debate:join', {
        debateId: debate.id,
        since,
      });
      const types = (ack: unknown) => (ack as { missed: WireEvent[] }).missed.map((event) => event.type);
      expect(types(asAuthor)).toEqual(['post.updated']);
      expect(types(asGuest)).toEqual([]);
    });
  });

  describe('appeals', () => {
    it('the author appeals once; a reversal restores the post for everyone and is logged', async () => {
      const { debate, author, post } = await mod.postedDebate();
      await mod.act(moderator, post.id, { action: 'hide', reason: 'Looks like spam' }).expect(200);
      const created = await appeal(author, { targetType: 'post', targetId: post.id, message: 'It is a source.' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        targetType: 'post',
        targetId: post.id,
        state: 'open',
        appealedAction: 'hide',
        decisionReason: null,
        decidedAt: null,
      });
      expect(
        (await appeal(author, { targetType: 'post', targetId: post.id, message: 'Again' }).expect(409)).body.code,
      ).toBe('already_appealed');

      const list = await api(moderator).get('/api/appeals').expect(200);
      expect(list.body.items).toContainEqual(
        expect.objectContaining({
          id: created.body.id,
          appellant: expect.objectContaining({ id: author.id }),
          decision: expect.objectContaining({
            action: 'hide',
            reason: 'Looks like spam',
            actor: expect.objectContaining({ id: moderator.id }),
          }),
          post: expect.objectContaining({ id: post.id, status: 'hidden' }),
        }),
      );

      const other = await make.user({ role: 'moderator' });
      const guest = await mod.debateSocket(debate.id);
      const restored = nextEvent<WireEvent>(guest, 'post.restored');
      const decided = await decide(other, created.body.id, {
        decision: 'reverse',
        reason: 'It is a source indeed',
      }).expect(200);
      expect(decided.body).toMatchObject({ state: 'reversed', decisionReason: 'It is a source indeed' });
      expect((await restored).data).toMatchObject({ id: post.id, status: 'visible' });
      await getPost(post.id).expect(200);
      expect((await logOf(post.id)).map((entry) => entry.action)).toEqual(['reverse_appeal', 'hide']);
      const mine = await api(author).get('/api/appeals/mine').expect(200);
      expect(mine.body.items[0]).toMatchObject({ id: created.body.id, state: 'reversed' });
      await decide(other, created.body.id, { decision: 'uphold', reason: 'Twice' }).expect(409);
    });

    it('an upheld appeal leaves the decision standing', async () => {
      const { author, post } = await mod.postedDebate();
      await mod.act(moderator, post.id, { action: 'hide', reason: 'Insult' }).expect(200);
      const created = await appeal(author, { targetType: 'post', targetId: post.id, message: 'Please' }).expect(201);
      const other = await make.user({ role: 'moderator' });
      await decide(other, created.body.id, { decision: 'uphold', reason: 'It is an insult' }).expect(200);
      expect((await getPost(post.id, author).expect(200)).body.status).toBe('hidden');
      expect((await logOf(post.id)).map((entry) => entry.action)).toEqual(['uphold_appeal', 'hide']);
    });

    it('a moderator may not decide an appeal against their own action while another moderator exists', async () => {
      const { author, post } = await mod.postedDebate();
      await mod.act(moderator, post.id, { action: 'hide', reason: 'Mine' }).expect(200);
      const created = await appeal(author, { targetType: 'post', targetId: post.id, message: 'Unfair' }).expect(201);
      expect(
        (await decide(moderator, created.body.id, { decision: 'uphold', reason: 'x' }).expect(403)).body.code,
      ).toBe('own_decision');
    });

    it('reversing a threshold hide, a deletion and a label undoes each', async () => {
      const other = await make.user({ role: 'moderator' });
      const reverse = async (author: TestUser, postId: string) => {
        const created = await appeal(author, {
          targetType: 'post',
          targetId: postId,
          message: 'Please look again',
        }).expect(201);
        await decide(other, created.body.id, { decision: 'reverse', reason: 'Agreed' }).expect(200);
      };

      const flagged = await mod.postedDebate();
      await mod.flaggedBy(3, flagged.post.id);
      await reverse(flagged.author, flagged.post.id);
      expect((await getPost(flagged.post.id).expect(200)).body.status).toBe('visible');

      const deleted = await mod.postedDebate('Words worth keeping');
      await mod.act(moderator, deleted.post.id, { action: 'delete', reason: 'Wrongly' }).expect(200);
      await reverse(deleted.author, deleted.post.id);
      expect((await getPost(deleted.post.id).expect(200)).body).toMatchObject({
        status: 'visible',
        body: 'Words worth keeping',
        author: { id: deleted.author.id },
      });

      const labelled = await mod.postedDebate();
      await label(moderator, labelled.post.id, CLIP).expect(200);
      await reverse(labelled.author, labelled.post.id);
      expect((await getPost(labelled.post.id).expect(200)).body.label).toBeNull();
    });

    it('the author of a post a watched word holds back may appeal the hold; a reversal publishes it', async () => {
      const word = uniqueWord();
      const rule = await mod.watch(moderator, word, 'review');
      try {
        const debate = await make.debate();
        const author = await make.user();
        const held = await mod.post(author, debate.id, { body: `Mentions ${word} in passing` });
        const created = await appeal(author, { targetType: 'post', targetId: held.id, message: 'Harmless' }).expect(
          201,
        );
        expect(created.body.appealedAction).toBe('hold');
        const other = await make.user({ role: 'moderator' });
        await decide(other, created.body.id, { decision: 'reverse', reason: 'Harmless indeed' }).expect(200);
        expect((await getPost(held.id).expect(200)).body.status).toBe('visible');
        expect(await mod.itemOf(moderator, held.id)).toBeUndefined();
      } finally {
        await mod.unwatch(moderator, rule.id);
      }
    });

    it('the author of a post pre-moderation holds may appeal the hold, once; a reversal approves it', async () => {
      const debate = await make.debate();
      await api(moderator).patch(`/api/debates/${debate.id}`).send({ premoderated: true }).expect(200);
      const author = await make.user();
      const held = await mod.post(author, debate.id);
      expect(held.status).toBe('pending');
      // The hold is the forum's own action, logged like the others, publicly without an actor.
      const public_ = (await api().get(`/api/transparency/log?targetId=${held.id}`).expect(200)).body.items;
      expect(public_).toEqual([expect.objectContaining({ action: 'hold', targetType: 'post', automatic: true })]);
      const created = await appeal(author, { targetType: 'post', targetId: held.id, message: 'Hurry' }).expect(201);
      expect(created.body).toMatchObject({ appealedAction: 'hold', state: 'open' });
      await appeal(author, { targetType: 'post', targetId: held.id, message: 'Again' }).expect(409);
      await appeal(await make.user(), { targetType: 'post', targetId: held.id, message: 'Me too' }).expect(403);
      const other = await make.user({ role: 'moderator' });
      await decide(other, created.body.id, { decision: 'reverse', reason: 'Fine to publish' }).expect(200);
      expect((await getPost(held.id).expect(200)).body.status).toBe('visible');
      expect(await mod.itemOf(moderator, held.id)).toBeUndefined();
      expect((await logOf(held.id)).map((entry) => entry.action)).toEqual(['reverse_appeal', 'hold']);
    });

    it('an upheld appeal on a pre-moderation hold leaves the post pending and in the queue', async () => {
      const debate = await make.debate();
      await api(moderator).patch(`/api/debates/${debate.id}`).send({ premoderated: true }).expect(200);
      const author = await make.user();
      const held = await mod.post(author, debate.id);
      const created = await appeal(author, { targetType: 'post', targetId: held.id, message: 'Hurry' }).expect(201);
      const other = await make.user({ role: 'moderator' });
      await decide(other, created.body.id, { decision: 'uphold', reason: 'Waits its turn' }).expect(200);
      expect((await getPost(held.id, author).expect(200)).body.status).toBe('pending');
      expect(await mod.itemOf(moderator, held.id)).toMatchObject({
        causes: [expect.objectContaining({ kind: 'premoderated' })],
      });
      expect((await logOf(held.id)).map((entry) => entry.action)).toEqual(['uphold_appeal', 'hold']);
      await appeal(author, { targetType: 'post', targetId: held.id, message: 'Again' }).expect(409);
      // An edit of the post still held is not a new hold, so it opens no second appeal.
      await api(author).patch(`/api/posts/${held.id}`).send({ body: 'Edited while waiting' }).expect(200);
      expect((await logOf(held.id)).map((entry) => entry.action)).toEqual(['uphold_appeal', 'hold']);
      await appeal(author, { targetType: 'post', targetId: held.id, message: 'Once more' }).expect(409);
    });

    it('a post held before holds were logged gets its entry from the migration, and can be appealed', async () => {
      const { author, post } = await mod.postedDebate();
      // As such a post was left: pending by pre-moderation, with nothing in the log.
      await app().dataSource.query(`UPDATE posts SET status = 'pending', status_cause = 'premoderated' WHERE id = $1`, [
        post.id,
      ]);
      const runner = app().dataSource.createQueryRunner();
      try {
        await new LogRuleHolds1764000740000().up(runner);
        await new LogRuleHolds1764000740000().up(runner); // once per post, however often it runs
      } finally {
        await runner.release();
      }
      expect(await logOf(post.id)).toEqual([
        expect.objectContaining({ action: 'hold', reason: expect.stringContaining('every new post'), automatic: true }),
      ]);
      await appeal(author, { targetType: 'post', targetId: post.id, message: 'Still waiting' }).expect(201);
    });

    it('a post a moderator deleted before tombstones kept the reason gets it from the migration', async () => {
      const { author, post } = await mod.postedDebate('Deleted before reasons were kept');
      await mod.act(moderator, post.id, { action: 'delete', reason: 'Doxxing' }).expect(200);
      const own = await mod.postedDebate('Withdrawn by its author');
      await api(own.author).delete(`/api/posts/${own.post.id}`).expect(204);
      // As such tombstones were left: no reason on the row.
      await app().dataSource.query(`UPDATE posts SET status_cause = NULL, status_note = NULL WHERE id = ANY($1)`, [
        [post.id, own.post.id],
      ]);
      const runner = app().dataSource.createQueryRunner();
      try {
        await new ModeratorDeleteReasons1764000750000().up(runner);
      } finally {
        await runner.release();
      }
      expect((await getPost(post.id, author).expect(200)).body.statusReason).toEqual({
        cause: 'moderator',
        note: 'Doxxing',
      });
      expect((await getPost(own.post.id, own.author).expect(200)).body.statusReason).toBeNull();
      await appeal(author, { targetType: 'post', targetId: post.id, message: 'It was my own address' }).expect(201);
    });

    it('a suspended person appeals their suspension, and a reversal lifts it', async () => {
      const person = await make.user();
      await suspend(moderator, person.id, { until: inAnHour(), reason: 'Mistaken identity' }).expect(200);
      const created = await appeal(person, { targetType: 'suspension', targetId: person.id, message: 'Not me' }).expect(
        201,
      );
      expect(created.body).toMatchObject({ targetType: 'suspension', appealedAction: 'suspend' });
      const other = await make.user({ role: 'moderator' });
      await decide(other, created.body.id, { decision: 'reverse', reason: 'Right, sorry' }).expect(200);
      expect((await api(person).get('/api/auth/me').expect(200)).body.suspendedUntil).toBeNull();
      expect((await logOf(person.id)).map((entry) => entry.action)).toEqual(['reverse_appeal', 'suspend']);
    });

    it('refuses appeals by others (403), without a decision (409), and bad input (400)', async () => {
      const { author, post } = await mod.postedDebate();
      const stranger = await make.user();
      expect(
        (await appeal(author, { targetType: 'post', targetId: post.id, message: 'x' }).expect(409)).body.code,
      ).toBe('not_appealable');
      await mod.act(moderator, post.id, { action: 'hide', reason: 'x' }).expect(200);
      await appeal(stranger, { targetType: 'post', targetId: post.id, message: 'x' }).expect(403);
      await appeal(stranger, { targetType: 'suspension', targetId: author.id, message: 'x' }).expect(403);
      await appeal(stranger, { targetType: 'suspension', targetId: stranger.id, message: 'x' }).expect(409);
      await appeal(author, { targetType: 'post', targetId: randomUUID(), message: 'x' }).expect(404);
      await appeal(author, { targetType: 'comment', targetId: post.id, message: 'x' }).expect(400);
      await appeal(author, { targetType: 'post', targetId: post.id, message: '' }).expect(400);
      await decide(moderator, randomUUID(), { decision: 'reverse', reason: 'x' }).expect(404);
      const open = await appeal(author, { targetType: 'post', targetId: post.id, message: 'Please' }).expect(201);
      await decide(moderator, open.body.id, { decision: 'maybe', reason: 'x' }).expect(400);
    });

    it('the moderators see appeals arrive and get decided, live', async () => {
      const socket = await mod.moderationSocket(moderator);
      const { author, post } = await mod.postedDebate();
      await mod.act(moderator, post.id, { action: 'hide', reason: 'x' }).expect(200);
      const arrived = nextEvent<WireEvent>(socket, 'appeal.created', (event) => event.data.targetId === post.id);
      await appeal(author, { targetType: 'post', targetId: post.id, message: 'Look again' }).expect(201);
      expect((await arrived).data).toMatchObject({ state: 'open', message: 'Look again' });
    });
  });

  describe("appeals on a new account's held posts", () => {
    let strict: TestApp;

    beforeAll(async () => {
      strict = await startTestApp({ NEW_ACCOUNT_REVIEW_POSTS: '1' });
    });
    afterAll(() => strict.close());

    it('lets the author appeal the hold, and a reversal publishes the post', async () => {
      const makeHere = makers(strict);
      const author = await makeHere.user();
      const debate = await makeHere.debate();
      const call = (user: TestUser) => apiAt(strict.url, user);
      const held = await call(author)
        .post(`/api/debates/${debate.id}/posts`)
        .send({ body: 'My first post' })
        .expect(201);
      expect(held.body.status).toBe('pending');
      const created = await call(author)
        .post('/api/appeals')
        .send({ targetType: 'post', targetId: held.body.id, message: 'I am new, not a spammer' })
        .expect(201);
      expect(created.body.appealedAction).toBe('hold');
      const reviewer = await makeHere.user({ role: 'moderator' });
      await call(reviewer)
        .post(`/api/appeals/${created.body.id}/decision`)
        .send({ decision: 'reverse', reason: 'Welcome' })
        .expect(200);
      expect((await apiAt(strict.url).get(`/api/posts/${held.body.id}`).expect(200)).body.status).toBe('visible');
    });
  });
});
