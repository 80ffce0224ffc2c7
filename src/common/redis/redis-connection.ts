import { Logger } from '@nestjs/common';
import { createClient } from 'redis';
import { ConfigError } from '../../config/environment';

/** How long the start waits for Redis before it gives up. */
export const REDIS_CONNECT_TIMEOUT_MS = 5000;

export type RedisClient = ReturnType<typeof createRedisClient>;

const logger = new Logger('Redis');

/**
 * A connected node-redis client, or one line naming REDIS_URL: an unreachable Redis must not hang the start.
 * After the first connection a dropped one is retried with backoff while the node keeps serving.
 */
export async function connectRedis(url: string): Promise<RedisClient> {
  let connected = false;
  const client = createRedisClient(url, () => connected);
  client.on('error', (error: Error) => connected && logger.error(`Redis: ${error.message}`));
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer in ${REDIS_CONNECT_TIMEOUT_MS / 1000} s`)),
          REDIS_CONNECT_TIMEOUT_MS,
        );
      }),
    ]);
  } catch (error) {
    client.destroy(); // idempotent, and it stops a handshake in flight
    throw new ConfigError(`REDIS_URL: cannot connect to Redis at ${hostOf(url)} (${(error as Error).message})`);
  } finally {
    clearTimeout(timer);
  }
  connected = true;
  return client;
}

/**
 * Closes a client: politely when connected (pending commands finish), at once when Redis is away (a polite close
 * would wait for a reconnection that may never come, and hold the shutdown).
 */
export async function closeRedis(client: RedisClient): Promise<void> {
  if (client.isReady) await client.close().catch(() => client.destroy());
  else client.destroy();
}

/** Host and port only: the URL may carry a password, which never reaches a log line. */
function hostOf(url: string): string {
  try {
    return new URL(url).host || url.split('@').pop()!;
  } catch {
    return 'REDIS_URL';
  }
}

function createRedisClient(url: string, connected: () => boolean) {
  return createClient({
    url,
    socket: {
      connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
      // Before the first connection a failure ends the attempt (node-redis would retry forever).
      reconnectStrategy: (retries: number, cause: Error) => (connected() ? Math.min(100 * 2 ** retries, 5000) : cause),
    },
  });
}
