import { Module } from '@nestjs/common';
import { DebatesModule } from '../debates/debates.module';
import { PostsModule } from '../posts/posts.module';
import { PollRepository } from './poll.repository';
import { PollsController } from './polls.controller';
import { PollsService } from './polls.service';
import { QuestionRepository } from './question.repository';
import { QuestionsController } from './questions.controller';
import { QuestionsService } from './questions.service';
import { ReportService } from './report.service';
import { SessionRepository } from './session.repository';
import { SessionStream } from './session-stream';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

/**
 * Live sessions: agenda, timer, spotlight, polls, Q&A and the report, on the event log as the `session` stream
 * kind. Reads posts through PostReader; nothing depends on this module.
 */
@Module({
  imports: [DebatesModule, PostsModule],
  controllers: [SessionsController, PollsController, QuestionsController],
  providers: [
    SessionsService,
    PollsService,
    QuestionsService,
    ReportService,
    SessionStream,
    SessionRepository,
    PollRepository,
    QuestionRepository,
  ],
})
export class SessionsModule {}
