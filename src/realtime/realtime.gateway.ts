import type { Type } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Event, Server } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import { tokenFromHeaders } from '../auth/auth-token';
import { AccessRule, assertAccess } from '../common/auth/access';
import { Actor, isModerator, viewerOf } from '../common/auth/actor';
import { DomainError } from '../common/errors/domain-error';
import { errorBodyOf } from '../common/errors/error-body';
import { validationPipe } from '../common/validation/validation-options';
import { EventStore } from '../events/event-store';
import { SocketContract, StreamJoinMessage, StreamKind } from '../events/socket-contract';
import { kindOfStream, StreamName, toWire } from '../events/stored-event';
import { DirectFrameAdapter } from './direct-frames';
import { TypingMessage } from './dto/typing.message';
import { ForumSocket } from './forum-socket';
import { messageGuard } from './message-guard';
import { PresenceService } from './presence.service';
import { RealtimePublisher, rooms } from './realtime.publisher';

/** A join returns at most this many missed events; past it the client is told to reload. */
export const MISSED_CAP = 1000;
/** At most one typing relay per socket and stream in this window. */
const TYPING_INTERVAL_MS = 2000;

/** Answers one client message with the fields of its ack besides `ok: true`. */
type Handler = (socket: ForumSocket, payload: unknown) => Promise<Record<string, unknown>>;

/**
 * The socket side of the API, knowing no feature: it answers `<kind>:join` / `<kind>:leave` for every stream kind
 * registered in the SocketContract (with resume by `since`), the registered commands, and `typing`. One dispatcher
 * per socket handles every message (no per-handler subscriptions): it validates the payload like a REST body, checks
 * access and acks `{ok: true, ...}` or `{ok: false, error}` with the status the REST call would have answered.
 * Broadcasts reach their readers through DirectFrameAdapter (one node; with REDIS_URL the Redis adapter's own path).
 */
