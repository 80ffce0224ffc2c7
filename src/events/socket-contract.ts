import { Injectable, Type } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateBy, ValidateIf } from 'class-validator';
import type { AccessRule } from '../common/auth/access';
import type { Actor } from '../common/auth/actor';
import type { EventPayloadClasses } from './forum-events';
import type { AnyStoredEvent, StreamName } from './stored-event';

/** What every `<kind>:join` carries besides naming its stream. */
export class StreamJoinMessage {
  /** The last seq the client saw; events after it come back as `missed`. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'The last seq seen; later events come as missed' })
  // Absent is fine, but null, a boolean or a numeric string is not an integer: no conversion, 400.
  @ValidateIf((message: StreamJoinMessage) => message.since !== undefined)
  @ValidateBy(
    { name: 'isSeq', validator: { validate: (value) => Number.isSafeInteger(value) && (value as number) >= 0 } },
    { message: 'since must be a non-negative integer' },
  )
  since?: number;
}

export interface OpenedStream {
  stream: StreamName;
  /** Fields the join ack carries besides `{ok, seq, missed}` (a session join adds the session). */
  ack?: Record<string, unknown>;
}

/**
 * A kind of stream a client can follow: `debate`, later `session`, `moderation`, `user`. The feature that owns it
 * registers it; the gateway then answers `<name>:join` and `<name>:leave` for it, with resume by `since`, and knows
 * nothing else about it.
 */
export interface StreamKind<Join extends StreamJoinMessage = StreamJoinMessage, Leave extends object = object> {
  /** `debate`: messages `debate:join` / `debate:leave`, streams `debate:<id>`. */
  readonly name: string;
  /** The payload classes of join and leave, validated like REST bodies (unknown fields refused). */
  readonly joinMessage: Type<Join>;
  readonly leaveMessage: Type<Leave>;
  /** The class of the join ack's fields besides `{ok, seq, presence, missed}` (OpenedStream.ack), if it adds any. */
  readonly joinAck?: Type<object>;
  /** Whether its readers are counted (`presence` in the join ack and as an event). */
  readonly presence: boolean;
  /** The events its streams carry, type → payload class (for the AsyncAPI document). */
  readonly events: EventPayloadClasses;
  /** Checks that the stream exists (404) and that this reader may follow it (401, 403); names it. */
  open(message: Join, reader: Actor | null): Promise<OpenedStream>;
  /** The stream a leave names; leaving a stream one never joined does nothing. */
  streamOf(message: Leave): StreamName;
  /**
   * What this reader may see of logged events as things are now (the log already leaves out events restricted to
   * others): a resume must never bring back what was hidden or deleted since.
   */
  replay(events: AnyStoredEvent[], reader: Actor | null): Promise<AnyStoredEvent[]>;
}

/** A client → server message that is not a join or leave, such as `post:create`. */
export interface SocketCommand<Message extends object = object> {
  /** `<noun>:<verb>`. */
  readonly name: string;
  readonly message: Type<Message>;
  /** The class of the ack's fields besides `ok: true` (for the AsyncAPI document). */
  readonly ack: Type<object>;
  /** Who may send it. The socket's token is checked again first, so a sign-out or suspension applies at once. */
  readonly access: AccessRule;
  /** Answers the fields of the ack besides `ok: true`. */
  handle(message: Message, actor: Actor): Promise<Record<string, unknown>>;
}

/**
 * What clients may send over a socket: the join and leave of every registered stream kind, and the registered
 * commands. Features register at module init; the gateway reads it once connections begin.
 */
@Injectable()
export class SocketContract {
  private readonly kinds = new Map<string, StreamKind>();
  private readonly commands = new Map<string, SocketCommand>();

  addStream<Join extends StreamJoinMessage, Leave extends object>(kind: StreamKind<Join, Leave>): void {
    if (this.kinds.has(kind.name)) throw new Error(`Stream kind "${kind.name}" is registered twice`);
    this.kinds.set(kind.name, kind as unknown as StreamKind);
  }

  addCommand<Message extends object>(command: SocketCommand<Message>): void {
    if (this.commands.has(command.name)) throw new Error(`Socket command "${command.name}" is registered twice`);
    this.commands.set(command.name, command as unknown as SocketCommand);
  }

  streamKinds(): StreamKind[] {
    return [...this.kinds.values()];
  }

  streamKind(name: string): StreamKind | undefined {
    return this.kinds.get(name);
  }

  socketCommands(): SocketCommand[] {
    return [...this.commands.values()];
  }
}
