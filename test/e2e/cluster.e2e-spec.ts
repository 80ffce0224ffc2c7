import { Socket } from 'socket.io-client';
import { RealtimePublisher } from '../../src/realtime/realtime.publisher';
import { startTestApp, TestApp } from '../support/app';
import { makers } from '../support/make';
import { connect, nextEvent, record, request, WireEvent } from '../support/sockets';

/** Two app nodes on one PostgreSQL and one Redis, as behind a load balancer. */
describe('several nodes', () => {
  const redis = { REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379' };
  let a: TestApp;
  let b: TestApp;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApp(redis), startTestApp(redis)]);
  });
  afterEach(() => sockets.splice(0).forEach((socket) => socket.disconnect()));
  afterAll(() => Promise.all([a.close(), b.close()]));

  async function joinOn(node: TestApp, debateId: string, since?: number) {
    const socket = await connect(node.url);
    sockets.push(socket);
    const ack = await request(socket, 'debate:join', since === undefined ? { debateId } : { debateId, since });
    return { socket, ack: ack as unknown as { seq: number; presence: { count: number }; missed: WireEvent[] } };
  }

  it('delivers a post made on node A to a reader on node B', async () => {
    const debate = await makers(a).debate();
    const { socket } = await joinOn(b, debate.id);
    const arrived = nextEvent(socket, 'post.created');
    const author = await makers(a).user();
    const created = await a
      .http()
      .post(`/api/debates/${debate.id}/posts`)
      .set(author.auth)
      .send({ body: 'From A' })
      .expect(201);
    expect((await arrived).data.id).toBe(created.body.id);
  });

  it('counts presence over the whole cluster', async () => {
    const debate = await makers(a).debate();
    await joinOn(a, debate.id);
    const second = await joinOn(b, debate.id);
    expect(second.ack.presence).toEqual({ count: 2 });
  });

  it('loses nothing when a node dies between commit and broadcast: the rejoin brings it from the log', async () => {
    const debate = await makers(a).debate();
    const author = await makers(a).user();
    const { socket } = await joinOn(b, debate.id);
    const seen = record(socket, 'post.created');
    const publisher = a.app.get(RealtimePublisher);
    const publish = publisher.publish;
    publisher.publish = () => undefined; // node A commits, then dies before it can broadcast
    let lost;
    try {
      lost = (
        await a
          .http()
          .post(`/api/debates/${debate.id}/posts`)
          .set(author.auth)
          .send({ body: 'Committed, never broadcast' })
          .expect(201)
      ).body;
    } finally {
      publisher.publish = publish;
    }
    const marker = nextEvent(socket, 'post.created');
    await b.http().post(`/api/debates/${debate.id}/posts`).set(author.auth).send({ body: 'marker' }).expect(201);
    await marker;
    expect(seen.map((event) => event.data.id)).not.toContain(lost.id);
    const rejoin = await joinOn(b, debate.id, lost.seq - 1);
    expect(rejoin.ack.missed[0]).toMatchObject({ type: 'post.created', seq: lost.seq, data: { id: lost.id } });
  });
});

describe('an unreachable Redis', () => {
  it('stops the start within a few seconds with one line naming REDIS_URL', async () => {
    const started = Date.now();
    const failed = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' }).then(
      async (app) => {
        await app.close();
        return null;
      },
      (error: Error) => error,
    );
    expect(failed?.message).toMatch(/^REDIS_URL: cannot connect/);
    expect(failed?.message).not.toContain('\n');
    expect(Date.now() - started).toBeLessThan(8000);
  });
});