@WebSocketGateway({ serveClient: false, maxHttpBufferSize: 1_000_000, adapter: DirectFrameAdapter })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  /** Built at the first connection, when every module has registered its streams and commands. */
  private handlers: ReadonlyMap<string, Handler> | null = null;
  private readonly validation = validationPipe();
  private readonly lastTyping = new WeakMap<ForumSocket, Map<StreamName, number>>();

  constructor(
    private readonly auth: AuthService,
    private readonly contract: SocketContract,
    private readonly events: EventStore,
    private readonly publisher: RealtimePublisher,
    private readonly presence: PresenceService,
  ) {}

  afterInit(server: Server): void {
    this.publisher.attach(server);
    this.presence.attach(server);
    // Identify every socket once at the handshake; without a valid token it is a read-only guest.
    server.use((socket: ForumSocket, next) => {
      const fromAuth: unknown = socket.handshake.auth?.token;
      const token = typeof fromAuth === 'string' && fromAuth ? fromAuth : tokenFromHeaders(socket.handshake.headers);
      this.auth.authenticate(token).then(
        (identity) => {
          socket.data.token = identity ? token : null;
          socket.data.user = identity?.user ?? null;
          next();
        },
        (error: Error) => next(error),
      );
    });
  }

  handleConnection(socket: ForumSocket): void {
    const handlers = (this.handlers ??= this.buildHandlers());
    socket.use(messageGuard(socket, handlers));
    socket.use(([event, ...args]: Event) => {
      const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (response: unknown) => void) : null;
      handlers.get(event)!(socket, args[0]).then(
        (result) => ack?.({ ok: true, ...result }),
        (error: unknown) => ack?.({ ok: false, error: errorBodyOf(error) }),
      );
    });
    socket.on('disconnecting', () => {
      for (const room of socket.rooms) if (this.counted(room)) this.presence.changed(room as StreamName);
    });
  }

  /** Every message a client may send, derived from what the features registered. */
  private buildHandlers(): ReadonlyMap<string, Handler> {
    const handlers = new Map<string, Handler>();
    for (const kind of this.contract.streamKinds()) {
      handlers.set(`${kind.name}:join`, async (socket, payload) =>
        this.join(socket, kind, await this.validate(kind.joinMessage, payload)),
      );
      handlers.set(`${kind.name}:leave`, async (socket, payload) =>
        this.leave(socket, kind.streamOf(await this.validate(kind.leaveMessage, payload))),
      );
    }
    for (const command of this.contract.socketCommands()) {
      handlers.set(command.name, async (socket, payload) => {
        const message = await this.validate(command.message, payload);
        return command.handle(message, await this.signedIn(socket, command.access));
      });
    }
    handlers.set('typing', async (socket, payload) => this.typing(socket, await this.validate(TypingMessage, payload)));
    return handlers;
  }

  private async join(socket: ForumSocket, kind: StreamKind, message: StreamJoinMessage) {
    const reader = socket.data.user;
    const { stream, ack } = await kind.open(message, reader);
    const before = await this.events.lastSeq(stream);
    if (message.since !== undefined && message.since > before) {
      throw new DomainError('invalid_input', `since (${message.since}) is ahead of the stream, which is at ${before}`);
    }
    // Join first, read after: an event committed in between arrives both ways, and the client drops the copy.
    await socket.join(roomsFor(stream, reader));
    const seq = await this.events.lastSeq(stream);
    const logged =
      message.since === undefined
        ? []
        : await this.events.after(stream, message.since, viewerOf(reader), MISSED_CAP + 1);
    const missed = await kind.replay(logged.slice(0, MISSED_CAP), reader);
    if (kind.presence) this.presence.changed(stream);
    return {
      seq,
      ...(kind.presence ? { presence: { count: await this.presence.count(stream) } } : {}),
      ...ack,
      missed: missed.map(toWire),
      ...(logged.length > MISSED_CAP ? { reload: true } : {}),
    };
  }

  private async leave(socket: ForumSocket, stream: StreamName) {
    const joined = [...socket.rooms].filter((room) => room === stream || room.startsWith(`${stream}#`));
    await Promise.all(joined.map((room) => socket.leave(room)));
    if (this.counted(stream)) this.presence.changed(stream);
    return {};
  }

  private async typing(socket: ForumSocket, message: TypingMessage) {
    const user = await this.signedIn(socket, {});
    // Typing happens in debates: their kind names the stream and knows whether the debate exists.
    const debates = this.contract.streamKind('debate')!;
    const stream = debates.streamOf(message);
    if (!socket.rooms.has(rooms.all(stream))) {
      await debates.open({ debateId: message.debateId } as StreamJoinMessage, user); // unknown: 404, as over REST
      throw new DomainError('invalid_input', 'Join the debate before typing in it.');
    }
    const seen = this.lastTyping.get(socket) ?? new Map<StreamName, number>();
    this.lastTyping.set(socket, seen);
    const now = Date.now();
    if (now - (seen.get(stream) ?? 0) >= TYPING_INTERVAL_MS) {
      seen.set(stream, now);
      this.publisher.typing(socket, stream, { id: user.id, username: user.username, displayName: user.displayName });
    }
    return {};
  }

  /** Payloads pass the same validation as REST bodies: unknown fields refused, 400 naming what is wrong. */
  private validate<Message>(type: Type<Message>, payload: unknown): Promise<Message> {
    return this.validation.transform(payload, { type: 'body', metatype: type }) as Promise<Message>;
  }

  /** Writes re-check the token, so a sign-out, a suspension or a role change applies to open sockets at once. */
  private async signedIn(socket: ForumSocket, rule: AccessRule): Promise<Actor> {
    const identity = await this.auth.authenticate(socket.data.token);
    socket.data.user = identity?.user ?? null;
    return assertAccess(socket.data.user, rule);
  }

  /** A stream room (not a staff or personal one) of a kind whose readers are counted. */
  private counted(room: string): boolean {
    return !room.includes('#') && this.contract.streamKind(kindOfStream(room as StreamName))?.presence === true;
  }
}

function roomsFor(stream: StreamName, user: Actor | null): string[] {
  if (!user) return [rooms.all(stream)];
  const joined = [rooms.all(stream), rooms.user(stream, user.id)];
  if (isModerator(user)) joined.push(rooms.staff(stream));
  return joined;
}
