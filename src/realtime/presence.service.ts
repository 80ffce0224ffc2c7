import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Server } from 'socket.io';
import { StreamName } from '../events/stored-event';
import { SocketData } from './forum-socket';
import { RealtimePublisher, rooms } from './realtime.publisher';

/** Presence broadcasts per room are coalesced to at most one per this many ms. */
const COALESCE_MS = 300;
/**
 * A join's ack counts its room exactly while the room holds fewer sockets than this on the node; in a bigger one
 * the joins of a burst share a count at most COALESCE_MS old, which the coalesced broadcast then corrects. Counting
 * walks the whole room, so counting per join made filling a room of n take n² (10,000 readers: 240 s).
 */
const EXACT_BELOW = 200;

/**
 * Who is in a stream: distinct signed-in people plus guest sockets, counted over the whole cluster
 * (fetchSockets asks every node through the adapter). Ephemeral: nothing is stored.
 */
@Injectable()
export class PresenceService implements OnModuleDestroy {
  private server: Server | null = null;
  private readonly pending = new Map<StreamName, NodeJS.Timeout>();
  private readonly recent = new Map<StreamName, Promise<number>>();

  constructor(private readonly publisher: RealtimePublisher) {}

  attach(server: Server): void {
    this.server = server;
  }

  /** The count for a join's ack: exact in a small room, shared by a burst of joins in a big one. */
  count(stream: StreamName): Promise<number> {
    const local = this.server?.sockets.adapter.rooms.get(rooms.all(stream))?.size ?? 0;
    if (local < EXACT_BELOW) return this.countNow(stream);
    let counted = this.recent.get(stream);
    if (!counted) {
      counted = this.countNow(stream);
      this.recent.set(stream, counted);
      counted.catch(() => this.recent.delete(stream)); // a failed count is not shared: the next join asks again
      setTimeout(() => this.recent.delete(stream), COALESCE_MS).unref();
    }
    return counted;
  }

  private async countNow(stream: StreamName): Promise<number> {
    if (!this.server) return 0;
    const room = rooms.all(stream);
    // Over the cluster; when another node does not answer (Redis away), this node's own readers.
    const sockets = await this.server
      .in(room)
      .fetchSockets()
      .catch(() => this.server!.local.in(room).fetchSockets());
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
      this.countNow(stream).then(
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
    this.recent.clear();
  }
}
