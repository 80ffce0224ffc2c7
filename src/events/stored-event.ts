import type { ForumEvents, ForumEventType } from './forum-events';

/**
 * A stream is `<kind>:<id>` (`debate:<uuid>`, `session:<uuid>`, `user:<uuid>`) or a kind with a single stream
 * (`moderation`). Kinds are registered with the SocketContract by the feature that owns them.
 */
export type StreamName = `${string}:${string}` | 'moderation';

/** The kind of a stream: what precedes the first colon (`debate:…` → `debate`), or the whole name. */
export function kindOfStream(stream: StreamName): string {
  const colon = stream.indexOf(':');
  return colon === -1 ? stream : stream.slice(0, colon);
}

/**
 * Who may see an event. `public`: everyone in the stream. `restricted`: moderators and `ownerId` only
 * (a pending post reaches its author and the moderators, nobody else).
 */
export type Audience = { kind: 'public' } | { kind: 'restricted'; ownerId: string | null };

export interface StoredEvent<Type extends ForumEventType = ForumEventType> {
  stream: StreamName;
  seq: number;
  type: Type;
  data: ForumEvents[Type];
  audience: Audience;
  createdAt: string;
}

/** Any one event, discriminated by `type`: a switch on it narrows `data`. */
export type AnyStoredEvent = { [Type in ForumEventType]: StoredEvent<Type> }[ForumEventType];

/** What a client receives: `{type, stream, seq, data}` under the event name `type`. */
export interface WireEvent<Type extends ForumEventType = ForumEventType> {
  type: Type;
  stream: StreamName;
  seq: number;
  data: ForumEvents[Type];
}

export function toWire<Type extends ForumEventType>({ type, stream, seq, data }: StoredEvent<Type>): WireEvent<Type> {
  return { type, stream, seq, data };
}

export function debateStream(debateId: string): StreamName {
  return `debate:${debateId}`;
}
