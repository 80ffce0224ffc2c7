import { ApiProperty } from '@nestjs/swagger';
import { Article } from '../article.entity';
import { ArticleSection } from '../article-section.entity';

export class LocalizedTextDto {
  @ApiProperty() de: string;
  @ApiProperty() en: string;
}

export class SectionResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() position: number;
  @ApiProperty({ type: LocalizedTextDto, description: 'Our own summary of the paragraph, not its text.' })
  summary: LocalizedTextDto;

  static from(section: ArticleSection): SectionResponseDto {
    return { id: section.id, position: section.position, summary: { de: section.summaryDe, en: section.summaryEn } };
  }
}

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
