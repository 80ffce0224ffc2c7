import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Server } from 'socket.io';
import { StreamName } from '../events/stored-event';
import { SocketData } from './forum-socket';
import { RealtimePublisher, rooms } from './realtime.publisher';

/** Presence broadcasts per room are coalesced to at most one per this many ms. */
const COALESCE_MS = 300;

/**
 * Who is in a stream: distinct signed-in people plus guest sockets, counted over the whole cluster
 * (fetchSockets asks every node through the adapter). Ephemeral: nothing is stored.
 */
@Injectable()
export class PresenceService implements OnModuleDestroy {
  private server: Server | null = null;
  private readonly pending = new Map<StreamName, NodeJS.Timeout>();

  constructor(private readonly publisher: RealtimePublisher) {}

  attach(server: Server): void {
    this.server = server;
  }

  async count(stream: StreamName): Promise<number> {
    if (!this.server) return 0;
    const sockets = await this.server.in(rooms.all(stream)).fetchSockets();
    const people = new Set<string>();
    let guests = 0;
    for (const socket of sockets) {
      const user = (socket.data as SocketData).user;
      if (user) people.add(user.id);
      else guests += 1;
    }
    return people.size + guests;
  }

  /** Someone came or went: tell the room, once per burst. */
  changed(stream: StreamName): void {
    if (this.pending.has(stream)) return;
    const timer = setTimeout(() => {
      this.pending.delete(stream);
      this.count(stream).then(
        (count) => this.publisher.presence(stream, count),
        () => undefined, // a node that did not answer in time; the next change recounts
      );
    }, COALESCE_MS);
    timer.unref();
    this.pending.set(stream, timer);
  }

  onModuleDestroy(): void {
    this.pending.forEach((timer) => clearTimeout(timer));
    this.pending.clear();
  }
}
