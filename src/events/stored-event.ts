/** Streams: `debate:<id>`, `session:<id>`, `moderation`. */
export type StreamName = `debate:${string}` | `session:${string}` | 'moderation';

/**
 * Who may see an event. `public`: everyone in the stream. `restricted`: moderators and `ownerId` only
 * (a pending post reaches its author and the moderators, nobody else).
 */
export type Audience = { kind: 'public' } | { kind: 'restricted'; ownerId: string | null };

export interface StoredEvent<Data = unknown> {
  stream: StreamName;
  seq: number;
  type: string;
  data: Data;
  audience: Audience;
  createdAt: string;
}

/** What a client receives: `{type, stream, seq, data}` under the event name `type`. */
export interface WireEvent<Data = unknown> {
  type: string;
  stream: StreamName;
  seq: number;
  data: Data;
}

export function toWire({ type, stream, seq, data }: StoredEvent): WireEvent {
  return { type, stream, seq, data };
}

export function debateStream(debateId: string): StreamName {
  return `debate:${debateId}`;
}
