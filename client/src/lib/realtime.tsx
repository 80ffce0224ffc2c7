import { createContext, ReactNode, useContext, useEffect, useEffectEvent, useState } from 'react';
import { io, Socket } from 'socket.io-client';
import type { StreamEvent } from './api/types';
import { StreamRef, StreamSubscription, TypingUser } from './stream-subscription';

/** `lost` only after a connection has been up: a page that is still connecting is not "offline". */
export type Connection = 'connecting' | 'connected' | 'lost';

interface Realtime {
  socket: Socket;
  connection: Connection;
  /** After signing in or out: the server learns the new identity at the handshake. */
  reconnect(): void;
}

const RealtimeContext = createContext<Realtime | null>(null);

/** The one socket of this tab, shared by every stream the page shows. */
export function RealtimeProvider({ children, socket: given }: { children: ReactNode; socket?: Socket }) {
  const [socket] = useState(() => given ?? io({ withCredentials: true, autoConnect: false }));
  const [connection, setConnection] = useState<Connection>(socket.connected ? 'connected' : 'connecting');
  useEffect(() => {
    const up = () => setConnection('connected');
    // Our own disconnect (signing in or out reconnects with the new identity) is not a lost connection.
    const down = (reason: string) => setConnection(reason === 'io client disconnect' ? 'connecting' : 'lost');
    socket.on('connect', up);
    socket.on('disconnect', down);
    return () => {
      socket.off('connect', up);
      socket.off('disconnect', down);
    };
  }, [socket]);
  useEffect(() => {
    socket.connect();
    return () => void socket.disconnect();
  }, [socket]);
  const reconnect = () => {
    socket.disconnect();
    socket.connect();
  };
  return <RealtimeContext.Provider value={{ socket, connection, reconnect }}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): Realtime {
  const realtime = useContext(RealtimeContext);
  if (!realtime) throw new Error('useRealtime needs a RealtimeProvider');
  return realtime;
}

const TYPING_SHOWN_MS = 4000;

/**
 * Live events of one stream, of any registered kind, with its presence count and who is typing; resumes by seq after
 * every reconnect, and reloads once (holding live events) after the first join. A new `stream` object resubscribes:
 * keep it stable (useMemo) while it names the same stream.
 */
export function useStream(
  stream: StreamRef,
  handlers: { onEvent(event: StreamEvent): void; onReload(): Promise<unknown> },
) {
  const { socket, connection } = useRealtime();
  const [presence, setPresence] = useState<number | null>(null);
  const [typing, setTyping] = useState<(TypingUser & { until: number })[]>([]);
  // Effect events: the subscription calls the latest handlers without resubscribing on every render.
  const onEvent = useEffectEvent((event: StreamEvent) => handlers.onEvent(event));
  const onReload = useEffectEvent(() => handlers.onReload());
  useEffect(() => {
    const subscription = new StreamSubscription(socket as never, stream, {
      onEvent: (event) => onEvent(event),
      onReload: () => onReload(),
      onPresence: setPresence,
      onTyping: (user) =>
        setTyping((shown) => [
          ...shown.filter((entry) => entry.id !== user.id),
          { ...user, until: Date.now() + TYPING_SHOWN_MS },
        ]),
    });
    return () => subscription.close();
  }, [socket, stream]);

  useEffect(() => {
    if (typing.length === 0) return;
    const timer = setTimeout(() => setTyping((shown) => shown.filter((entry) => entry.until > Date.now())), 1000);
    return () => clearTimeout(timer);
  }, [typing]);

  return { presence, typing, connection };
}
