import { randomUUID } from 'node:crypto';
import { Socket } from 'socket.io-client';
import type { Role } from '../../src/common/auth/actor';
import { apiAt } from '../support/api';
import { startTestApp, TestApp } from '../support/app';
import { makers, TestUser } from '../support/make';
import { connect, request } from '../support/sockets';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call what: every moderation endpoint and socket message, for each kind of caller. */
describe('moderation access', () => {
  let app: TestApp;
  let make: ReturnType<typeof makers>;
  const users = {} as Record<Role, TestUser>;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    make = makers(app);
    for (const role of ['participant', 'organiser', 'moderator', 'admin'] as const)
      users[role] = await make.user({ role });
  });
  afterEach(() => sockets.splice(0).forEach((socket) => socket.disconnect()));
  afterAll(() => app.close());
  const api = (user?: TestUser) => apiAt(app.url, user);

  const id = randomUUID();
  const MODERATOR_ONLY: [Method, string, object?][] = [
    ['get', '/api/moderation/queue'],
    ['post', `/api/moderation/posts/${id}/actions`, { action: 'hide', reason: 'x' }],
    ['put', `/api/moderation/posts/${id}/label`, { kind: 'satire', note: 'x', reason: 'x' }],
    ['delete', `/api/moderation/posts/${id}/label`, { reason: 'x' }],
    ['post', `/api/moderation/users/${id}/suspend`, { until: '2099-01-01T00:00:00.000Z', reason: 'x' }],
    ['post', `/api/moderation/users/${id}/unsuspend`, {}],
    ['get', '/api/moderation/suspensions'],
    ['get', '/api/moderation/watched-words'],
    ['post', '/api/moderation/watched-words', { pattern: 'anything', action: 'flag' }],
    ['delete', `/api/moderation/watched-words/${id}`],
    ['get', '/api/moderation/log'],
    ['get', '/api/moderation/log?format=csv'],
    ['get', '/api/appeals'],
    ['post', `/api/appeals/${id}/decision`, { decision: 'uphold', reason: 'x' }],
  ];

  function call(method: Method, path: string, body?: object, user?: TestUser) {
    const test = api(user)[method](path);
    return body ? test.send(body) : test;
  }

  describe.each(MODERATOR_ONLY)('%s %s', (method, path, body) => {
    it('answers 401 to a guest', async () => {
      expect((await call(method, path, body).expect(401)).body.code).toBe('unauthenticated');
    });

    it.each(['participant', 'organiser'] as const)('answers 403 to an %s', async (role) => {
      expect((await call(method, path, body, users[role]).expect(403)).body.code).toBe('forbidden');
    });

    it.each(['moderator', 'admin'] as const)('lets a %s through', async (role) => {
      const response = await call(method, path, body, users[role]);
      expect([401, 403]).not.toContain(response.status);
    });
  });

  it('lets a suspended moderator do nothing (403 with the suspension)', async () => {
    const suspended = await make.user({ role: 'moderator' });
    await call(
      'post',
      `/api/moderation/users/${suspended.id}/suspend`,
      { until: '2099-01-01T00:00:00.000Z', reason: 'On leave' },
      users.admin,
    ).expect(200);
    for (const [method, path, body] of MODERATOR_ONLY) {
      expect((await call(method, path, body, suspended).expect(403)).body.code).toBe('suspended');
    }
    const socket = await connect(app, { user: suspended });
    sockets.push(socket);
    expect(await request(socket, 'moderation:join', {})).toMatchObject({ ok: false, error: { statusCode: 403 } });
  });

  it.each([
    ['post', `/api/posts/${id}/flags`, { reason: 'spam' }],
    ['post', '/api/appeals', { targetType: 'post', targetId: id, message: 'x' }],
    ['get', '/api/appeals/mine', undefined],
  ] as [Method, string, object?][])('%s %s needs an account (401 for guests), no role', async (method, path, body) => {
    await call(method, path, body).expect(401);
    const response = await call(method, path, body, users.participant);
    expect([401, 403]).not.toContain(response.status);
  });

  it.each(['/api/transparency/log', '/api/transparency/log?format=csv', '/api/transparency/summary'])(
    'GET %s is open to guests',
    async (path) => {
      await api().get(path).expect(200);
    },
  );

  describe('moderation:join', () => {
    async function join(user?: TestUser) {
      const socket = await connect(app, { user: user });
      sockets.push(socket);
      return request(socket, 'moderation:join', {});
    }

    it('answers 401 to a guest', async () => {
      expect(await join()).toMatchObject({ ok: false, error: { statusCode: 401 } });
    });

    it.each(['participant', 'organiser'] as const)('answers 403 to an %s', async (role) => {
      expect(await join(users[role])).toMatchObject({ ok: false, error: { statusCode: 403 } });
    });

    it.each(['moderator', 'admin'] as const)('lets a %s in', async (role) => {
      expect(await join(users[role])).toMatchObject({ ok: true, seq: expect.any(Number), missed: [] });
    });

    it('refuses a role taken away after the socket connected', async () => {
      const former = await make.user({ role: 'moderator' });
      const socket = await connect(app, { user: former });
      sockets.push(socket);
      await call('patch', `/api/users/${former.id}/role`, { role: 'participant' }, users.admin).expect(200);
      expect(await request(socket, 'moderation:join', {})).toMatchObject({ ok: false, error: { statusCode: 403 } });
    });

    it('refuses unknown fields and a bad since with 400', async () => {
      const socket = await connect(app, { user: users.moderator });
      sockets.push(socket);
      expect(await request(socket, 'moderation:join', { since: -1 })).toMatchObject({
        ok: false,
        error: { statusCode: 400 },
      });
      expect(await request(socket, 'moderation:join', { debateId: id })).toMatchObject({
        ok: false,
        error: { statusCode: 400 },
      });
    });

    it('sends nothing of the stream to sockets that never joined it', async () => {
      const participant = await connect(app, { user: users.participant });
      sockets.push(participant);
      await join(users.participant);
      const seen: string[] = [];
      participant.onAny((event) => seen.push(event));
      const moderator = await connect(app, { user: users.moderator });
      sockets.push(moderator);
      await request(moderator, 'moderation:join', {});
      const logged = new Promise<{ data: { id: string } }>((resolve) => moderator.once('log.appended', resolve));
      const rule = await call(
        'post',
        '/api/moderation/watched-words',
        { pattern: `zqaccess${Date.now()}`, action: 'flag' },
        users.moderator,
      ).expect(201);
      // Ids are UUIDs, the same as the log lists.
      const { data: entry } = await logged;
      const listed = await call('get', `/api/moderation/log?targetId=${rule.body.id}`, undefined, users.moderator);
      expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([entry.id]);
      expect(entry.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      await call('delete', `/api/moderation/watched-words/${rule.body.id}`, undefined, users.moderator).expect(204);
      // A later event the participant does receive: anything sent before it has arrived by then.
      const debate = await make.debate();
      await request(participant, 'debate:join', { debateId: debate.id });
      const marker = new Promise((resolve) => participant.once('post.created', resolve));
      await call('post', `/api/debates/${debate.id}/posts`, { body: 'marker' }, users.organiser).expect(201);
      await marker;
      expect(seen).toContain('post.created');
      const moderationEvents = ['flag.created', 'queue.updated', 'log.appended', 'appeal.created', 'appeal.decided'];
      expect(seen.filter((event) => moderationEvents.includes(event))).toEqual([]);
    });
  });
});
