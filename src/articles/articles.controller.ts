import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ListQueryDto, Page } from '../common/pagination/list-query.dto';
import { ArticlesService } from './articles.service';
import { ArticleResponseDto } from './dto/article-response.dto';

@ApiTags('articles')
@Controller('articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Get()
  list(@Query() query: ListQueryDto): Promise<Page<ArticleResponseDto>> {
    return this.articles.list(query);
  }
}
