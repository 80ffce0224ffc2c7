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
  /**
   * Refetch from REST: after a first join (what the page loaded may predate the join) and when more was missed
   * than a join returns. Live events are held until it settles and applied on top.
   */
  onReload(): Promise<unknown>;
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
 * The first join has no seq to resume from, and the page's REST data may be older than the join (a cached page,
 * or a fetch that raced the join): it reloads once, holding live events until the fresh data is in.
 */
export class StreamSubscription {
  private lastSeq: number | null = null;
  private held: StreamEvent[] | null = null;
  /** Bumped by every join, so a join overtaken by a reconnect's newer one stops where it is. */
  private joins = 0;
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
    const join = ++this.joins;
    const since = this.lastSeq;
    this.held = [];
    let ack: JoinAck;
    try {
      ack = await this.socket.emitWithAck(
        'debate:join',
        since === null ? { debateId: this.debateId } : { debateId: this.debateId, since },
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
    if (ack.presence) this.handlers.onPresence(ack.presence.count);
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
