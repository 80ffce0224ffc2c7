import { io, Socket } from 'socket.io-client';

export type Ack =
  { ok: true; [key: string]: unknown } | { ok: false; error: { statusCode: number; message: string | string[] } };

/** A socket.io client on the test app; `token` signs it in, none makes it a guest. */
export async function connect(url: string, options: { token?: string; cookie?: string } = {}): Promise<Socket> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: options.token ? { token: options.token } : {},
    extraHeaders: options.cookie ? { Cookie: options.cookie } : undefined,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

export function request(socket: Socket, event: string, ...payload: unknown[]): Promise<Ack> {
  return socket.timeout(5000).emitWithAck(event, ...payload) as Promise<Ack>;
}

export interface WireEvent {
  type: string;
  stream: string;
  seq: number;
  data: Record<string, unknown>;
}

/** The next `type` event; rejects after 3 s so a missing broadcast fails the test instead of hanging it. */
export function nextEvent<T = WireEvent>(
  socket: Socket,
  type: string,
  where: (event: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(type, listener);
      reject(new Error(`no ${type} within 3 s`));
    }, 3000);
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
