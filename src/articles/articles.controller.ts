import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { ApiPublic } from '../common/openapi/api-auth.decorator';
import { ListQueryDto, Page } from '../common/pagination/list-query.dto';
import { ArticlesService } from './articles.service';
import { ArticlePageDto, ArticleResponseDto } from './dto/article-response.dto';

@ApiTags('articles')
@Controller('articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Get()
  @ApiOperation({ summary: 'List articles, oldest first' })
  @ApiPublic()
  @ApiOkResponse({ type: ArticlePageDto, description: 'A page of articles' })
  @ApiErrors(400, 429)
  list(@Query() query: ListQueryDto): Promise<Page<ArticleResponseDto>> {
    return this.articles.list(query);
  }
}
