import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import { ArticleResponseDto, SectionResponseDto } from '../articles/dto/article-response.dto';
import { ArticlesService } from '../articles/articles.service';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { ApiPublic } from '../common/openapi/api-auth.decorator';
import { DebatesService } from './debates.service';
import { DebateResponseDto } from './dto/debate-response.dto';

@ApiSchema({ name: 'ArticleDetail', description: 'An article with its sections and debates.' })
class ArticleDetailDto extends ArticleResponseDto {
  @ApiProperty({ type: [SectionResponseDto] }) sections: SectionResponseDto[];
  @ApiProperty({ type: [DebateResponseDto] }) debates: DebateResponseDto[];
}

/** The article page carries its debates. Debates depend on articles, never the reverse, so it is composed here. */
@ApiTags('articles')
@Controller('articles')
export class ArticleDetailController {
  constructor(
    private readonly articles: ArticlesService,
    private readonly debates: DebatesService,
  ) {}

  @Get(':slug')
  @ApiOperation({ summary: 'Get an article with its sections and debates' })
  @ApiParam({ name: 'slug', description: "The article's slug, from the list" })
  @ApiPublic()
  @ApiOkResponse({ type: ArticleDetailDto, description: 'The article' })
  @ApiErrors(404, 429)
  async get(@Param('slug') slug: string): Promise<ArticleDetailDto> {
    const { article, sections } = await this.articles.requireBySlug(slug);
    const debates = await this.debates.listForArticle(article.id);
    return {
      ...ArticleResponseDto.from(article),
      sections: sections.map(SectionResponseDto.from),
      debates: debates.map(DebateResponseDto.from),
    };
  }
}
