import { Module } from '@nestjs/common';
import { PostsModule } from '../posts/posts.module';
import { UsersModule } from '../users/users.module';
import { NotificationRepository } from './notification.repository';
import { NotificationService } from './notification.service';
import { NotificationsController } from './notifications.controller';
import { UserStream } from './user-stream';

/**
 * Notifications and each person's own stream. Listens to PostPublication for replies and mentions; exports
 * NotificationService so other modules (moderation) can notify in their own transactions.
 */
@Module({
  imports: [PostsModule, UsersModule],
  controllers: [NotificationsController],
  providers: [NotificationService, NotificationRepository, UserStream],
  exports: [NotificationService],
})
export class NotificationsModule {}
