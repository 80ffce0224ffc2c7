import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArticlesModule } from '../articles/articles.module';
import { DebatesModule } from '../debates/debates.module';
import { Post } from './post.entity';
import { PostRepository } from './post.repository';
import { PostRevision } from './post-revision.entity';
import { PostingLimiter } from './posting-limiter';
import { PostsController } from './posts.controller';
import { PostsService } from './posts.service';
import { Vote } from './vote.entity';

@Module({
  imports: [ArticlesModule, DebatesModule, TypeOrmModule.forFeature([Post, Vote, PostRevision])],
  controllers: [PostsController],
  providers: [PostsService, PostRepository, PostingLimiter],
  exports: [PostsService],
})
export class PostsModule {}
