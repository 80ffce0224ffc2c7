import { randomUUID } from 'node:crypto';
import { Socket } from 'socket.io-client';
import { startTestApp } from '../support/app';
import { makers } from '../support/make';
import { connect, record, request, WireEvent } from '../support/sockets';

/**
 * Drain, then close: a server asked to stop takes no new writes (503), finishes the ones in hand, and broadcasts
 * each one it acknowledged before its sockets close. A client that reconnects anywhere gets everything up to the stop.
 */
describe('stopping under writes', () => {
  it('broadcasts every acknowledged write before it closes, and a reconnecting client gets them all', async () => {
    const app = await startTestApp();
    const make = makers(app);
    const debate = await make.debate();
    const author = await make.user();
    const reader = await connect(app);
    const joined = (await request(reader, 'debate:join', { debateId: debate.id })) as unknown as { seq: number };
    const live = record(reader, 'post.created');
    const readerGone = new Promise<void>((resolve) => reader.once('disconnect', () => resolve()));
    const writerSocket = await connect(app, { user: author });

    const acknowledged = new Set<string>();
    const refusals: number[] = [];
    let closing: Promise<void> | undefined;
    const afterFirstAcks = () => {
      if (acknowledged.size >= 20) closing ??= app.close();
    };
    const restWriter = async () => {
      for (let i = 0; ; i++) {
        const response = await fetch(`${app.url}/api/debates/${debate.id}/posts`, {
          method: 'POST',
          headers: { ...author.auth, 'Content-Type': 'application/json' },
          body: JSON.stringify({ body: `REST write ${i}`, clientId: randomUUID() }),
        }).catch(() => null);
        if (!response) return; // the server is gone
        if (response.status === 201) acknowledged.add(((await response.json()) as { id: string }).id);
        else refusals.push(response.status);
        afterFirstAcks();
      }
    };
    const socketWriter = async (socket: Socket) => {
      for (let i = 0; socket.connected; i++) {
        const ack = await request(socket, 'post:create', { debateId: debate.id, body: `socket write ${i}` }).catch(
          () => null,
        );
        if (ack?.ok) acknowledged.add((ack.post as { id: string }).id);
        else if (ack) refusals.push(ack.error.statusCode);
        afterFirstAcks();
      }
    };
    await Promise.all([restWriter(), restWriter(), restWriter(), socketWriter(writerSocket)]);
    await closing;
    await readerGone;
    writerSocket.disconnect();

    // Live: nothing acknowledged went unbroadcast. Refused: only "restarting", never a 500.
    const heard = new Set(live.map((event) => event.data.id as string));
    expect([...acknowledged].filter((id) => !heard.has(id))).toEqual([]);
    expect(refusals.filter((status) => status !== 503)).toEqual([]);

    // A client that comes back (here to a new server on the same database) resumes with everything written.
    const next = await startTestApp();
    try {
      const again = await connect(next);
      const resumed = (await request(again, 'debate:join', { debateId: debate.id, since: joined.seq })) as unknown as {
        missed: WireEvent[];
      };
      again.disconnect();
      const missed = resumed.missed.filter((event) => event.type === 'post.created').map((event) => event.data.id);
      const stored: { id: string }[] = await next.dataSource.query('SELECT id FROM posts WHERE debate_id = $1', [
        debate.id,
      ]);
      expect(new Set(missed)).toEqual(new Set(stored.map((row) => row.id)));
      expect([...acknowledged].filter((id) => !missed.includes(id))).toEqual([]);
    } finally {
      await next.close();
    }
  }, 120_000);
});
