import { Module } from '@nestjs/common';
import { DebatesModule } from '../debates/debates.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PostsModule } from '../posts/posts.module';
import { UsersModule } from '../users/users.module';
import { AppealRepository } from './appeal.repository';
import { AuthorNotices } from './author-notices';
import { AppealsController } from './appeals.controller';
import { Appeals } from './appeals.service';
import { FlagRepository } from './flag.repository';
import { FlagService } from './flag.service';
import { FlagsController } from './flags.controller';
import { ModerationActions } from './moderation-actions.service';
import { ModerationLogController } from './moderation-log.controller';
import { ModerationLogRepository } from './moderation-log.repository';
import { ModerationLog } from './moderation-log.service';
import { ModerationQueueController } from './moderation-queue.controller';
import { ModerationStream } from './moderation-stream';
import { QueueRepository } from './queue.repository';
import { QueueService } from './queue.service';
import { SuspensionsController } from './suspensions.controller';
import { Suspensions } from './suspensions.service';
import { TransparencyService } from './transparency.service';
import { WatchedWordRepository } from './watched-word.repository';
import { WatchedWordScreen } from './watched-word.screen';
import { WatchedWordsController } from './watched-words.controller';
import { WatchedWords } from './watched-words.service';

/**
 * Flags, the live review queue, watched words (a screen of the posting pipeline), labels, suspensions, appeals, and
 * the append-only audit log with its public transparency view; authors are told of decisions on their posts. Depends
 * on posts, debates, users and notifications; nothing depends on it: it plugs into posts through PostScreening and changes posts through PostWriter.
 */
@Module({
  imports: [PostsModule, DebatesModule, UsersModule, NotificationsModule],
  controllers: [
    FlagsController,
    ModerationQueueController,
    SuspensionsController,
    WatchedWordsController,
    ModerationLogController,
    AppealsController,
  ],
  providers: [
    AppealRepository,
    Appeals,
    AuthorNotices,
    FlagRepository,
    FlagService,
    ModerationActions,
    ModerationLog,
    ModerationLogRepository,
    ModerationStream,
    QueueRepository,
    QueueService,
    Suspensions,
    TransparencyService,
    WatchedWordRepository,
    WatchedWordScreen,
    WatchedWords,
  ],
})
export class ModerationModule {}
