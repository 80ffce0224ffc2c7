import { randomUUID } from 'node:crypto';
import { Socket } from 'socket.io-client';
import { startTestApp, TestApp } from '../support/app';
import { makers, TestUser } from '../support/make';
import { connect, nextEvent, record, request, WireEvent } from '../support/sockets';

describe('real time', () => {
  let app: TestApp;
  let make: ReturnType<typeof makers>;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    make = makers(app);
  });
  afterEach(() => sockets.splice(0).forEach((socket) => socket.disconnect()));
  afterAll(() => app.close());

  async function open(user?: TestUser): Promise<Socket> {
    const socket = await connect(app.url, { token: user?.token });
    sockets.push(socket);
    return socket;
  }

  async function joined(debateId: string, user?: TestUser, since?: number) {
    const socket = await open(user);
    const ack = await request(socket, 'debate:join', since === undefined ? { debateId } : { debateId, since });
    expect(ack.ok).toBe(true);
    return {
      socket,
      ack: ack as { ok: true; seq: number; presence: { count: number }; missed: WireEvent[]; reload?: boolean },
    };
  }

  const post = (user: TestUser, debateId: string, body: object) =>
    app.http().post(`/api/debates/${debateId}/posts`).set(user.auth).send(body).expect(201);

  describe('joining', () => {
    it('acks with the stream seq, presence and no missed events without since', async () => {
      const debate = await make.debate();
      const { ack } = await joined(debate.id);
      expect(ack).toEqual({ ok: true, seq: 0, presence: { count: 1 }, missed: [] });
    });

    it.each([
      [{ debateId: 'nope' }, 400, 'debateId'],
      [{ debateId: randomUUID() }, 404, 'debate'],
      [{ debateId: randomUUID(), since: -1 }, 400, 'since'],
      [{ debateId: randomUUID(), since: 'x' }, 400, 'since'],
      [{}, 400, 'debateId'],
      ['just a string', 400, ''],
    ])('refuses %j with an error ack (%i)', async (payload, statusCode, word) => {
      const socket = await open();
      const ack = await request(socket, 'debate:join', payload);
      expect(ack).toEqual({ ok: false, error: expect.objectContaining({ statusCode }) });
      if (!ack.ok) expect(JSON.stringify(ack.error.message)).toContain(word);
    });

    it('refuses since in the future with 400', async () => {
      const debate = await make.debate();
      const socket = await open();
      const ack = await request(socket, 'debate:join', { debateId: debate.id, since: 99 });
      expect(ack).toMatchObject({ ok: false, error: { statusCode: 400, message: expect.stringContaining('ahead') } });
    });

    it('answers an unknown event with an error ack and keeps serving the socket', async () => {
      const debate = await make.debate();
      const socket = await open();
      expect(await request(socket, 'debate:explode', {})).toMatchObject({ ok: false, error: { statusCode: 404 } });
      expect((await request(socket, 'debate:join', { debateId: debate.id })).ok).toBe(true);
    });

    it('refuses an oversized payload with 413', async () => {
      const socket = await open();
      const ack = await request(socket, 'debate:join', { debateId: randomUUID(), padding: 'x'.repeat(70_000) });
      expect(ack).toMatchObject({ ok: false, error: { statusCode: 413 } });
    });
  });

  describe('broadcasts', () => {
    it('sends post.created to every reader, in seq order, as {type, stream, seq, data}', async () => {
      const debate = await make.debate();
      const readers = await Promise.all(Array.from({ length: 6 }, () => joined(debate.id)));
      const seen = readers.map(({ socket }) => record(socket, 'post.created'));
      const author = await make.user();
      const all = nextEventsOnAll(
        readers.map((r) => r.socket),
        3,
      );
      const created = [];
      for (const body of ['one', 'two', 'three']) created.push((await post(author, debate.id, { body })).body);
      await all;
      for (const events of seen) {
        expect(events.map((event) => event.data.id)).toEqual(created.map((p) => p.id));
        expect(events.map((event) => event.seq)).toEqual(created.map((p) => p.seq));
        expect(events[0]).toEqual({
          type: 'post.created',
          stream: `debate:${debate.id}`,
          seq: created[0].seq,
          data: expect.objectContaining({ body: 'one' }),
        });
      }
    });

    it('sends edits, votes and deletions', async () => {
      const debate = await make.debate();
      const author = await make.user();
      const { socket } = await joined(debate.id);
      const created = (await post(author, debate.id, { body: 'Original' })).body;
      const updated = nextEvent(socket, 'post.updated');
      await app.http().patch(`/api/posts/${created.id}`).set(author.auth).send({ body: 'Edited' }).expect(200);
      expect((await updated).data).toMatchObject({ id: created.id, body: 'Edited' });
      const voted = nextEvent(socket, 'post.voted');
      await app
        .http()
        .put(`/api/posts/${created.id}/vote`)
        .set((await make.user()).auth)
        .send({ value: 1 })
        .expect(200);
      expect((await voted).data).toEqual({ id: created.id, score: 1 });
      const deleted = nextEvent(socket, 'post.deleted');
      await app.http().delete(`/api/posts/${created.id}`).set(author.auth).expect(204);
      expect((await deleted).data).toEqual({ id: created.id });
    });

    it('sends debate.updated when a moderator changes the debate', async () => {
      const debate = await make.debate();
      const { socket } = await joined(debate.id);
      const updated = nextEvent(socket, 'debate.updated');
      await app
        .http()
        .patch(`/api/debates/${debate.id}`)
        .set((await make.user({ role: 'moderator' })).auth)
        .send({ slowModeSeconds: 5 })
        .expect(200);
      expect((await updated).data).toMatchObject({ id: debate.id, slowModeSeconds: 5 });
    });

    it('sends a pending post only to its author and moderators', async () => {
      const debate = await make.debate();
      const moderator = await make.user({ role: 'moderator' });
      await app.http().patch(`/api/debates/${debate.id}`).set(moderator.auth).send({ premoderated: true }).expect(200);
      const author = await make.user();
      const [authorSocket, modSocket, otherSocket, guestSocket] = [
        (await joined(debate.id, author)).socket,
        (await joined(debate.id, moderator)).socket,
        (await joined(debate.id, await make.user())).socket,
        (await joined(debate.id)).socket,
      ];
      const others = [record(otherSocket, 'post.created'), record(guestSocket, 'post.created')];
      const toAuthor = nextEvent(authorSocket, 'post.created');
      const toModerator = nextEvent(modSocket, 'post.created');
      const pending = (await post(author, debate.id, { body: 'Held back' })).body;
      expect((await toAuthor).data).toMatchObject({ id: pending.id, status: 'pending' });
      expect((await toModerator).data).toMatchObject({ id: pending.id });
      // A later public event reaches everyone; by then the pending post would have arrived before it.
      const marker = Promise.all([nextEvent(otherSocket, 'debate.updated'), nextEvent(guestSocket, 'debate.updated')]);
      await app.http().patch(`/api/debates/${debate.id}`).set(moderator.auth).send({ premoderated: false }).expect(200);
      await marker;
      expect(others).toEqual([[], []]);
      // ...and it is not in what they missed either.
      const rejoin = await joined(debate.id, undefined, 0);
      expect(rejoin.ack.missed.map((event) => event.type)).not.toContain('post.created');
      const authorRejoin = await joined(debate.id, author, 0);
      expect(authorRejoin.ack.missed.map((event) => event.type)).toContain('post.created');
    });

    it('stops sending after debate:leave', async () => {
      const debate = await make.debate();
      const { socket } = await joined(debate.id);
      expect(await request(socket, 'debate:leave', { debateId: debate.id })).toEqual({ ok: true });
      const seen = record(socket, 'post.created');
      const other = (await joined(debate.id)).socket;
      const arrived = nextEvent(other, 'post.created');
      await post(await make.user(), debate.id, { body: 'After leaving' });
      await arrived;
      expect(seen).toEqual([]);
    });
  });

  describe('posting over the socket', () => {
    it('creates a post with the same rules as REST and acks {ok, post}', async () => {
      const debate = await make.debate();
      const author = await make.user();
      const { socket } = await joined(debate.id, author);
      const reader = (await joined(debate.id)).socket;
      const seen = nextEvent(reader, 'post.created');
      const ack = await request(socket, 'post:create', {
        debateId: debate.id,
        body: 'Over the socket',
        stance: 'neutral',
      });
      expect(ack).toMatchObject({
        ok: true,
        post: { body: 'Over the socket', stance: 'neutral', author: { id: author.id } },
      });
      expect((await seen).data.body).toBe('Over the socket');
    });

    it('answers a guest with 401 and bad payloads with 400', async () => {
      const debate = await make.debate();
      const guest = await open();
      expect(await request(guest, 'post:create', { debateId: debate.id, body: 'Hi' })).toMatchObject({
        ok: false,
        error: { statusCode: 401 },
      });
      const socket = await open(await make.user());
      for (const payload of [
        { debateId: debate.id, body: 42 },
        { debateId: 'x', body: 'Hi' },
        { debateId: debate.id, body: '  ' },
        { debateId: debate.id, body: 'Hi', extra: 1 },
      ]) {
        expect(await request(socket, 'post:create', payload)).toMatchObject({ ok: false, error: { statusCode: 400 } });
      }
      expect(await request(socket, 'post:create', { debateId: randomUUID(), body: 'Hi' })).toMatchObject({
        ok: false,
        error: { statusCode: 404 },
      });
      expect((await app.http().get(`/api/debates/${debate.id}`)).body.postCount).toBe(0);
    });

    it('returns the first post for a retried clientId and broadcasts it once', async () => {
      const debate = await make.debate();
      const author = await make.user();
      const { socket } = await joined(debate.id, author);
      const reader = (await joined(debate.id)).socket;
      const seen = record(reader, 'post.created');
      const clientId = randomUUID();
      const first = await request(socket, 'post:create', { debateId: debate.id, body: 'Retry me', clientId });
      const again = await request(socket, 'post:create', { debateId: debate.id, body: 'Retry me', clientId });
      const rest = await app
        .http()
        .post(`/api/debates/${debate.id}/posts`)
        .set(author.auth)
        .send({ body: 'Retry me', clientId })
        .expect(200);
      expect(first.ok && again.ok).toBe(true);
      const id = (first as unknown as { post: { id: string } }).post.id;
      expect((again as unknown as { post: { id: string } }).post.id).toBe(id);
      expect(rest.body.id).toBe(id);
      // A later post marks the end: everything before it has arrived.
      const marker = nextEvent(reader, 'post.created', (event) => event.data.body === 'marker');
      await post(author, debate.id, { body: 'marker' });
      await marker;
      expect(seen.map((event) => event.data.id)).toEqual([id, expect.any(String)]);
    });

    it('refuses a signed-out token at once on an open socket', async () => {
      const author = await make.user();
      const debate = await make.debate();
      const socket = await open(author);
      await app.http().post('/api/auth/logout').set(author.auth).expect(204);
      expect(await request(socket, 'post:create', { debateId: debate.id, body: 'Still here?' })).toMatchObject({
        ok: false,
        error: { statusCode: 401 },
      });
    });
  });

  describe('resuming', () => {
    it('returns every event after since, in order, after a disconnect', async () => {
      const debate = await make.debate();
      const author = await make.user();
      const first = await joined(debate.id);
      const arrived = nextEvent(first.socket, 'post.created');
      await post(author, debate.id, { body: 'Before the drop' });
      const lastSeen = (await arrived).seq;
      first.socket.disconnect();
      const whileAway = [];
      for (const body of ['Away 1', 'Away 2', 'Away 3']) whileAway.push((await post(author, debate.id, { body })).body);
      const again = await joined(debate.id, undefined, lastSeen);
      expect(again.ack.missed.map((event) => event.data.id)).toEqual(whileAway.map((p) => p.id));
      expect(again.ack.missed.map((event) => event.seq)).toEqual([lastSeen + 1, lastSeen + 2, lastSeen + 3]);
      expect(again.ack.seq).toBe(lastSeen + 3);
    });

    it('replays posts as they are now: a deleted post as its tombstone, a hidden one not at all', async () => {
      const debate = await make.debate();
      const author = await make.user();
      const moderator = await make.user({ role: 'moderator' });
      const since = (await joined(debate.id)).ack.seq;
      const withdrawn = (await post(author, debate.id, { body: 'Words I take back', stance: 'pro' })).body;
      const hidden = (await post(author, debate.id, { body: 'Words the moderators hid' })).body;
      await app.http().delete(`/api/posts/${withdrawn.id}`).set(author.auth).expect(204);
      await app.dataSource.query(`UPDATE posts SET status = 'hidden' WHERE id = $1`, [hidden.id]);

      const { ack } = await joined(debate.id, undefined, since);
      expect(JSON.stringify(ack.missed)).not.toContain('Words');
      expect(ack.missed.map((event) => [event.type, event.data.id])).toEqual([
        ['post.created', withdrawn.id],
        ['post.deleted', withdrawn.id],
      ]);
      expect(ack.missed[0].data).toMatchObject({ status: 'deleted', body: '', author: null });

      const staff = await joined(debate.id, moderator, since);
      expect(staff.ack.missed.map((event) => event.data.id)).toContain(hidden.id);
    });

    it('caps missed at 1,000 and tells the client to reload', async () => {
      const debate = await make.debate();
      await app.dataSource.query(`INSERT INTO streams (name, last_seq) VALUES ($1, 1005)`, [`debate:${debate.id}`]);
      await app.dataSource.query(
        `INSERT INTO events (stream, seq, type, payload) SELECT $1, n, 'debate.updated', '{}'::jsonb FROM generate_series(1, 1005) n`,
        [`debate:${debate.id}`],
      );
      const { ack } = await joined(debate.id, undefined, 0);
      expect(ack.missed).toHaveLength(1000);
      expect(ack.missed[999].seq).toBe(1000);
      expect(ack.reload).toBe(true);
    });
  });

  describe('presence and typing', () => {
    it('counts people up and down, each signed-in person once', async () => {
      const debate = await make.debate();
      const watcher = (await joined(debate.id)).socket;
      const person = await make.user();
      const counts: number[] = [];
      watcher.on('presence', (event: { count: number }) => counts.push(event.count));
      const second = await joined(debate.id, person);
      const third = await joined(debate.id, person);
      expect(third.ack.presence).toEqual({ count: 2 });
      await waitFor(() => counts[counts.length - 1] === 2);
      second.socket.disconnect();
      third.socket.disconnect();
      await waitFor(() => counts[counts.length - 1] === 1);
    });

    it('relays typing to the others, rate-limited, and refuses guests', async () => {
      const debate = await make.debate();
      const typist = await make.user();
      const { socket } = await joined(debate.id, typist);
      const other = (await joined(debate.id)).socket;
      const relayed = record(other, 'typing');
      const first = nextEvent<{ stream: string; user: object }>(other, 'typing');
      expect(await request(socket, 'typing', { debateId: debate.id })).toEqual({ ok: true });
      expect(await request(socket, 'typing', { debateId: debate.id })).toEqual({ ok: true });
      expect(await first).toEqual({
        stream: `debate:${debate.id}`,
        user: { id: typist.id, username: typist.username, displayName: typist.displayName },
      });
      const marker = nextEvent(other, 'post.created');
      await post(typist, debate.id, { body: 'marker' });
      await marker;
      expect(relayed).toHaveLength(1);
      const guest = (await joined(debate.id)).socket;
      expect(await request(guest, 'typing', { debateId: debate.id })).toMatchObject({
        ok: false,
        error: { statusCode: 401 },
      });
      expect(await request(socket, 'typing', { debateId: randomUUID() })).toMatchObject({
        ok: false,
        error: { statusCode: 404 },
      });
      const elsewhere = await make.debate();
      expect(await request(socket, 'typing', { debateId: elsewhere.id })).toMatchObject({
        ok: false,
        error: { statusCode: 400, message: expect.stringContaining('Join the debate') },
      });
    });
  });

  describe('floods', () => {
    it('answers 429 past 100 messages in 10 s and then disconnects a socket that keeps on', async () => {
      const socket = await open();
      const acks = await Promise.all(
        Array.from({ length: 120 }, () => request(socket, 'debate:leave', { debateId: randomUUID() })),
      );
      expect(acks.slice(0, 100).every((ack) => ack.ok)).toBe(true);
      expect(acks[110]).toMatchObject({ ok: false, error: { statusCode: 429, retryAfter: expect.any(Number) } });
      const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));
      for (let i = 0; i < 100; i++) socket.emit('debate:leave', { debateId: randomUUID() });
      await disconnected;
      // Everyone else is still served.
      expect((await request(await open(), 'debate:leave', { debateId: randomUUID() })).ok).toBe(true);
    });
  });
});

function nextEventsOnAll(sockets: Socket[], count: number): Promise<void[]> {
  return Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          let seen = 0;
          socket.on('post.created', () => {
            if (++seen === count) resolve();
          });
        }),
    ),
  );
}

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
