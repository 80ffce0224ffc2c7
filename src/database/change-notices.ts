import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { DATABASE_CONNECTION, type DatabaseConnection } from './data-source-options';

/** Channels a cache can watch; each is also the name of a PostgreSQL notification channel. */
export type NoticeChannel = 'watched_words';
const CHANNELS: readonly NoticeChannel[] = ['watched_words'];

const RETRY_MS = { first: 500, max: 30_000 };

/**
 * Tells an in-process cache when the data behind it changed, on any node, without a query per use: a change sends
 * `NOTIFY <channel>` in its own transaction (`notify`), PostgreSQL delivers it at COMMIT to every node's listening
 * connection, and the channel's generation moves. A cache keeps the generation it was filled at and is current while
 * that is still the generation.
 *
 * `generation` answers null while no listener is connected (starting, or PostgreSQL away): notices may be missed,
 * so a cache checks the database itself, as it would without this. On the embedded database there is no other node
 * (the data directory is locked to one process) and no second session to listen on; its changes are this process's
 * own, which `changed` counts after they commit.
 */
@Injectable()
export class ChangeNotices implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ChangeNotices.name);
  private readonly generations = new Map<NoticeChannel, number>(CHANNELS.map((channel) => [channel, 0]));
  private listener: Client | null = null;
  private listening: boolean;
  private retryMs = RETRY_MS.first;
  private retry: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {
    this.listening = connection.embedded;
  }

  onModuleInit(): void {
    if (!this.connection.embedded) void this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.listener?.end().catch(() => undefined);
  }

  /** The channel's generation, or null when changes could go unnoticed (the caller checks the database). */
  generation(channel: NoticeChannel): number | null {
    return this.listening ? this.generations.get(channel)! : null;
  }

  /** Sends the channel's notice when `tx` commits (nothing is sent if it rolls back). */
  async notify(tx: EntityManager, channel: NoticeChannel): Promise<void> {
    await tx.query(`NOTIFY ${channel}`);
  }

  /** A change this process committed: its own caches see it at once, whatever the listener's state. */
  changed(channel: NoticeChannel): void {
    this.bump(channel);
  }

  private bump(channel: NoticeChannel): void {
    this.generations.set(channel, this.generations.get(channel)! + 1);
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.connection.url, keepAlive: true });
    this.listener = client;
    client.on('notification', ({ channel }) => {
      if (this.generations.has(channel as NoticeChannel)) this.bump(channel as NoticeChannel);
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      for (const channel of CHANNELS) await client.query(`LISTEN ${channel}`);
    } catch {
      this.lost(client);
      return;
    }
    if (this.listener !== client) return;
    // Anything may have changed while no one listened: every cache checks once more.
    CHANNELS.forEach((channel) => this.bump(channel));
    this.listening = true;
    if (this.retryMs > RETRY_MS.first) this.logger.log('Listening for changes from other nodes again.');
    this.retryMs = RETRY_MS.first;
  }

  private lost(client: Client): void {
    if (this.listener !== client) return;
    this.listener = null;
    this.listening = false;
    void client.end().catch(() => undefined);
    if (this.closed) return;
    if (this.retryMs === RETRY_MS.first) {
      this.logger.warn('Not listening for changes from other nodes; caches check the database on every use.');
    }
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.listen();
    }, this.retryMs);
    this.retry.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MS.max);
  }
}
