import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DebatesModule } from '../debates/debates.module';
import { PostsModule } from '../posts/posts.module';
import { PresenceService } from './presence.service';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimePublisher } from './realtime.publisher';

/** The one owner of sockets: services emit events, this module maps them to rooms. */
@Module({
  imports: [AuthModule, DebatesModule, PostsModule],
  providers: [RealtimeGateway, RealtimePublisher, PresenceService],
})
export class RealtimeModule {}
