import type { RedisClient } from '../../src/common/redis/redis-connection';
import { settledPublishes } from '../../src/realtime/redis-io.adapter';

/**
 * The socket.io Redis adapter publishes without awaiting. A publish that fails (Redis went away under it, or the
 * client closed at shutdown) must settle, not become an unhandled rejection that ends the process.
 */
describe("the adapter's publishes", () => {
  const failing = (publish: () => Promise<number>) => settledPublishes({ publish } as unknown as RedisClient);

  it('settle when Redis drops the connection under them', async () => {
    const client = failing(() => Promise.reject(new Error('Socket closed unexpectedly')));
    await expect(client.publish('channel', 'message')).resolves.toBe(0);
  });

  it('settle when the client is already closed and throws at once', async () => {
    const client = failing(() => {
      throw new Error('The client is closed');
    });
    await expect(client.publish('channel', 'message')).resolves.toBe(0);
  });

  it('pass an answer through', async () => {
    const client = failing(() => Promise.resolve(2));
    await expect(client.publish('channel', 'message')).resolves.toBe(2);
  });
});
