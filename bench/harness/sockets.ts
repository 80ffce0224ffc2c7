import { io, Socket } from 'socket.io-client';
import { openJoined } from './load';
import { delay, Running } from './processes';
import { percentile } from './report';
import type { WireReader } from './wire-reader';

export interface JoinAck {
  ok: boolean;
  seq: number;
  missed: { seq: number; type: string; data: unknown }[];
  error?: unknown;
}

export interface Joined {
  sockets: Socket[];
  /** Connections or joins that failed. */
  errors: number;
  firstError: string | null;
  ms: number;
}

/** A guest socket, or one signed in with `token` (the handshake's `auth`, as the client sends it). */
export function connect(server: Running, token?: string): Promise<Socket> {
  const socket = io(server.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: 60_000,
    auth: token ? { token } : {},
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** What a socket joins: a debate's stream, or a live session's. */
export type Room = { debateId: string } | { sessionId: string };

export async function join(socket: Socket, room: Room, since?: number): Promise<JoinAck> {
  const command = 'debateId' in room ? 'debate:join' : 'session:join';
  const ack = (await socket
    .timeout(60_000)
    .emitWithAck(command, since === undefined ? room : { ...room, since })) as JoinAck;
  if (!ack.ok) throw new Error(`${command} answered ${JSON.stringify(ack.error ?? ack)}`);
  return ack;
}

/**
 * `count` sockets, each connected and joined to the room, `inFlight` at a time: guests, or socket i signed in with
 * `tokens[i]`. The sockets that joined keep their order; one that failed is closed and counted.
 */
export async function connectJoined(
  server: Running,
  room: Room,
  count: number,
  options: { inFlight?: number; tokens?: string[] } = {},
): Promise<Joined> {
  const begin = performance.now();
  const { clients, errors, firstError } = await openJoined(
    count,
    options.inFlight ?? 50,
    (i) => connect(server, options.tokens?.[i]),
    (socket) => join(socket, room),
  );
  return { sockets: clients, errors, firstError, ms: performance.now() - begin };
}

export function closeAll(clients: { close(): void }[]): void {
  for (const client of clients) client.close();
}

export interface FanOutResult {
  p50: number;
  p99: number;
  max: number;
  deliveries: number;
  lost: number;
  doubled: number;
  failedPosts: number;
  /** CPU time this measuring process spent per second of the run (1000 = one core busy throughout). */
  clientCpuMsPerS: number;
  /** Per post, its first delivery (the POST's own path to the first socket written): median and p99. */
  firstP50: number;
  firstP99: number;
  /** Frames a reader received per post, and their average size: the work a post gives each reader. */
  framesPerPost: number;
  bytesPerFrame: number;
  /** engine.io heartbeats the server sent the readers during the run (each a write to one socket, answered). */
  pings: number;
}

/**
 * Posts `rate` a second for `seconds` without waiting for answers, and times every delivery on every socket from
 * the start of its POST. Every (socket, post) pair must arrive exactly once: the rest is counted as lost or doubled.
 */
export async function fanOut(
  readers: WireReader[],
  post: (body: string) => Promise<Response>,
  options: { rate: number; seconds: number; tag: string },
): Promise<FanOutResult> {
  const posts = options.rate * options.seconds;
  const started: number[] = [];
  const latencies: number[] = [];
  const firsts = new Array<number>(posts).fill(Infinity);
  const seen = readers.map(() => new Uint8Array(posts));
  // Found in the frame's text (the body as JSON sends it): the tag has nothing JSON escapes.
  const pattern = new RegExp(`"${options.tag} (\\d+):`);
  let received = 0;
  let doubled = 0;
  let allIn: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allIn = resolve));
  readers.forEach((reader, r) => {
    reader.on('post.created', (frame) => {
      const match = pattern.exec(frame);
      if (!match) return;
      const i = Number(match[1]);
      if (seen[r][i]++ > 0) {
        doubled += 1;
        return;
      }
      const latency = performance.now() - started[i];
      latencies.push(latency);
      firsts[i] = Math.min(firsts[i], latency);
      if (++received === posts * readers.length) allIn();
    });
  });
  const answers: Promise<number>[] = [];
  const cpuBefore = process.cpuUsage();
  const framesBefore = sum(readers.map((reader) => reader.frames));
  const bytesBefore = sum(readers.map((reader) => reader.bytes));
  const pingsBefore = sum(readers.map((reader) => reader.pings));
  const begin = performance.now();
  for (let i = 0; i < posts; i++) {
    // On a fixed schedule, so a slow answer never delays the next post.
    await delay(begin + (i * 1000) / options.rate - performance.now());
    started[i] = performance.now();
    answers.push(
      post(`${options.tag} ${i}: labels will not stop fakes`).then(
        async (response) => (await response.arrayBuffer(), response.status),
        () => 0,
      ),
    );
  }
  const statuses = await Promise.all(answers);
  // Whatever has not arrived 10 s after the last answer is lost.
  await Promise.race([done, delay(10_000)]);
  const cpu = process.cpuUsage(cpuBefore);
  const elapsedS = (performance.now() - begin) / 1000;
  readers.forEach((reader) => reader.off());
  const frames = sum(readers.map((reader) => reader.frames)) - framesBefore;
  const bytes = sum(readers.map((reader) => reader.bytes)) - bytesBefore;
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: percentile(latencies, 1),
    deliveries: received,
    lost: posts * readers.length - received,
    doubled,
    failedPosts: statuses.filter((status) => status !== 201).length,
    clientCpuMsPerS: (cpu.user + cpu.system) / 1000 / elapsedS,
    firstP50: percentile(firsts, 0.5),
    firstP99: percentile(firsts, 0.99),
    framesPerPost: frames / readers.length / posts,
    bytesPerFrame: bytes / Math.max(1, frames),
    pings: sum(readers.map((reader) => reader.pings)) - pingsBefore,
  };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** An event as a socket receives it. */
