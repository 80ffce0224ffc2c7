import { Adapter, type BroadcastOptions } from 'socket.io-adapter';

/**
 * What the direct path reads of engine.io's connection, its WebSocket transport and the `ws` socket under it. None
 * of it is public API (engine.io 6.6, ws 8): every field is checked where it is used, and a connection that does not
 * look like this gets the library's path. test/unit/direct-frame-adapter.spec.ts fails if the direct path stops
 * being taken, so an upgrade that moves these fields shows there, not as a slower broadcast.
 */
interface EngineConnection {
  readyState?: string;
  upgrading?: boolean;
  writeBuffer?: unknown[];
  transport?: {
    name?: string;
    perMessageDeflate?: unknown;
    socket?: {
      readyState?: number;
      _sender?: { _state?: number };
      _socket?: { writable?: boolean; write(frame: Buffer): boolean };
    };
  };
}

/** socket.io-adapter's own broadcast uses these two; both are internal to its in-memory adapter (2.5). */
interface InMemoryAdapter {
  apply(opts: BroadcastOptions, callback: (socket: BroadcastTarget) => void): void;
  _encode(packet: unknown, packetOpts: Record<string, unknown>): unknown[];
}

/** A socket as that broadcast sees it (the two methods are private in socket.io's typings, not to the adapter). */
interface BroadcastTarget {
  conn: EngineConnection;
  notifyOutgoingListeners?(packet: unknown): void;
  client: { writeToEngine(encoded: unknown[], packetOpts: Record<string, unknown>): void };
}

const WS_OPEN = 1;
const WS_SENDER_IDLE = 0;

/**
 * socket.io's in-memory adapter, with a shorter way to each reader of a broadcast. The library encodes a broadcast
 * once, down to the WebSocket frame (`wsPreEncodedFrame`), then hands it to each socket as an engine.io packet:
 * pushed to the connection's buffer, flushed to the transport, given to `ws`, which corks and writes it in two
 * pieces, and acknowledged through three callbacks and events per socket. At 2,000 readers that is about a quarter
 * of a node's CPU (`npm run bench -- fanout`). Here the frame, in one buffer, is written to the TCP socket itself when
 * nothing waits ahead of it for that socket: the connection is open on WebSocket, not upgrading, its packet buffer
 * is empty (packets wait there while an earlier send is in flight) and `ws` writes at once (it queues only while
 * compressing). Everything handed to the connection before is then already in the TCP socket, so order holds;
 * otherwise, or for a frame the library did not pre-encode (binary, compressed), the packet takes the library's
 * path. Polling readers always do.
 */
export class DirectFrameAdapter extends Adapter {
  /** Deliveries by path: the tests check that the direct one is taken. */
  readonly deliveries = { direct: 0, library: 0 };

  override broadcast(packet: { nsp?: string }, opts: BroadcastOptions): void {
    const library = this as unknown as InMemoryAdapter;
    const flags = opts.flags ?? {};
    const packetOpts: Record<string, unknown> = {
      preEncoded: true,
      volatile: flags.volatile,
      compress: flags.compress,
    };
    packet.nsp = this.nsp.name;
    const encoded = library._encode(packet, packetOpts);
    const parts = packetOpts.wsPreEncodedFrame as Buffer[] | undefined;
    const frame = parts ? Buffer.concat(parts) : null;
    library.apply(opts, (socket) => {
      socket.notifyOutgoingListeners?.(packet);
      if (frame && writeFrame(socket.conn, frame)) {
        this.deliveries.direct++;
        return;
      }
      this.deliveries.library++;
      socket.client.writeToEngine(encoded, packetOpts);
    });
  }
}

/** Writes `frame` to the connection's TCP socket if nothing is queued ahead of it there; false if it did not. */
function writeFrame(conn: EngineConnection, frame: Buffer): boolean {
  const transport = conn.transport;
  if (
    conn.readyState !== 'open' ||
    conn.upgrading !== false ||
    conn.writeBuffer?.length !== 0 ||
    transport?.name !== 'websocket' ||
    transport.perMessageDeflate
  ) {
    return false;
  }
  const ws = transport.socket;
  const tcp = ws?._socket;
  if (ws?.readyState !== WS_OPEN || ws._sender?._state !== WS_SENDER_IDLE || tcp?.writable !== true) return false;
  tcp.write(frame);
  return true;
}
