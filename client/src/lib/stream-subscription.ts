import type { StreamEvent } from './api-types';

/** The part of a socket.io client this needs; a fake in tests. */
export interface StreamSocket {
  connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
  emitWithAck(event: string, payload: unknown): Promise<JoinAck>;
}

export interface JoinAck {
  ok: boolean;
  seq?: number;
  presence?: { count: number };
  missed?: StreamEvent[];
  reload?: boolean;
  error?: { statusCode: number; message: string | string[] };
}

export interface StreamHandlers {
  onEvent(event: StreamEvent): void;
  /** More was missed than a join returns: refetch from REST. */
  onReload(): void;
  onPresence(count: number): void;
  onTyping(user: { id: string; username: string; displayName: string }): void;
  onError?(error: NonNullable<JoinAck['error']>): void;
}

export const STREAM_EVENTS = [
  'post.created',
  'post.updated',
  'post.deleted',
  'post.hidden',
  'post.restored',
  'post.voted',
  'debate.updated',
] as const;

/**
 * One debate stream over the shared socket. Joins with the last seq it has applied and resumes after every
 * reconnect. While a join is in flight, live events are held back: the ack's `missed` come first, then the held
 * events, and any seq already applied is dropped, so nothing is missed or doubled.
 */
export class StreamSubscription {
  private lastSeq: number | null = null;
  private held: StreamEvent[] | null = null;
  private readonly stream: string;
  private readonly listeners: [string, (...args: never[]) => void][] = [];

  constructor(
    private readonly socket: StreamSocket,
    private readonly debateId: string,
    private readonly handlers: StreamHandlers,
  ) {
    this.stream = `debate:${debateId}`;
    const onEvent = (event: StreamEvent) => this.receive(event);
    for (const type of STREAM_EVENTS) this.listeners.push([type, onEvent as (...args: never[]) => void]);
    this.listeners.push(['connect', (() => void this.join()) as (...args: never[]) => void]);
    this.listeners.push([
      'presence',
      ((event: { stream: string; count: number }) =>
        event.stream === this.stream && handlers.onPresence(event.count)) as (...args: never[]) => void,
    ]);
    this.listeners.push([
      'typing',
      ((event: { stream: string; user: { id: string; username: string; displayName: string } }) =>
        event.stream === this.stream && handlers.onTyping(event.user)) as (...args: never[]) => void,
    ]);
    for (const [event, listener] of this.listeners) socket.on(event, listener);
    if (socket.connected) void this.join();
  }

  get seq(): number | null {
    return this.lastSeq;
  }

  close(): void {
    for (const [event, listener] of this.listeners) this.socket.off(event, listener);
    if (this.socket.connected)
      void this.socket.emitWithAck('debate:leave', { debateId: this.debateId }).catch(() => undefined);
  }

  private async join(): Promise<void> {
    this.held = [];
    let ack: JoinAck;
    try {
      ack = await this.socket.emitWithAck(
        'debate:join',
        this.lastSeq === null ? { debateId: this.debateId } : { debateId: this.debateId, since: this.lastSeq },
      );
    } catch {
      this.held = null; // the socket dropped mid-join; the next connect joins again from the same seq
      return;
    }
    const held = this.held ?? [];
    this.held = null;
    if (!ack.ok) {
      if (ack.error) this.handlers.onError?.(ack.error);
      return;
    }
    if (ack.presence) this.handlers.onPresence(ack.presence.count);
    if (ack.reload) {
      this.handlers.onReload();
      this.lastSeq = ack.seq ?? this.lastSeq;
    } else {
      for (const event of ack.missed ?? []) this.apply(event);
    }
    for (const event of held) this.apply(event);
    if (ack.seq !== undefined && (this.lastSeq === null || ack.seq > this.lastSeq)) this.lastSeq = ack.seq;
  }

  private receive(event: StreamEvent): void {
    if (event.stream !== this.stream) return;
    if (this.held) this.held.push(event);
    else this.apply(event);
  }

  /**
   * Within a stream seqs only grow, and a join applies `missed` (ascending) before the held broadcasts, so anything
   * at or below the last applied seq is a copy.
   */
  private apply(event: StreamEvent): void {
    if (this.lastSeq !== null && event.seq <= this.lastSeq) return;
    this.lastSeq = event.seq;
    this.handlers.onEvent(event);
  }
}
