import { randomBytes } from 'node:crypto';
import { connect as tcpConnect, Socket } from 'node:net';
import { openJoined } from './load';
import { delay, Running } from './processes';
import type { Room } from './sockets';

/**
 * Every reader's socket reads into this one buffer: each read is handled to the end before the next one (onread's
 * callback is synchronous), and a frame's unread rest is copied out. No allocation per read.
 */
const READ_BUFFER = Buffer.alloc(256 * 1024);
const NO_BYTES = Buffer.alloc(0);

/**
 * A reader for fan-out timing: a bare TCP socket speaking WebSocket (RFC 6455), engine.io v4 and socket.io v5 itself,
 * matching event frames by their first bytes and decoding only those it is asked for.
 *
 * Why so bare: socket.io-client's per-message work (engine.io and socket.io decoding, a JSON.parse of every event,
 * the emitter) kept the measuring process's core busy at 2,000 readers × 20 posts/s (40,000 messages a second:
 * ~950 ms of CPU a second on either side), and `ws` still took ~850 ms: the figure measured the instrument's queue,
 * hundreds of ms on both sides. The servers see the same client either way; what this skips is only the client's.
 */
export class WireReader {
  private rest: Buffer = NO_BYTES;
  private match: { prefix: Buffer; listener: (frame: string) => void } | null = null;
  private readonly acks = new Map<number, (payload: string) => void>();
  private nextAck = 0;
  /** Until the namespace handshake is done: every other frame, decoded. */
  private onText: ((text: string) => void) | null = null;
  /** Frames and their bytes received since connecting, acks and heartbeats aside: what the server sends a reader. */
  frames = 0;
  bytes = 0;
  /** engine.io heartbeats (pings) answered since connecting. */
  pings = 0;

  private constructor(private readonly socket: Socket) {}

  /** Connects (as a guest, or with `token` as the handshake's auth) and completes socket.io's namespace handshake. */
  static connect(server: Running, token?: string, timeoutMs = 60_000): Promise<WireReader> {
    const { hostname, port } = new URL(server.url);
    let reader: WireReader | undefined;
    let upgraded = false;
    let head = '';
    return new Promise((resolve, reject) => {
      const socket = tcpConnect({
        host: hostname,
        port: Number(port),
        noDelay: true,
        onread: {
          buffer: READ_BUFFER,
          // The buffer given is READ_BUFFER itself.
          callback: (size) => {
            if (upgraded) {
              reader!.receive(READ_BUFFER, size);
              return true;
            }
            // The HTTP answer to the upgrade, then (maybe in the same read) the first frames.
            head += READ_BUFFER.toString('latin1', 0, size);
            const end = head.indexOf('\r\n\r\n');
            if (end < 0) return true;
            if (!head.startsWith('HTTP/1.1 101')) {
              fail(new Error(`upgrade refused: ${head.slice(0, head.indexOf('\r\n'))}`));
              return false;
            }
            upgraded = true;
            const frames = Buffer.from(head.slice(end + 4), 'latin1');
            frames.copy(READ_BUFFER);
            reader!.receive(READ_BUFFER, frames.length);
            return true;
          },
        },
      });
      reader = new WireReader(socket);
      const timer = setTimeout(() => fail(new Error(`no socket.io handshake within ${timeoutMs} ms`)), timeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        socket.destroy();
        reject(error);
      };
      socket.once('error', fail);
      socket.once('close', () => fail(new Error('closed during the handshake')));
      socket.once('connect', () =>
        socket.write(
          `GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: ${hostname}:${port}\r\n` +
            `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n` +
            `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`,
        ),
      );
      reader.onText = (text) => {
        // Engine.io's open packet, then ours: connect to the main namespace; the server answers 40 or 44 (refused).
        if (text.startsWith('0')) reader!.send(`40${JSON.stringify(token ? { token } : {})}`);
        else if (text.startsWith('44')) fail(new Error(`connect refused: ${text.slice(2)}`));
        else if (text.startsWith('40')) {
          clearTimeout(timer);
          socket.removeAllListeners('error').removeAllListeners('close');
          socket.on('error', () => undefined);
          reader!.onText = null;
          resolve(reader!);
        }
      };
    });
  }

