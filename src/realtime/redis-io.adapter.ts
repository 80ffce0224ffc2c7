import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import { ConfigError } from '../config/environment';

/** How long the start waits for Redis before it gives up. */
export const REDIS_CONNECT_TIMEOUT_MS = 5000;

/** socket.io over Redis pub/sub, so rooms, broadcasts and fetchSockets span every node (nestjs/nest sample 02). */
export class RedisIoAdapter extends IoAdapter {
  private readonly redisLogger = new Logger(RedisIoAdapter.name);
  private clients: { quit(): Promise<unknown> }[] = [];
  private adapterConstructor: ReturnType<typeof createAdapter> | null = null;

  constructor(
    app: INestApplicationContext,
    private readonly url: string,
  ) {
    super(app);
  }

  /** Connects both clients, or throws one line naming REDIS_URL: an unreachable Redis must not hang the start. */
  async connect(): Promise<void> {
    let connected = false;
    const pub = createClient({
      url: this.url,
      socket: {
        connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
        // Before the first connection a failure ends the attempt (node-redis would retry forever); after it, a
        // dropped connection is retried with backoff while the node keeps serving.
        reconnectStrategy: (retries: number, cause: Error) => (connected ? Math.min(100 * 2 ** retries, 5000) : cause),
      },
    });
    const sub = pub.duplicate();
    for (const client of [pub, sub])
      client.on('error', (error: Error) => connected && this.redisLogger.error(`Redis: ${error.message}`));
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.all([pub.connect(), sub.connect()]),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer in ${REDIS_CONNECT_TIMEOUT_MS / 1000} s`)),
            REDIS_CONNECT_TIMEOUT_MS,
          );
        }),
      ]);
    } catch (error) {
      for (const client of [pub, sub]) client.destroy(); // idempotent, and it stops a handshake in flight
      throw new ConfigError(`REDIS_URL: cannot connect to Redis at ${hostOf(this.url)} (${(error as Error).message})`);
    } finally {
      clearTimeout(timer);
    }
    connected = true;
    this.clients = [pub, sub];
    this.adapterConstructor = createAdapter(pub, sub);
  }

  createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    server.adapter(this.adapterConstructor!);
    return server;
  }

  async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.clients.map((client) => client.quit().catch(() => undefined)));
    this.clients = [];
  }
}

/** Host and port only: the URL may carry a password, which never reaches a log line. */
function hostOf(url: string): string {
  try {
    return new URL(url).host || url.split('@').pop()!;
  } catch {
    return 'REDIS_URL';
  }
}
