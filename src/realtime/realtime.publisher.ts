import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Server } from 'socket.io';
import { CommittedEvents } from '../events/committed-events';
import { AnyStoredEvent, StreamName, toWire } from '../events/stored-event';
import { ForumSocket } from './forum-socket';

/** Rooms of a stream: everyone in it, its moderators, and each signed-in member (for restricted events). */
export const rooms = {
  all: (stream: StreamName) => stream,
  staff: (stream: StreamName) => `${stream}#staff`,
  user: (stream: StreamName, userId: string) => `${stream}#user:${userId}`,
};

/**
 * The only place that sends to sockets. Committed events go to their stream's room; restricted ones (a pending
 * post) only to the moderators in it and their owner.
 */
@Injectable()
export class RealtimePublisher implements OnModuleDestroy {
  private server: Server | null = null;
  private readonly unsubscribe: () => void;

  constructor(committed: CommittedEvents) {
    this.unsubscribe = committed.subscribe((events) => events.forEach((event) => this.publish(event)));
  }

  attach(server: Server): void {
    this.server = server;
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  publish(event: AnyStoredEvent): void {
    if (!this.server) return;
    const wire = toWire(event);
    if (event.audience.kind === 'public') {
      this.server.to(rooms.all(event.stream)).emit(event.type, wire);
      return;
    }
    const targets = [rooms.staff(event.stream)];
    if (event.audience.ownerId) targets.push(rooms.user(event.stream, event.audience.ownerId));
    this.server.to(targets).emit(event.type, wire);
  }

  presence(stream: StreamName, count: number): void {
    this.server?.to(rooms.all(stream)).emit('presence', { stream, count });
  }

  /** To everyone else in the stream: the typist knows they are typing. */
  typing(from: ForumSocket, stream: StreamName, user: { id: string; username: string; displayName: string }): void {
    from.to(rooms.all(stream)).emit('typing', { stream, user });
  }
}
