import { Module } from '@nestjs/common';
import { PostsModule } from '../posts/posts.module';
import { UsersModule } from '../users/users.module';
import { ProfileService } from './profile.service';
import { ProfilesController } from './profiles.controller';

/** People as participants see each other: profiles with their posts and stances, and @-name suggestions. */
@Module({
  imports: [UsersModule, PostsModule],
  controllers: [ProfilesController],
  providers: [ProfileService],
})
export class ParticipantsModule {}
