import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { jsonBody } from './common/http/json-body.middleware';
import { AppConfig } from './config/app-config';
import { EmbeddedDatabase } from './database/embedded-database';
import { RedisIoAdapter } from './realtime/redis-io.adapter';

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
}

export async function startServer(config: AppConfig, options: ServerOptions = {}): Promise<RunningServer> {
  const embedded = config.databaseUrl ? null : await EmbeddedDatabase.start(config.dataDir);
  const database = { url: config.databaseUrl ?? embedded!.url, embedded: embedded !== null };
  let app: NestExpressApplication;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database, options.clientDir), {
      bodyParser: false,
      bufferLogs: true,
    });
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  try {
    await configureApp(app, config);
    await app.listen(options.port ?? config.port);
  } catch (error) {
    // Redis unreachable, port taken: nothing may keep the process (or a test run) alive after a failed start.
    await app.close().catch(() => undefined);
    await embedded?.stop();
    throw error;
  }
  const port = (app.getHttpServer().address() as { port: number }).port;
  let closing: Promise<void> | undefined;
  return {
    app,
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      (closing ??= (async () => {
        await app.close();
        await embedded?.stop();
      })()),
  };
}

export async function configureApp(app: NestExpressApplication, config: AppConfig): Promise<void> {
  app.useLogger(app.get(PinoLogger));
  app.setGlobalPrefix('api');
  app.disable('x-powered-by');
  if (config.trustProxy !== null) app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'script-src': ["'self'"],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'img-src': ["'self'", 'data:'],
          // Only where the site is actually served over HTTPS would upgrading break nothing.
          'upgrade-insecure-requests': config.production ? [] : null,
        },
      },
      frameguard: { action: 'deny' },
    }),
  );
  app.use(jsonBody);
  if (config.redisUrl) {
    const adapter = new RedisIoAdapter(app, config.redisUrl);
    await adapter.connect();
    app.useWebSocketAdapter(adapter);
  }
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Sora debate forum')
      .setDescription('Threaded, real-time debates on "Sora: Vom Text zum Film". Errors: {statusCode, error, message}.')
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('forum_token')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  new Logger('Server').log(`Database: ${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`}`);
}
