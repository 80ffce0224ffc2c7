import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArticlesModule } from '../articles/articles.module';
import { DebatesModule } from '../debates/debates.module';
import { UsersModule } from '../users/users.module';
import { DebateStream } from './debate-stream';
import { GuestPages } from './guest-pages';
import { Post } from './post.entity';
import { PostReader } from './post-reader.service';
import { PostPublication } from './post-publication';
import { PostRepository } from './post.repository';
import { PostRevision } from './post-revision.entity';
import { PostScreening } from './post-screen';
import { PostWriter } from './post-writer.service';
import { PostingLimiter } from './posting-limiter';
import { PostingRules } from './posting-rules';
import { PostsController } from './posts.controller';
import { Vote } from './vote.entity';

/**
 * Threads of posts: writing (PostWriter, through the screens of PostScreening) and reading (PostReader), and the
 * debate stream. Moderation plugs in through PostScreening and PostWriter.setStatus, notifications through
 * PostPublication.
 */
@Module({
  imports: [ArticlesModule, DebatesModule, UsersModule, TypeOrmModule.forFeature([Post, Vote, PostRevision])],
  controllers: [PostsController],
  providers: [
    GuestPages,
    PostReader,
    PostWriter,
    PostRepository,
    PostScreening,
    PostPublication,
    PostingRules,
    PostingLimiter,
    DebateStream,
  ],
  exports: [PostReader, PostWriter, PostScreening, PostPublication],
})
export class PostsModule {}
