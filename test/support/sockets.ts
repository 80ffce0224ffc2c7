import { io, Socket } from 'socket.io-client';

export type Ack =
  { ok: true; [key: string]: unknown } | { ok: false; error: { statusCode: number; message: string | string[] } };

export interface WireEvent {
  type: string;
  stream: string;
  seq: number;
  data: Record<string, unknown>;
}

export interface JoinAck {
  ok: true;
  seq: number;
  presence: { count: number };
  missed: WireEvent[];
  reload?: boolean;
}

export interface ConnectOptions {
  /** Signs the socket in with this user's token; without it the socket is a guest. */
  user?: { token: string };
  /** Joins this debate before returning; `since` asks for what was missed after that seq. */
  join?: string;
  since?: number;
}

const open = new Set<Socket>();

/** A socket.io client on the server at `target`, connected, and joined to a debate when `join` says so. */
export async function connect(target: { url: string }, options: ConnectOptions = {}): Promise<Socket> {
  const socket = io(target.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: options.user ? { token: options.user.token } : {},
  });
  open.add(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  if (options.join) await join(socket, options.join, options.since);
  return socket;
}

/** Disconnects every socket `connect` opened; test files call it after each test. */
export function disconnectAll(): void {
  for (const socket of open) socket.disconnect();
  open.clear();
}

export function request(socket: Socket, event: string, ...payload: unknown[]): Promise<Ack> {
  return socket.timeout(5000).emitWithAck(event, ...payload) as Promise<Ack>;
}

/** `debate:join`, with the missed events after `since` if given; a refused join fails the test. */
export async function join(socket: Socket, debateId: string, since?: number): Promise<JoinAck> {
  const ack = await request(socket, 'debate:join', since === undefined ? { debateId } : { debateId, since });
  if (!ack.ok) throw new Error(`debate:join was refused: ${JSON.stringify(ack.error)}`);
  return ack as unknown as JoinAck;
}

/** The next `type` event; rejects after 3 s (or `waitMs`) so a missing broadcast fails the test instead of hanging it. */
export function nextEvent<T = WireEvent>(
  socket: Socket,
  type: string,
  where: (event: T) => boolean = () => true,
  waitMs = 3000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(type, listener);
      reject(new Error(`no ${type} within ${waitMs / 1000} s`));
    }, waitMs);
    const listener = (event: T) => {
      if (!where(event)) return;
      clearTimeout(timer);
      socket.off(type, listener);
      resolve(event);
    };
    socket.on(type, listener);
  });
}

/** Everything of `types` a socket receives, in order, for checks that nothing extra arrived. */
export function record(socket: Socket, ...types: string[]): WireEvent[] {
  const seen: WireEvent[] = [];
  for (const type of types) socket.on(type, (event: WireEvent) => seen.push(event));
  return seen;
}
