import { createServer, Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, Socket as ServerSocket } from 'socket.io';
import { io, Socket } from 'socket.io-client';
import { DirectFrameAdapter } from '../../src/realtime/direct-frames';

/**
 * Broadcasts written straight to the TCP socket (DirectFrameAdapter) against real socket.io clients: each frame
 * arrives whole and once, in the order it was sent beside packets that took socket.io's own path, and readers the
 * direct path cannot serve (polling, upgrading, binary) get theirs through the library.
 */
describe('DirectFrameAdapter', () => {
  let http: HttpServer;
  let server: Server;
  let url: string;
  const clients: Socket[] = [];

  const adapter = () => server.of('/').adapter as unknown as DirectFrameAdapter;

  beforeEach(async () => {
    http = createServer();
    server = new Server(http, { serveClient: false, adapter: DirectFrameAdapter });
    server.on('connection', (socket) => {
      void socket.join('room');
      // Answered on the same connection after everything written to it before: a client that has the answer has
      // everything sent to it earlier.
      socket.on('sync', (ack: () => void) => ack());
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.disconnect();
    await server.close();
  });

  /** A client in 'room', once the server has put it there; `transports` as socket.io-client takes them. */
  async function reader(transports: ('websocket' | 'polling')[]): Promise<{ client: Socket; socket: ServerSocket }> {
    const client = io(url, { transports, forceNew: true, reconnection: false });
    clients.push(client);
    await new Promise<void>((resolve, reject) => {
      client.once('connect', resolve);
      client.once('connect_error', reject);
    });
    const socket = server.of('/').sockets.get(client.id!)!;
    return { client, socket };
  }

  function received<T>(client: Socket, event: string, count: number): Promise<T[]> {
    const values: T[] = [];
    return new Promise((resolve) => {
      client.on(event, (value: T) => {
        values.push(value);
        if (values.length === count) resolve(values);
      });
    });
  }

  it('writes a broadcast to WebSocket readers directly, every byte of it', async () => {
    const readers = await Promise.all([reader(['websocket']), reader(['websocket'])]);
    const payload = { body: 'Täuschend echt 🎬 — '.repeat(500), seq: 7 };
    const arrivals = readers.map(({ client }) => received(client, 'post.created', 1));
    server.to('room').emit('post.created', payload);
    for (const [value] of await Promise.all(arrivals)) expect(value).toEqual(payload);
    expect(adapter().deliveries).toEqual({ direct: 2, library: 0 });
  });

  it('sends to a polling reader through socket.io, and leaves out the sockets the broadcast excepts', async () => {
    const polling = await reader(['polling']);
    const sender = await reader(['websocket']);
    const arrival = received(polling.client, 'typing', 1);
    let echoed = false;
    sender.client.on('typing', () => (echoed = true));
    sender.socket.to('room').emit('typing', { user: 'a' });
    expect(await arrival).toEqual([{ user: 'a' }]);
    await sender.client.emitWithAck('sync');
    expect(echoed).toBe(false);
    expect(adapter().deliveries).toEqual({ direct: 0, library: 1 });
  });

  it('keeps order when direct frames and socket.io packets to the same socket interleave', async () => {
    const { client, socket } = await reader(['websocket']);
    const count = 3000;
    const arrivals = received<number>(client, 'n', count);
    for (let n = 0; n < count; n++) {
      // A packet of the socket's own goes through engine.io; until ws has written it, broadcasts queue behind it.
      if (n % 7 === 0) socket.emit('n', n);
      else server.to('room').emit('n', n);
      // Now and then let the writes complete, so that the direct path opens again.
      if (n % 10 === 9) await new Promise(setImmediate);
    }
    expect(await arrivals).toEqual(Array.from({ length: count }, (_, n) => n));
    const { direct, library } = adapter().deliveries;
    expect(direct).toBeGreaterThan(0);
    expect(library).toBeGreaterThan(0);
    expect(direct + library).toBe(count - Math.ceil(count / 7));
  });

  it('delivers each broadcast once, in order, to a reader upgrading from polling to WebSocket', async () => {
    // Broadcasting every millisecond from before the reader connects: it joins on polling, then upgrades.
    let n = 0;
    const timer = setInterval(() => server.to('room').emit('n', n++), 1);
    const client = io(url, { transports: ['polling', 'websocket'], forceNew: true, reconnection: false });
    clients.push(client);
    const values: number[] = [];
    client.on('n', (value: number) => values.push(value));
    while (client.io.engine?.transport.name !== 'websocket' || values.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    clearInterval(timer);
    await client.emitWithAck('sync');
    expect(values).toEqual(Array.from({ length: n - values[0] }, (_, i) => values[0] + i));
    expect(adapter().deliveries.direct).toBeGreaterThan(0);
    expect(adapter().deliveries.library).toBeGreaterThan(0);
  });

  it('leaves binary packets, which have no pre-encoded frame, to socket.io', async () => {
    const { client } = await reader(['websocket']);
    const arrival = received<Buffer>(client, 'bytes', 1);
    server.to('room').emit('bytes', Buffer.from([1, 2, 3]));
    expect([...(await arrival)[0]]).toEqual([1, 2, 3]);
    expect(adapter().deliveries).toEqual({ direct: 0, library: 1 });
  });
});
