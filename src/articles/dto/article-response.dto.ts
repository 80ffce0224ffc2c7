import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { PageOf } from '../../common/pagination/page.dto';
import { Article } from '../article.entity';
import { ArticleSection } from '../article-section.entity';

@ApiSchema({ name: 'LocalizedText' })
export class LocalizedTextDto {
  @ApiProperty() de: string;
  @ApiProperty() en: string;
}

@ApiSchema({ name: 'Section' })
export class SectionResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer' }) position: number;
  @ApiProperty({ type: LocalizedTextDto, description: 'Our own summary of the paragraph, not its text.' })
  summary: LocalizedTextDto;

  static from(section: ArticleSection): SectionResponseDto {
    return { id: section.id, position: section.position, summary: { de: section.summaryDe, en: section.summaryEn } };
  }
}

@ApiSchema({ name: 'Article' })
export class ArticleResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty() source: string;
  @ApiProperty({ format: 'date', example: '2024-02-21' }) publishedAt: string;
  @ApiProperty({ example: 'de' }) language: string;

  static from(article: Article): ArticleResponseDto {
    const { id, slug, title, source, publishedAt, language } = article;
    return { id, slug, title, source, publishedAt, language };
  }
}

@ApiSchema({ name: 'ArticlePage' })
export class ArticlePageDto extends PageOf(ArticleResponseDto) {}
