import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { ArticlesModule } from './articles/articles.module';
import { AuthGuard } from './auth/auth.guard';
import { AuthModule } from './auth/auth.module';
import { HttpExceptionFilter } from './common/errors/http-exception.filter';
import { ACCOUNT_THROTTLER, RateLimitGuard } from './common/rate-limit/rate-limit.guard';
import { validationPipe } from './common/validation/validation-options';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { DatabaseConnection } from './database/data-source-options';
import { DatabaseModule } from './database/database.module';
import { DebatesModule } from './debates/debates.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { PostsModule } from './posts/posts.module';
import { RealtimeModule } from './realtime/realtime.module';
import { SeedModule } from './seed/seed.module';
import { UsersModule } from './users/users.module';

/** The built client, found from the package root so it works from `src/` (tests) and `dist/src/` alike. */
export const CLIENT_DIST = join(packageRoot(__dirname), 'client', 'dist');

function packageRoot(from: string): string {
  return existsSync(join(from, 'package.json')) || dirname(from) === from ? from : packageRoot(dirname(from));
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseConnection, clientDir = CLIENT_DIST): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigHolderModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req, res) => {
              const incoming = req.headers['x-request-id'];
              const id = typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            // Tokens travel in these; they never reach the log.
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
        }),
        ThrottlerModule.forRoot({ throttlers: [{ name: 'default', ttl: 60_000, limit: 600 }, ACCOUNT_THROTTLER] }),
        // The client, at `/` with history fallback; API and socket paths never fall back to it.
        ...(existsSync(join(clientDir, 'index.html'))
          ? [ServeStaticModule.forRoot({ rootPath: clientDir, exclude: ['/api/{*path}', '/socket.io/{*path}'] })]
          : []),
        DatabaseModule.forRoot(database),
        EventsModule,
        UsersModule,
        AuthModule,
        ArticlesModule,
        DebatesModule,
        PostsModule,
        RealtimeModule,
        HealthModule,
        SeedModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: validationPipe },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        // Order matters: the rate limit keys on the user the auth guard found.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
    };
  }
}

/** Makes the validated configuration injectable everywhere as APP_CONFIG. */
@Module({})
class ConfigHolderModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigHolderModule,
      global: true,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