export interface WireEvent {
  type: string;
  stream: string;
  seq: number;
  data: Record<string, unknown>;
}

/**
 * Watches one event type on every socket and keeps, per socket, when each event that `matches` arrived. An event
 * that arrives again on the same socket (the same seq) is not kept but counted as doubled.
 */
export class Arrivals {
  /** Per socket, the arrival time (performance.now()) of each distinct matching event. */
  readonly times: number[][];
  doubled = 0;
  private readonly seqs: Set<number>[];
  private readonly listeners: ((event: WireEvent) => void)[];
  private waiting: { count: number; reached: number; resolve: () => void } | null = null;

  constructor(
    private readonly sockets: Socket[],
    private readonly type: string,
    matches: (event: WireEvent) => boolean,
  ) {
    this.times = sockets.map(() => []);
    this.seqs = sockets.map(() => new Set());
    this.listeners = sockets.map((socket, i) => {
      const listener = (event: WireEvent) => {
        if (!matches(event)) return;
        if (this.seqs[i].has(event.seq)) {
          this.doubled += 1;
          return;
        }
        this.seqs[i].add(event.seq);
        this.times[i].push(performance.now());
        const waiting = this.waiting;
        if (waiting && this.times[i].length === waiting.count && ++waiting.reached === sockets.length) {
          waiting.resolve();
        }
      };
      socket.on(type, listener);
      return listener;
    });
  }

  /** Whether every socket received `count` matching events within `timeoutMs`. */
  async everyone(count = 1, timeoutMs = 15_000): Promise<boolean> {
    const reached = this.times.filter((times) => times.length >= count).length;
    if (reached === this.sockets.length) return true;
    let timer: NodeJS.Timeout | undefined;
    const all = await new Promise<boolean>((resolve) => {
      this.waiting = { count, reached, resolve: () => resolve(true) };
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    clearTimeout(timer);
    this.waiting = null;
    return all;
  }

  /** Each socket's first matching event, from `since`; sockets that received none are left out. */
  firstSince(since: number): number[] {
    return this.times.filter((times) => times.length > 0).map((times) => times[0] - since);
  }

  /** The sockets that received no matching event. */
  none(): number {
    return this.times.filter((times) => times.length === 0).length;
  }

  /** Matching events that did not arrive, when every socket should have received `expected`. */
  lost(expected: number): number {
    return this.times.reduce((sum, times) => sum + Math.max(0, expected - times.length), 0);
  }

  stop(): void {
    this.sockets.forEach((socket, i) => socket.off(this.type, this.listeners[i]));
  }
}
