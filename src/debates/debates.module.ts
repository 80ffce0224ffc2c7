import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArticlesModule } from '../articles/articles.module';
import { ArticleDetailController } from './article-detail.controller';
import { Debate } from './debate.entity';
import { DebateSection } from './debate-section.entity';
import { DebatesController } from './debates.controller';
import { DebatesService } from './debates.service';

@Module({
  imports: [ArticlesModule, TypeOrmModule.forFeature([Debate, DebateSection])],
  controllers: [DebatesController, ArticleDetailController],
  providers: [DebatesService],
  exports: [DebatesService],
})
export class DebatesModule {}
