import { UseFilters, UsePipes } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Server } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import { tokenFromHeaders } from '../auth/auth-token';
import { assertAccess } from '../common/auth/access';
import { DomainError } from '../common/errors/domain-error';
import { validationPipe } from '../common/validation/validation-options';
import { DebatesService } from '../debates/debates.service';
import { EventStore } from '../events/event-store';
import { debateStream, StreamName, toWire } from '../events/stored-event';
import { PostsService, viewerOf } from '../posts/posts.service';
import { isModerator, User } from '../users/user.entity';
import { AckExceptionFilter } from './ack-exception.filter';
import { CreatePostMessage, JoinDebateMessage, LeaveDebateMessage, TypingMessage } from './dto/messages';
import { ForumSocket } from './forum-socket';
import { messageGuard } from './message-guard';
import { PresenceService } from './presence.service';
import { RealtimePublisher, rooms } from './realtime.publisher';

const KNOWN_EVENTS = new Set(['debate:join', 'debate:leave', 'post:create', 'typing']);
/** A join returns at most this many missed events; past it the client is told to reload. */
export const MISSED_CAP = 1000;
/** At most one typing relay per socket and stream in this window. */
const TYPING_INTERVAL_MS = 2000;

/**
 * Translates socket messages into service calls; the rules live in the services, shared with REST.
 * Payloads pass the same validation as REST bodies (globals skip gateways, so it is bound here).
 */
@UsePipes(validationPipe())
@UseFilters(AckExceptionFilter)
@WebSocketGateway({ serveClient: false, maxHttpBufferSize: 1_000_000 })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly lastTyping = new WeakMap<ForumSocket, Map<StreamName, number>>();

  constructor(
    private readonly auth: AuthService,
    private readonly debates: DebatesService,
    private readonly posts: PostsService,
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
    socket.use(messageGuard(socket, KNOWN_EVENTS));
    socket.on('disconnecting', () => {
      for (const room of socket.rooms)
        if (room.startsWith('debate:') && !room.includes('#')) this.presence.changed(room as StreamName);
    });
  }

  @SubscribeMessage('debate:join')
  async joinDebate(@ConnectedSocket() socket: ForumSocket, @MessageBody() message: JoinDebateMessage) {
    await this.debates.require(message.debateId);
    const stream = debateStream(message.debateId);
    const before = await this.events.lastSeq(stream);
    if (message.since !== undefined && message.since > before) {
      throw new DomainError('invalid_input', `since (${message.since}) is ahead of the stream, which is at ${before}`);
    }
    // Join first, read after: an event committed in between arrives both ways, and the client drops the copy.
    await socket.join(roomsFor(stream, socket.data.user));
    const seq = await this.events.lastSeq(stream);
    const logged =
      message.since === undefined
        ? []
        : await this.events.after(stream, message.since, viewerOf(socket.data.user), MISSED_CAP + 1);
    const missed = await this.posts.replayable(logged.slice(0, MISSED_CAP), socket.data.user);
    this.presence.changed(stream);
    return {
      ok: true,
      seq,
      presence: { count: await this.presence.count(stream) },
      missed: missed.map(toWire),
      ...(logged.length > MISSED_CAP ? { reload: true } : {}),
    };
  }

  @SubscribeMessage('debate:leave')
  async leaveDebate(@ConnectedSocket() socket: ForumSocket, @MessageBody() message: LeaveDebateMessage) {
    const stream = debateStream(message.debateId);
    const joined = [...socket.rooms].filter((room) => room === stream || room.startsWith(`${stream}#`));
    await Promise.all(joined.map((room) => socket.leave(room)));
    this.presence.changed(stream);
    return { ok: true };
  }

  @SubscribeMessage('post:create')
  async createPost(@ConnectedSocket() socket: ForumSocket, @MessageBody() message: CreatePostMessage) {
    const author = await this.participant(socket);
    const { debateId, ...body } = message;
    const { post } = await this.posts.create(author, debateId, body);
    return { ok: true, post };
  }

  @SubscribeMessage('typing')
  async typing(@ConnectedSocket() socket: ForumSocket, @MessageBody() message: TypingMessage) {
    const user = await this.participant(socket);
    const stream = debateStream(message.debateId);
    if (!socket.rooms.has(rooms.all(stream))) {
      await this.debates.require(message.debateId); // an unknown debate is a 404, as over REST
      throw new DomainError('invalid_input', 'Join the debate before typing in it.');
    }
    const seen = this.lastTyping.get(socket) ?? new Map<StreamName, number>();
    this.lastTyping.set(socket, seen);
    const now = Date.now();
    if (now - (seen.get(stream) ?? 0) >= TYPING_INTERVAL_MS) {
      seen.set(stream, now);
      this.publisher.typing(socket, stream, { id: user.id, username: user.username, displayName: user.displayName });
    }
    return { ok: true };
  }

  /** Writes re-check the token, so a sign-out, a suspension or a role change applies to open sockets at once. */
  private async participant(socket: ForumSocket): Promise<User> {
    const identity = await this.auth.authenticate(socket.data.token);
    socket.data.user = identity?.user ?? null;
    return assertAccess(socket.data.user, {});
  }
}

function roomsFor(stream: StreamName, user: User | null): string[] {
  if (!user) return [rooms.all(stream)];
  const joined = [rooms.all(stream), rooms.user(stream, user.id)];
  if (isModerator(user)) joined.push(rooms.staff(stream));
  return joined;
}
