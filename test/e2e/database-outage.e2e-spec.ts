import { apiAt } from '../support/api';
import { startTestApp, TestApp } from '../support/app';
import { makers, TestUser } from '../support/make';
import { pollUntil } from '../support/poll';
import { connect, nextEvent, request } from '../support/sockets';
import { TcpProxy } from '../support/tcp-proxy';

/**
 * PostgreSQL goes away while the server runs (through a proxy the test cuts: the shared database itself is never
 * stopped). Requests fail fast with 503 and the seconds to wait, health says so, sockets stay up, and the server
 * recovers by itself when the database is back.
 */
describe('a database outage', () => {
  let proxy: TcpProxy;
  let app: TestApp;
  let author: TestUser;
  let debate: { id: string };

  beforeAll(async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
    app = await startTestApp({ DATABASE_URL: proxy.through(url.toString()) });
    author = await makers(app).user();
    debate = await makers(app).debate();
  });
  afterAll(async () => {
    await app?.close();
    await proxy?.close();
  });

  async function healthy(): Promise<boolean> {
    return (await apiAt(app.url).get('/api/health')).status === 200;
  }

  it('answers 503 while the database is away, keeps sockets, and recovers by itself', async () => {
    const reader = await connect(app);
    const writer = await connect(app, { user: author });
    const joined = (await request(reader, 'debate:join', { debateId: debate.id })) as unknown as { seq: number };

    proxy.cut();
    const health = await apiAt(app.url).get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body.details).toMatchObject({ database: { status: 'down' } });
    for (const response of [
      await apiAt(app.url).get(`/api/debates/${debate.id}`),
      await apiAt(app.url).get('/api/auth/me').set(author.auth),
      await apiAt(app.url).post(`/api/debates/${debate.id}/posts`).set(author.auth).send({ body: 'During the outage' }),
    ]) {
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ statusCode: 503, retryAfter: expect.any(Number) });
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    }
    const refused = await request(writer, 'post:create', { debateId: debate.id, body: 'By socket, during' });
    expect(refused).toMatchObject({ ok: false, error: { statusCode: 503, retryAfter: expect.any(Number) } });
    expect(reader.connected && writer.connected).toBe(true);

    proxy.restore();
    // No event announces the database's return: ask health, a bounded number of times.
    expect(await pollUntil(healthy, (ok) => ok, { withinMs: 10_000, everyMs: 100 })).toBe(true);

    const live = nextEvent(reader, 'post.created');
    const written = await request(writer, 'post:create', { debateId: debate.id, body: 'After the outage' });
    expect(written.ok).toBe(true);
    expect((await live).data.body).toBe('After the outage');
    const resumed = (await request(reader, 'debate:join', { debateId: debate.id, since: joined.seq })) as unknown as {
      missed: { data: { body: string } }[];
    };
    expect(resumed.missed.map((event) => event.data.body)).toEqual(['After the outage']);
    reader.disconnect();
    writer.disconnect();
  });
});
