import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server, ServerOptions } from 'socket.io';
import { closeRedis, connectRedis, RedisClient } from '../common/redis/redis-connection';

const REQUESTS_TIMEOUT_MS = 2000;

const logger = new Logger('Redis');

/** socket.io over Redis pub/sub, so rooms, broadcasts and fetchSockets span every node (nestjs/nest sample 02). */
export class RedisIoAdapter extends IoAdapter {
  private clients: RedisClient[] = [];
  private adapterConstructor: ReturnType<typeof createAdapter> | null = null;

  constructor(
    app: INestApplicationContext,
    private readonly url: string,
  ) {
    super(app);
  }

  /** Connects both clients, or throws one line naming REDIS_URL. */
  async connect(): Promise<void> {
    const connecting = [connectRedis(this.url), connectRedis(this.url)];
    const settled = await Promise.allSettled(connecting);
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed) {
      for (const result of settled) if (result.status === 'fulfilled') result.value.destroy();
      throw failed.reason;
    }
    const [pub, sub] = settled.map((result) => (result as PromiseFulfilledResult<RedisClient>).value);
    this.clients = [pub, sub];
    // A cluster-wide request (fetchSockets, for presence) that another node does not answer within this many ms
    // fails, and presence falls back to this node's own readers: while Redis is away, joins must not hang.
    this.adapterConstructor = createAdapter(settledPublishes(pub), sub, { requestsTimeout: REQUESTS_TIMEOUT_MS });
  }

  createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    server.adapter(this.adapterConstructor!);
    return server;
  }

  async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.clients.map(closeRedis));
    this.clients = [];
  }
}

/**
 * The adapter publishes without awaiting the answer. While Redis is away a publish fails (the socket closed under it,
 * or the client closed at shutdown), and an unhandled rejection would end the Node process. Here it is logged
 * instead; readers on other nodes get what they missed from the event log when they rejoin.
 */
export function settledPublishes(client: RedisClient): RedisClient {
  const publish = client.publish.bind(client);
  // async: a client already closed throws at once, which lands here too.
  const settled = async (channel: string, message: string) => {
    try {
      return await publish(channel, message);
    } catch (error) {
      logger.warn(`Redis publish failed: ${(error as Error).message}`);
      return 0;
    }
  };
  return Object.assign(client, { publish: settled, PUBLISH: settled });
}
