import { RealtimePublisher } from '../../src/realtime/realtime.publisher';
import { apiAt } from '../support/api';
import { startTestApp, TestApp, useTestApp } from '../support/app';
import { makers, TestPost } from '../support/make';
import { connect, disconnectAll, join, nextEvent, record } from '../support/sockets';
import { TcpProxy } from '../support/tcp-proxy';

/** Two app nodes on one PostgreSQL and one Redis, as behind a load balancer. */
describe('several nodes', () => {
  const redis = { REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379' };
  const a = useTestApp({ env: redis });
  const b = useTestApp({ env: redis });

  it('delivers a post made on node A to a reader on node B', async () => {
    const debate = await a.make.debate();
    const reader = await b.connect({ join: debate.id });
    const arrived = nextEvent(reader, 'post.created');
    const created = await a.make.post(debate, { body: 'From A' });
    expect((await arrived).data.id).toBe(created.id);
  });

  it('counts presence over the whole cluster', async () => {
    const debate = await a.make.debate();
    await a.connect({ join: debate.id });
    const second = await join(await b.connect(), debate.id);
    expect(second.presence).toEqual({ count: 2 });
  });

  it('loses nothing when a node dies between commit and broadcast: the rejoin brings it from the log', async () => {
    const debate = await a.make.debate();
    const author = await a.make.user();
    const reader = await b.connect({ join: debate.id });
    const seen = record(reader, 'post.created');
    const publisher = a.app().app.get(RealtimePublisher);
    const publish = publisher.publish;
    publisher.publish = () => undefined; // node A commits, then dies before it can broadcast
    let lost: TestPost;
    try {
      lost = await a.make.post(debate, { author, body: 'Committed, never broadcast' });
    } finally {
      publisher.publish = publish;
    }
    const marker = nextEvent(reader, 'post.created');
    await b.make.post(debate, { author, body: 'marker' });
    await marker;
    expect(seen.map((event) => event.data.id)).not.toContain(lost.id);
    const rejoin = await join(await b.connect(), debate.id, Number(lost.seq) - 1);
    expect(rejoin.missed[0]).toMatchObject({ type: 'post.created', seq: lost.seq, data: { id: lost.id } });
  });
});

describe('an unreachable Redis', () => {
  // A start that retried forever would run into this test's own timeout, the bound on it; nothing here measures time.
  it('stops the start with one line naming REDIS_URL instead of retrying', async () => {
    const failed = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' }).then(
      async (app) => {
        await app.close();
        return null;
      },
      (error: Error) => error,
    );
    expect(failed?.message).toMatch(/^REDIS_URL: cannot connect/);
    expect(failed?.message).not.toContain('\n');
  }, 15_000);
});

/**
 * Redis goes away under two nodes (through a proxy the test cuts: the shared Redis is never stopped). Both nodes keep
 * serving (reads, writes, joins); a reader on the other node misses the live broadcast meanwhile and finds it on
 * rejoin from the event log; once Redis is back the nodes reconnect by themselves and deliver across again.
 */
describe('a Redis outage under two nodes', () => {
  let proxy: TcpProxy;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    const url = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
    proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 6379) });
    const env = { REDIS_URL: proxy.through(url.toString()) };
    [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
  });
  afterAll(async () => {
    disconnectAll();
    await Promise.all([a?.close(), b?.close()]);
    await proxy?.close();
  });

  it('keeps both nodes serving while Redis is away, and delivers across nodes again when it is back', async () => {
    const debate = await makers(a).debate();
    const author = await makers(a).user();
    const reader = await connect(b);
    const joined = await join(reader, debate.id);
    const seen = record(reader, 'post.created');

    proxy.cut();
    const during = await makers(a).post(debate, { author, body: 'While Redis is away' });
    await apiAt(b.url).get(`/api/debates/${debate.id}/posts`).expect(200);
    const late = await join(await connect(b), debate.id, joined.seq);
    expect(late.missed.map((event) => event.data)).toEqual([expect.objectContaining({ id: during.id })]);

    proxy.restore();
    // No event announces Redis's return: post, a bounded number of times, until one arrives on the other node.
    let probes = 0;
    while (!seen.some((event) => event.data.body !== during.body) && probes++ < 50) {
      await makers(a).post(debate, { author, body: `probe ${probes}` });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(seen.some((event) => event.data.body !== during.body)).toBe(true);
    const rejoin = await join(reader, debate.id, joined.seq);
    expect(rejoin.missed[0]).toMatchObject({ type: 'post.created', data: { id: during.id } });
  }, 60_000);
});
