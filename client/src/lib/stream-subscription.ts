import type { StreamEvent } from './api/types';

/** The part of a socket.io client this needs; a fake in tests. */
export interface StreamSocket {
  connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
  onAny(listener: (event: string, ...args: never[]) => void): unknown;
  offAny(listener: (event: string, ...args: never[]) => void): unknown;
  emitWithAck(event: string, payload: unknown): Promise<JoinAck>;
}

/**
 * A stream to follow: its registered kind (`debate` → messages `debate:join` / `debate:leave`), its name as events
 * carry it (`debate:<id>`) and what join and leave send to name it (`{debateId}`).
 */
export interface StreamRef {
  kind: string;
  name: string;
  params: Record<string, string>;
  /** What leave sends, when it differs from `params`. */
  leave?: Record<string, string>;
}

export const streams = {
  debate: (debateId: string): StreamRef => ({ kind: 'debate', name: `debate:${debateId}`, params: { debateId } }),
  session: (sessionId: string): StreamRef => ({ kind: 'session', name: `session:${sessionId}`, params: { sessionId } }),
  /** The one moderators' stream: flags, queue changes, log entries, appeals. */
  moderation: (): StreamRef => ({ kind: 'moderation', name: 'moderation', params: {} }),
  /** One's own stream (notifications): joined with `{}`, left with one's id. */
  user: (userId: string): StreamRef => ({ kind: 'user', name: `user:${userId}`, params: {}, leave: { userId } }),
};

export interface JoinAck {
  ok: boolean;
  seq?: number;
  presence?: { count: number };
  missed?: StreamEvent[];
  reload?: boolean;
  error?: { statusCode: number; message: string | string[] };
}

export interface TypingUser {
  id: string;
  username: string;
  displayName: string;
}

export interface StreamHandlers {
  onEvent(event: StreamEvent): void;
  /**
   * Refetch from REST: after a first join (what the page loaded may predate the join) and when more was missed
   * than a join returns. Live events are held until it settles and applied on top.
   */
  onReload(): Promise<unknown>;
  onPresence?(count: number): void;
  onTyping?(user: TypingUser): void;
  onError?(error: NonNullable<JoinAck['error']>): void;
}

/** A logged event of this stream (presence and typing are ephemeral and carry no seq). */
function isStreamEvent(value: unknown, stream: string): value is StreamEvent {
  const event = value as Partial<StreamEvent> | null;
  return typeof event === 'object' && event !== null && event.stream === stream && typeof event.seq === 'number';
}

/**
 * One stream over the shared socket, of any registered kind. Joins with the last seq it has applied and resumes
 * after every reconnect. While a join is in flight, live events are held back: the ack's `missed` come first, then
 * the held events, and any seq already applied is dropped, so nothing is missed or doubled.
 * The first join has no seq to resume from, and the page's REST data may be older than the join (a cached page,
 * or a fetch that raced the join): it reloads once, holding live events until the fresh data is in.
 */
export class StreamSubscription {
  private lastSeq: number | null = null;
  private held: StreamEvent[] | null = null;
  /** Bumped by every join, so a join overtaken by a reconnect's newer one stops where it is. */
  private joins = 0;
  private readonly listeners: [string, (...args: never[]) => void][] = [];
  private readonly onAnyEvent = (_type: string, value?: unknown) => {
    if (isStreamEvent(value, this.stream.name)) this.receive(value);
  };

  constructor(
    private readonly socket: StreamSocket,
    private readonly stream: StreamRef,
    private readonly handlers: StreamHandlers,
  ) {
    const ours = (event: { stream: string }) => event.stream === stream.name;
    this.listeners.push(['connect', (() => void this.join()) as (...args: never[]) => void]);
    this.listeners.push([
      'presence',
      ((event: { stream: string; count: number }) => ours(event) && handlers.onPresence?.(event.count)) as (
        ...args: never[]
      ) => void,
    ]);
    this.listeners.push([
      'typing',
      ((event: { stream: string; user: TypingUser }) => ours(event) && handlers.onTyping?.(event.user)) as (
        ...args: never[]
      ) => void,
    ]);
    for (const [event, listener] of this.listeners) socket.on(event, listener);
    socket.onAny(this.onAnyEvent as (event: string, ...args: never[]) => void);
    if (socket.connected) void this.join();
  }

  get seq(): number | null {
    return this.lastSeq;
  }

  close(): void {
    for (const [event, listener] of this.listeners) this.socket.off(event, listener);
    this.socket.offAny(this.onAnyEvent as (event: string, ...args: never[]) => void);
    if (this.socket.connected)
      void this.socket
        .emitWithAck(`${this.stream.kind}:leave`, this.stream.leave ?? this.stream.params)
        .catch(() => undefined);
  }

  private async join(): Promise<void> {
    const join = ++this.joins;
    const since = this.lastSeq;
    this.held = [];
    let ack: JoinAck;
    try {
      ack = await this.socket.emitWithAck(
        `${this.stream.kind}:join`,
        since === null ? this.stream.params : { ...this.stream.params, since },
      );
    } catch {
      if (join === this.joins) this.held = null; // the socket dropped mid-join; the next connect joins again
      return;
    }
    if (join !== this.joins) return;
    if (!ack.ok) {
      this.release();
      if (ack.error) this.handlers.onError?.(ack.error);
      return;
    }
    if (ack.presence) this.handlers.onPresence?.(ack.presence.count);
    if (since === null || ack.reload) {
      this.advance(ack.seq);
      await this.handlers.onReload().catch(() => undefined);
      if (join !== this.joins) return;
    } else {
      for (const event of ack.missed ?? []) this.apply(event);
      this.advance(ack.seq);
    }
    this.release();
  }

  /** Applies what arrived during the join and lets live events through again. */
  private release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const event of held) this.apply(event);
  }

  private advance(seq: number | undefined): void {
    if (seq !== undefined && (this.lastSeq === null || seq > this.lastSeq)) this.lastSeq = seq;
  }

  private receive(event: StreamEvent): void {
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
