import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ThrottlerModule } from '@nestjs/throttler';
import { ArticlesModule } from './articles/articles.module';
import { AuthGuard } from './auth/auth.guard';
import { AuthModule } from './auth/auth.module';
import { HttpExceptionFilter } from './common/errors/http-exception.filter';
import { ShutdownGateModule } from './common/http/shutdown-gate';
import { RateLimitGuard } from './common/rate-limit/rate-limit.guard';
import { RateLimitModule, RateLimitStore } from './common/rate-limit/rate-limit-store';
import { SharedThrottlerStorage } from './common/rate-limit/throttler-storage';
import type { RedisClient } from './common/redis/redis-connection';
import { validationPipe } from './common/validation/validation-options';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { DatabaseConnection } from './database/data-source-options';
import { DatabaseModule } from './database/database.module';
import { DebatesModule } from './debates/debates.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { ModerationModule } from './moderation/moderation.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ParticipantsModule } from './participants/participants.module';
import { PostsModule } from './posts/posts.module';
import { RealtimeModule } from './realtime/realtime.module';
import { SearchModule } from './search/search.module';
import { SeedModule } from './seed/seed.module';
import { SessionsModule } from './sessions/sessions.module';
import { UsersModule } from './users/users.module';

/** The built client, found from the package root so it works from `src/` (tests) and `dist/src/` alike. */
export const CLIENT_DIST = join(packageRoot(__dirname), 'client', 'dist');

function packageRoot(from: string): string {
  return existsSync(join(from, 'package.json')) || dirname(from) === from ? from : packageRoot(dirname(from));
}

@Module({})
export class AppModule {
  static forRoot(
    config: AppConfig,
    database: DatabaseConnection,
    redis: RedisClient | null,
    clientDir = CLIENT_DIST,
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigHolderModule.forRoot(config),
        ShutdownGateModule,
        // Counted in Redis when there is one, so every limit holds across nodes.
        RateLimitModule.forRoot(redis),
        ThrottlerModule.forRootAsync({
          inject: [RateLimitStore],
          useFactory: (store: RateLimitStore) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: 600 }],
            storage: new SharedThrottlerStorage(store),
          }),
        }),
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
        SessionsModule,
        ModerationModule,
        NotificationsModule,
        ParticipantsModule,
        SearchModule,
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
