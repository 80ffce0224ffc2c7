import { Module } from '@nestjs/common';
import { DebatesModule } from '../debates/debates.module';
import { PostsModule } from '../posts/posts.module';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

/** `/api/search`: posts (PostReader) and debate questions (DebatesService), each read by its own module. */
@Module({
  imports: [PostsModule, DebatesModule],
  controllers: [SearchController],
  providers: [SearchService],
})
export class SearchModule {}
