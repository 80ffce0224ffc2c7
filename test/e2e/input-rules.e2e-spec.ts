import { Socket } from 'socket.io-client';
import { apiAt } from '../support/api';
import { startTestApp, TestApp } from '../support/app';
import { makers, TestUser, uniqueName } from '../support/make';
import { connect, request } from '../support/sockets';

/** Input the database cannot hold exactly is refused where it comes in, naming the field; never a 500. */
describe('payload rules', () => {
  let app: TestApp;
  let make: ReturnType<typeof makers>;
  let author: TestUser;
  let organiser: TestUser;
  let debate: { id: string };
  let socket: Socket;

  beforeAll(async () => {
    app = await startTestApp();
    make = makers(app);
    [author, organiser] = await Promise.all([make.user(), make.user({ role: 'organiser' })]);
    debate = await make.debate();
    socket = await connect(app, { user: author });
  });
  afterAll(async () => {
    socket?.disconnect();
    await app?.close();
  });

  const expect400Naming = (response: { status: number; body: { message: unknown } }, field: string) => {
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.message)).toContain(field);
  };

  // In a URL a lone surrogate can only arrive as the UTF-8 bytes it has no right to (CESU-8).
  describe.each([
    ['NUL', 'a\u0000b', 'a%00b', 'NUL'],
    ['a lone high surrogate', 'a\ud800b', 'a%ED%A0%80b', 'surrogate'],
    ['a lone low surrogate', '\udc00', '%ED%B0%80', 'surrogate'],
  ])('%s in text', (_name, bad, inUrl, reason) => {
    it.each([
      ['register', 'username', '/api/auth/register', () => ({ username: bad, password: 'long enough' })],
      ['register', 'password', '/api/auth/register', () => ({ username: uniqueName(), password: `long ${bad}` })],
      [
        'register',
        'displayName',
        '/api/auth/register',
        () => ({ username: uniqueName(), password: 'long enough', displayName: bad }),
      ],
      ['login', 'username', '/api/auth/login', () => ({ username: bad, password: 'long enough' })],
      ['login', 'password', '/api/auth/login', () => ({ username: 'someone', password: bad })],
    ])('%s refuses it in %s with a 400 naming the field', async (_route, field, path, body) => {
      const response = await apiAt(app.url).post(path).send(body());
      expect400Naming(response, field);
      expect(JSON.stringify(response.body.message)).toContain(reason);
    });

    it.each([
      ['question', { question: `A question ${bad}?` }],
      ['description', { question: 'A fine question?', description: bad }],
    ])('a new debate refuses it in %s', async (field, body) => {
      expect400Naming(await apiAt(app.url).post('/api/debates').set(organiser.auth).send(body), field);
    });

    it.each([
      ['body', { body: `Argument ${bad}` }],
      ['quote', { body: 'Argument', quote: bad }],
    ])('a new post refuses it in %s, over REST and socket alike', async (field, body) => {
      expect400Naming(await apiAt(app.url).post(`/api/debates/${debate.id}/posts`).set(author.auth).send(body), field);
      const ack = await request(socket, 'post:create', { debateId: debate.id, ...body });
      expect(ack).toMatchObject({ ok: false, error: { statusCode: 400 } });
      expect(JSON.stringify(ack)).toContain(field);
    });

    it('an edit refuses it in body', async () => {
      const post = await apiAt(app.url)
        .post(`/api/debates/${debate.id}/posts`)
        .set(author.auth)
        .send({ body: 'Fine' })
        .expect(201);
      const response = await apiAt(app.url)
        .patch(`/api/posts/${post.body.id}`)
        .set(author.auth)
        .send({ body: `Edited ${bad}` });
      expect400Naming(response, 'body');
    });

    it('a path parameter refuses it, naming the parameter', async () => {
      const response = await apiAt(app.url).get(`/api/articles/sora${inUrl}`);
      expect(response.status).toBe(400);
      expect(response.body.statusCode).toBe(400);
    });

    it('a query parameter refuses it, naming the parameter', async () => {
      const response = await apiAt(app.url).get(`/api/debates?cursor=${inUrl}`);
      expect(response.status).toBe(400);
      expect(response.body.statusCode).toBe(400);
    });

    it('a field name refuses it', async () => {
      const response = await apiAt(app.url)
        .post('/api/auth/login')
        .send({ username: 'someone', password: 'long enough', [`x${bad}`]: 1 });
      expect(response.status).toBe(400);
    });
  });

  it('accepts text with surrogate pairs (emoji) and reads it back exactly', async () => {
    const body = 'Emoji 👍🏽 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, RTL \u202Eevil\u202C.';
    const created = await apiAt(app.url).post(`/api/debates/${debate.id}/posts`).set(author.auth).send({ body });
    expect(created.status).toBe(201);
    const read = await apiAt(app.url).get(`/api/posts/${created.body.id}`).expect(200);
    expect(read.body.body).toBe(body);
  });

  describe('nesting', () => {
    const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

    it.each([33, 5000, 100_000])('refuses a body nested %i levels deep with 400', async (levels) => {
      const response = await apiAt(app.url)
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(`{"username":"someone","password":"long enough","x":${nested(levels)}}`);
      expect(response.status).toBe(400);
      expect(response.body.statusCode).toBe(400);
    });

    it.each([33, 5000, 100_000])('refuses a socket message nested %i levels deep in its ack', async (levels) => {
      // Written as a raw socket.io EVENT packet (`2<ack id>[event, payload]`): the client library cannot encode it.
      const answered = new Promise<unknown[]>((resolve) => {
        const onPacket = (packet: { type: number; id?: number; data?: unknown[] }) => {
          if (packet.type !== 3 || packet.id !== 917) return; // an ACK for our id
          socket.io.off('packet', onPacket);
          resolve(packet.data!);
        };
        socket.io.on('packet', onPacket);
      });
      socket.io.engine.write(`2917["post:create",{"debateId":"${debate.id}","body":"x","deep":${nested(levels)}}]`);
      const [ack] = await answered;
      expect(ack).toMatchObject({ ok: false, error: { statusCode: 400 } });
      expect((await request(socket, 'debate:join', { debateId: debate.id })).ok).toBe(true);
    });
  });

  describe('encoding', () => {
    // fetch sends the bytes as they are (supertest would serialise a Buffer as JSON).
    const raw = async (bytes: Buffer, type = 'application/json') => {
      const response = await fetch(`${app.url}/api/debates/${debate.id}/posts`, {
        method: 'POST',
        headers: { ...author.auth, 'Content-Type': type },
        body: bytes,
      });
      return { status: response.status, body: (await response.json()) as { message: string } };
    };

    it('refuses a body that is not valid UTF-8 with 400, storing nothing', async () => {
      const marker = uniqueName('latin');
      const bytes = Buffer.concat([
        Buffer.from(`{"body":"${marker} caf`),
        Buffer.from([0xe9]), // "é" in Latin-1: not UTF-8
        Buffer.from('"}'),
      ]);
      const response = await raw(bytes);
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('UTF-8');
      const list = await apiAt(app.url).get(`/api/debates/${debate.id}/posts?sort=new&limit=200`).expect(200);
      expect(JSON.stringify(list.body)).not.toContain(marker);
    });

    it('refuses overlong and surrogate encodings in UTF-8', async () => {
      for (const bad of [
        [0xc0, 0xaf],
        [0xed, 0xa0, 0x80],
        [0xf8, 0x88, 0x80, 0x80, 0x80],
      ]) {
        const response = await raw(Buffer.concat([Buffer.from('{"body":"x'), Buffer.from(bad), Buffer.from('"}')]));
        expect(response.status).toBe(400);
      }
    });

    it('refuses a charset other than UTF-8 with 415', async () => {
      const response = await raw(Buffer.from('{"body":"x"}'), 'application/json; charset=iso-8859-1');
      expect(response.status).toBe(415);
    });
  });
});

describe('database constraints', () => {
  let app: TestApp;
  let make: ReturnType<typeof makers>;

  beforeAll(async () => {
    app = await startTestApp();
    make = makers(app);
  });
  afterAll(() => app?.close());

  it('answers a debate for an unknown articleId with a 400 naming articleId', async () => {
    const organiser = await make.user({ role: 'organiser' });
    const response = await apiAt(app.url)
      .post('/api/debates')
      .set(organiser.auth)
      .send({ question: 'Does this article exist?', articleId: '00000000-0000-4000-8000-000000000000' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(response.body.message).toContain('articleId');
  });
});
