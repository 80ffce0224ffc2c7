import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { jsonBody } from './common/http/json-body.middleware';
import { serveApiDocs } from './api-docs/api-docs';
import { API_PREFIX } from './api-docs/openapi-document';
import { ShutdownGate } from './common/http/shutdown-gate';
import { createLogging } from './common/logging/logging';
import { AppConfig } from './config/app-config';
import { EmbeddedDatabase } from './database/embedded-database';
import type * as RedisConnection from './common/redis/redis-connection';
import type * as RedisAdapter from './realtime/redis-io.adapter';

export interface RunningServer {
  app: INestApplication;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Starts the whole product: database (embedded unless DATABASE_URL), migrations, seed, HTTP and sockets. */
export interface ServerOptions {
  /** Overrides config.port (tests listen on 0). */
  port?: number;
  /** The built client to serve at `/`; defaults to client/dist. */
  clientDir?: string;
  /** The embedded database, already starting (main.ts starts it before loading this module); else started here. */
  embedded?: Promise<EmbeddedDatabase>;
}

export async function startServer(config: AppConfig, options: ServerOptions = {}): Promise<RunningServer> {
  // Limits are counted in Redis when there is one; this client is theirs (the socket adapter keeps its own pair).
  // The Redis client library is loaded only then: a single node without Redis does not pay for it at start.
  const redisConnection = config.redisUrl ? load<typeof RedisConnection>('./common/redis/redis-connection') : null;
  const embeddedStart = config.databaseUrl ? null : (options.embedded ?? EmbeddedDatabase.start(config.dataDir));
  let embedded: EmbeddedDatabase | null = null;
  let redis: RedisConnection.RedisClient | null = null;
  let app: NestExpressApplication;
  try {
    embedded = await embeddedStart;
    redis = redisConnection ? await redisConnection.connectRedis(config.redisUrl!) : null;
    const database = { url: config.databaseUrl ?? embedded!.url, embedded: embedded !== null };
    app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot(config, database, redis, options.clientDir),
      { bodyParser: false, bufferLogs: true },
    );
  } catch (error) {
    await embedded?.stop();
    redis?.destroy();
    throw error;
  }
  try {
    await configureApp(app, config);
    await app.listen(options.port ?? config.port);
  } catch (error) {
    // Redis unreachable, port taken: nothing may keep the process (or a test run) alive after a failed start.
    await app.close().catch(() => undefined);
    await embedded?.stop();
    redis?.destroy();
    throw error;
  }
  const port = (app.getHttpServer().address() as { port: number }).port;
  new Logger('Server').log(`Listening on http://localhost:${port}`);
  let closing: Promise<void> | undefined;
  return {
    app,
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      (closing ??= (async () => {
        // Drain, then close: nothing new is taken, and what was taken finishes (and is broadcast) first.
        await app.get(ShutdownGate).close();
        await app.close();
        await embedded?.stop();
        if (redis) await redisConnection!.closeRedis(redis);
      })()),
  };
}

export async function configureApp(app: NestExpressApplication, config: AppConfig): Promise<void> {
  const { logger, requests } = createLogging(config.logLevel);
  app.useLogger(logger);
  app.use(requests);
  app.setGlobalPrefix(API_PREFIX);
  app.disable('x-powered-by');
  // Express hashes every answer's body for an ETag (sha1 of a 40 KB page on every read): the API's answers change
  // with every event, and clients learn of changes from the socket, not by revalidating. The client's files keep
  // theirs (serve-static sets its own, from the file).
  app.set('etag', false);
  if (config.trustProxy !== null) app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'script-src': ["'self'"],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'img-src': ["'self'", 'data:'],
          // API.md: no page of this site may be framed, not even by itself.
          'frame-ancestors': ["'none'"],
          // Only where the site is actually served over HTTPS would upgrading break nothing.
          'upgrade-insecure-requests': config.production ? [] : null,
        },
      },
      frameguard: { action: 'deny' },
    }),
  );
  app.use(app.get(ShutdownGate).middleware);
  app.use(jsonBody);
  if (config.redisUrl) {
    const { RedisIoAdapter } = load<typeof RedisAdapter>('./realtime/redis-io.adapter');
    const adapter = new RedisIoAdapter(app, config.redisUrl);
    await adapter.connect();
    app.useWebSocketAdapter(adapter);
  }
  serveApiDocs(app);
  new Logger('Server').log(`Database: ${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`}`);
}

/** A module loaded when first needed rather than at start (this build is CommonJS, so `require` is the loader). */
function load<Module>(path: string): Module {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, typed by its `import type`
  return require(path) as Module;
}
