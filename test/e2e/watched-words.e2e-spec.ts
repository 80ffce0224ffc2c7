import { randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import { Socket } from 'socket.io-client';
import { ChangeNotices } from '../../src/database/change-notices';
import { apiAt } from '../support/api';
import { startTestApp, TestApp } from '../support/app';
import { makers, TestUser } from '../support/make';
import { moderationHelpers, uniqueWord } from '../support/moderation';
import { pollUntil } from '../support/poll';
import { connect, request } from '../support/sockets';

const FIVE_SECONDS = { withinMs: 5000, everyMs: 25 };

/** Waits (at most 5 s) until the node listens for change notices, or (`false`) until it has stopped. */
async function noticesListening(notices: ChangeNotices, listening = true) {
  const isListening = () => notices.generation('watched_words') !== null;
  expect(await pollUntil(isListening, (now) => now === listening, FIVE_SECONDS)).toBe(listening);
}

/**
 * Sends `post` until it answers `status`, for at most 5 s. Another node applies a change once its change notice
 * arrives, which a post sent on the moderator's answer can overtake; waiting for the node's generation to move is not
 * enough, since other test files' changes to the list move it too. Without notices the node would keep its list for
 * 10 s, so this still fails if they do not work.
 */
async function eventually(post: () => Test, status: number) {
  const answered = await pollUntil(
    async () => (await post()).status,
    (now) => now === status,
    FIVE_SECONDS,
  );
  expect(answered).toBe(status);
}

/** Watched words as the posting pipeline applies them, to new posts and to edits, on every node. */
describe('watched words', () => {
  let app: TestApp;
  let make: ReturnType<typeof makers>;
  let mod: ReturnType<typeof moderationHelpers>;
  let moderator: TestUser;
  const rules: string[] = [];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    make = makers(app);
    mod = moderationHelpers(app, make);
    moderator = await make.user({ role: 'moderator' });
  });
  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.disconnect());
    // Watched words apply to the whole shared database: take each test's words off again.
    for (const id of rules.splice(0)) await mod.unwatch(moderator, id);
  });
  afterAll(() => app.close());
  const api = (user?: TestUser) => apiAt(app.url, user);

  async function watch(pattern: string, action: 'block' | 'review' | 'flag') {
    const rule = await mod.watch(moderator, pattern, action);
    rules.push(rule.id);
    return rule;
  }

  const create = (user: TestUser, debateId: string, body: object) =>
    api(user).post(`/api/debates/${debateId}/posts`).send(body);
  const edit = (user: TestUser, postId: string, body: string) => api(user).patch(`/api/posts/${postId}`).send({ body });

  describe('the list', () => {
    it('creates, lists newest first and deletes, each change in the log', async () => {
      const word = uniqueWord();
      const rule = await mod.watch(moderator, `${word}*`, 'review');
      expect(rule).toEqual({
        id: expect.any(String),
        pattern: `${word}*`,
        action: 'review',
        createdAt: expect.any(String),
      });
      const list = await api(moderator).get('/api/moderation/watched-words').expect(200);
      expect(list.body.items[0]).toEqual(rule);
      await mod.unwatch(moderator, rule.id);
      const log = await api(moderator).get(`/api/moderation/log?targetId=${rule.id}`).expect(200);
      expect(log.body.items.map((entry: { action: string }) => entry.action)).toEqual([
        'remove_watched_word',
        'add_watched_word',
      ]);
      await api(moderator).delete(`/api/moderation/watched-words/${rule.id}`).expect(404);
    });

    it('refuses the same pattern twice, whatever its case and spacing (409)', async () => {
      const word = uniqueWord();
      await watch(`Fake ${word}`, 'flag');
      const again = await api(moderator)
        .post('/api/moderation/watched-words')
        .send({ pattern: `FAKE   ${word.toUpperCase()}`, action: 'block' })
        .expect(409);
      expect(again.body.code).toBe('duplicate_pattern');
    });

    it.each([
      ['an empty pattern', { pattern: '', action: 'block' }, 'pattern'],
      ['a blank pattern', { pattern: '   ', action: 'block' }, 'pattern'],
      ['a 10,000-character pattern', { pattern: 'x'.repeat(10_000), action: 'block' }, 'pattern'],
      ['a 101-character pattern', { pattern: 'x'.repeat(101), action: 'block' }, 'pattern'],
      ['wildcards alone', { pattern: '**', action: 'block' }, 'letter or a digit'],
      ['punctuation alone', { pattern: '?!', action: 'review' }, 'letter or a digit'],
      ['an unknown action', { pattern: 'fine', action: 'censor' }, 'action'],
      ['an unknown field', { pattern: 'fine', action: 'block', regex: true }, 'regex'],
    ])('refuses %s with 400 and adds nothing', async (_case, body, word) => {
      const before = await api(moderator).get('/api/moderation/watched-words?limit=1').expect(200);
      const response = await api(moderator).post('/api/moderation/watched-words').send(body).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(word);
      const after = await api(moderator).get('/api/moderation/watched-words?limit=1').expect(200);
      expect(after.body.items).toEqual(before.body.items);
    });
  });

  describe('on new posts', () => {
    it('refuses a blocked word with 422 naming the rule, and hands the draft back', async () => {
      const word = uniqueWord();
      await watch(word, 'block');
      const debate = await make.debate();
      const draft = { body: `This is ${word.toUpperCase()}, clearly.`, stance: 'pro' };
      const refused = await create(await make.user(), debate.id, draft).expect(422);
      expect(refused.body).toMatchObject({
        statusCode: 422,
        code: 'watched_word',
        pattern: word,
        message: expect.stringContaining(`"${word}"`),
        draft: { body: draft.body, stance: 'pro' },
      });
      expect((await api().get(`/api/debates/${debate.id}`).expect(200)).body.postCount).toBe(0);
    });

    it('holds a review word as pending, shown to its author with the reason, queued and logged', async () => {
      const word = `Überzq${uniqueWord('')}`;
      await watch(word, 'review');
      const debate = await make.debate();
      const author = await make.user();
      const held = (await create(author, debate.id, { body: `Very ${word.toUpperCase()} indeed` }).expect(201)).body;
      expect(held).toMatchObject({ status: 'pending', statusReason: { cause: 'watched_word', note: word } });
      await api().get(`/api/posts/${held.id}`).expect(404);
      expect((await mod.itemOf(moderator, held.id))!.causes).toEqual([
        { kind: 'watched_word', pattern: word, action: 'review' },
      ]);
      const log = await api().get(`/api/transparency/log?targetId=${held.id}`).expect(200);
      expect(log.body.items).toEqual([
        expect.objectContaining({ action: 'hold', automatic: true, category: 'watched_word' }),
      ]);
      expect(JSON.stringify(log.body)).not.toContain(word);
    });

    it('publishes a flag word and puts the post in the queue, flagged by the forum', async () => {
      const word = uniqueWord();
      await watch(`${word}*`, 'flag');
      const debate = await make.debate();
      const post = (await create(await make.user(), debate.id, { body: `Look: ${word}ing` }).expect(201)).body;
      expect(post.status).toBe('visible');
      await api().get(`/api/posts/${post.id}`).expect(200);
      expect((await mod.itemOf(moderator, post.id))!.causes).toEqual([
        { kind: 'watched_word', pattern: `${word}*`, action: 'flag' },
      ]);
    });

    it('matches whole words only, and German words by their folded form', async () => {
      const word = uniqueWord();
      const sharp = `Straße${uniqueWord('')}`;
      await watch(word, 'block');
      await watch(sharp, 'block');
      const debate = await make.debate();
      const author = await make.user();
      await create(author, debate.id, { body: `${word}s and pre${word} are other words` }).expect(201);
      await create(author, debate.id, { body: `(${word})` }).expect(422);
      const folded = await create(author, debate.id, { body: sharp.toUpperCase().replace('ß', 'SS') }).expect(422);
      expect(folded.body.pattern).toBe(sharp);
    });

    it('lets moderators through', async () => {
      const word = uniqueWord();
      await watch(word, 'block');
      const debate = await make.debate();
      await create(moderator, debate.id, { body: `Quoting "${word}" to explain a decision` }).expect(201);
    });

    it('stops applying a word once it is deleted', async () => {
      const word = uniqueWord();
      const rule = await mod.watch(moderator, word, 'block');
      const debate = await make.debate();
      const author = await make.user();
      await create(author, debate.id, { body: word }).expect(422);
      await mod.unwatch(moderator, rule.id);
      await create(author, debate.id, { body: word }).expect(201);
    });

    it('applies on every node once its change notice arrives (each node compiles the list it reads)', async () => {
      const other = await startTestApp();
      const notices = other.app.get(ChangeNotices);
      try {
        const debate = await make.debate();
        const author = await make.user();
        const word = uniqueWord();
        const post = () => apiAt(other.url, author).post(`/api/debates/${debate.id}/posts`).send({ body: word });
        await noticesListening(notices);
        // The other node compiles the list as it is now...
        await post().expect(201);
        // ...then the word is watched through this one, and the other node refuses it once the notice is there.
        await watch(word, 'block');
        await eventually(post, 422);
      } finally {
        await other.close();
      }
    });

    it('applies on a node whose change listener was cut, and again once it listens', async () => {
      const other = await startTestApp();
      const notices = other.app.get(ChangeNotices);
      try {
        const debate = await make.debate();
        const author = await make.user();
        const post = (body: string) => apiAt(other.url, author).post(`/api/debates/${debate.id}/posts`).send({ body });
        await noticesListening(notices);
        await post('The list compiled on the other node.').expect(201);
        // Its listening connection is ended by PostgreSQL: until it listens again it checks the list on every post.
        await app.dataSource.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`,
        );
        await noticesListening(notices, false);
        const word = uniqueWord();
        const rule = await watch(word, 'block');
        await post(word).expect(422);
        // Listening again (it retries after half a second): a removal made elsewhere reaches it by notice.
        await noticesListening(notices);
        await post(word).expect(422);
        await mod.unwatch(moderator, rule.id);
        rules.splice(rules.indexOf(rule.id), 1);
        await eventually(() => post(word), 201);
      } finally {
        await other.close();
      }
    });

    it('applies to posts over the socket too', async () => {
      const word = uniqueWord();
      await watch(word, 'block');
      const debate = await make.debate();
      const author = await make.user();
      const socket = await connect(app, { user: author });
      sockets.push(socket);
      const ack = await request(socket, 'post:create', { debateId: debate.id, body: `say ${word}` });
      expect(ack).toMatchObject({
        ok: false,
        error: { statusCode: 422, code: 'watched_word', draft: { body: `say ${word}` } },
      });
    });
  });

  describe('on edits', () => {
    it('refuses a blocked word and keeps the post as it was', async () => {
      const word = uniqueWord();
      await watch(word, 'block');
      const { author, post } = await mod.postedDebate('Harmless words');
      const refused = await edit(author, post.id, `Now ${word}`).expect(422);
      expect(refused.body).toMatchObject({ code: 'watched_word', draft: { body: `Now ${word}` } });
      expect((await api().get(`/api/posts/${post.id}`).expect(200)).body.body).toBe('Harmless words');
    });

    it('hides a published post whose edit brings a review word, and queues it', async () => {
      const word = uniqueWord();
      await watch(word, 'review');
      const { author, post } = await mod.postedDebate('Harmless words');
      const edited = await edit(author, post.id, `Now ${word}`).expect(200);
      expect(edited.body).toMatchObject({ status: 'hidden', statusReason: { cause: 'watched_word', note: word } });
      await api().get(`/api/posts/${post.id}`).expect(404);
      expect((await mod.itemOf(moderator, post.id))!.causes).toEqual([
        { kind: 'watched_word', pattern: word, action: 'review' },
      ]);
    });
  });

  it('refuses in pipeline order: suspended 403, locked 423, slow mode 429, watched word 422, then pending', async () => {
    const word = uniqueWord();
    await watch(word, 'block');
    const debate = await make.debate();
    const author = await make.user();
    const patch = (body: object) => api(moderator).patch(`/api/debates/${debate.id}`).send(body).expect(200);
    await patch({ premoderated: true, slowModeSeconds: 3600 });
    expect((await create(author, debate.id, { body: 'A first post' }).expect(201)).body.status).toBe('pending');
    await patch({ status: 'locked' });
    await api(moderator)
      .post(`/api/moderation/users/${author.id}/suspend`)
      .send({ until: new Date(Date.now() + 3_600_000).toISOString(), reason: 'Cooling off' })
      .expect(200);
    const draft = { body: `Now with ${word}` };

    expect((await create(author, debate.id, draft).expect(403)).body.code).toBe('suspended');
    await api(moderator).post(`/api/moderation/users/${author.id}/unsuspend`).send({}).expect(200);
    expect((await create(author, debate.id, draft).expect(423)).body.code).toBe('debate_locked');
    await patch({ status: 'open' });
    expect((await create(author, debate.id, draft).expect(429)).body.code).toBe('slow_mode');
    await patch({ slowModeSeconds: 0 });
    expect((await create(author, debate.id, draft).expect(422)).body.code).toBe('watched_word');
    const held = await create(author, debate.id, { body: 'Now without it' }).expect(201);
    expect(held.body).toMatchObject({ status: 'pending', statusReason: { cause: 'premoderated' } });
  });

  it('answers 404 for deleting a watched word that does not exist', async () => {
    await api(moderator).delete(`/api/moderation/watched-words/${randomUUID()}`).expect(404);
  });
});
