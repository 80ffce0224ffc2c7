import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PresenceService } from './presence.service';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimePublisher } from './realtime.publisher';

/**
 * The one owner of sockets. Features register their streams and commands in the SocketContract and append events;
 * this module maps them to messages and rooms, and imports no feature.
 */
@Module({
  imports: [AuthModule],
  providers: [RealtimeGateway, RealtimePublisher, PresenceService],
})
export class RealtimeModule {}