  /** Joins a debate's or a session's stream; fails unless the ack says ok. */
  async join(room: Room, timeoutMs = 60_000): Promise<void> {
    const command = 'debateId' in room ? 'debate:join' : 'session:join';
    const id = this.nextAck++;
    const answer = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${command}: no ack within ${timeoutMs} ms`)), timeoutMs);
      this.acks.set(id, (payload) => {
        clearTimeout(timer);
        resolve(payload);
      });
      this.send(`42${id}${JSON.stringify([command, room])}`);
    });
    const [ack] = JSON.parse(answer) as [{ ok: boolean; error?: unknown }];
    if (!ack.ok) throw new Error(`${command} answered ${JSON.stringify(ack.error ?? ack)}`);
  }

  /** Every frame of an event of `type` goes to `listener` as text (latin1: no decoding cost), unparsed. */
  on(type: string, listener: (frame: string) => void): void {
    this.match = { prefix: Buffer.from(`42["${type}",`), listener };
  }

  off(): void {
    this.match = null;
  }

  close(): void {
    this.socket.destroy();
  }

  /** A text frame from client to server: masked, as RFC 6455 requires (with a zero key, which leaves it as is). */
  private send(text: string): void {
    const payload = Buffer.from(text);
    const header =
      payload.length < 126
        ? Buffer.from([0x81, 0x80 | payload.length, 0, 0, 0, 0])
        : Buffer.from([0x81, 0x80 | 126, payload.length >> 8, payload.length & 0xff, 0, 0, 0, 0]);
    this.socket.write(Buffer.concat([header, payload]));
  }

  /** Frames from `size` bytes of `buffer` (after what an earlier read left unfinished). */
  private receive(buffer: Buffer, size: number): void {
    let data = buffer.subarray(0, size);
    if (this.rest.length > 0) data = Buffer.concat([this.rest, data]);
    let at = 0;
    while (data.length - at >= 2) {
      const opcode = data[at] & 0x0f;
      let length = data[at + 1] & 0x7f;
      let start = at + 2;
      if (length === 126) {
        if (data.length - at < 4) break;
        length = data.readUInt16BE(at + 2);
        start = at + 4;
      } else if (length === 127) {
        if (data.length - at < 10) break;
        length = Number(data.readBigUInt64BE(at + 2));
        start = at + 10;
      }
      if (data.length < start + length) break;
      if (opcode === 0x1) this.frame(data, start, start + length);
      else if (opcode === 0x8) this.socket.destroy();
      at = start + length;
    }
    // What is left belongs to a frame not yet whole: copied, since the read buffer is everyone's.
    this.rest = at < data.length ? Buffer.from(data.subarray(at)) : NO_BYTES;
  }

  private frame(data: Buffer, start: number, end: number): void {
    const first = data[start];
    if (first === 0x32 && end - start === 1) {
      this.pings += 1;
      this.send('3'); // engine.io's heartbeat: answer the server's ping
      return;
    }
    if (first === 0x34 && data[start + 1] === 0x33) {
      // 43<id>[...]: an ack
      const text = data.toString('utf8', start, end);
      const open = text.indexOf('[');
      const id = Number(text.slice(2, open));
      this.acks.get(id)?.(text.slice(open));
      this.acks.delete(id);
      return;
    }
    this.frames += 1;
    this.bytes += end - start;
    const match = this.match;
    const length = match?.prefix.length ?? 0;
    if (match && end - start > length && data.compare(match.prefix, 0, length, start, start + length) === 0) {
      match.listener(data.toString('latin1', start, end));
    } else {
      this.onText?.(data.toString('utf8', start, end));
    }
  }
}

export interface JoinedReaders {
  readers: WireReader[];
  errors: number;
  firstError: string | null;
}

/**
 * `count` readers, each connected and joined to the room, `inFlight` at a time; one that failed is counted. With
 * `spreadMs`, reader i connects no earlier than i / count of it after the start: evenly over that time.
 */
export async function joinReaders(
  server: Running,
  room: Room,
  count: number,
  options: { spreadMs?: number; inFlight?: number } = {},
): Promise<JoinedReaders> {
  const begin = performance.now();
  const spreadMs = options.spreadMs ?? 0;
  const { clients, errors, firstError } = await openJoined(
    count,
    options.inFlight ?? 50,
    async (i) => {
      // Without a spread, no timer: readers connect as soon as a slot is free.
      if (spreadMs > 0) await delay(begin + (i * spreadMs) / count - performance.now());
      return WireReader.connect(server);
    },
    (reader) => reader.join(room),
  );
  return { readers: clients, errors, firstError };
}
