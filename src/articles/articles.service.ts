import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import { ListQueryDto, Page } from '../common/pagination/list-query.dto';
import { Article } from './article.entity';
import { ArticleSection } from './article-section.entity';
import { ArticleResponseDto } from './dto/article-response.dto';

@Injectable()
export class ArticlesService {
  constructor(
    @InjectRepository(Article) private readonly articles: Repository<Article>,
    @InjectRepository(ArticleSection) private readonly sections: Repository<ArticleSection>,
  ) {}

  async list(query: ListQueryDto): Promise<Page<ArticleResponseDto>> {
    const after = decodeCursor(query.cursor, ['time', 'id']);
    const builder = this.articles.createQueryBuilder('article').orderBy('article.createdAt').addOrderBy('article.id');
    if (after)
      builder.where('(article.createdAt, article.id) > (:createdAt, :id)', { createdAt: after[0], id: after[1] });
    const rows = await builder.limit(query.limit + 1).getMany();
    return toPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id], ArticleResponseDto.from);
  }

  async requireBySlug(slug: string): Promise<{ article: Article; sections: ArticleSection[] }> {
    const article = await this.articles.findOneBy({ slug });
    if (!article) throw new DomainError('not_found', `No article "${slug}".`);
    const sections = await this.sections.find({ where: { articleId: article.id }, order: { position: 'ASC' } });
    return { article, sections };
  }

  /** The article that owns all of these sections; 400 when one is unknown or they span articles. */
  async articleOfSections(sectionIds: string[], tx: EntityManager = this.sections.manager): Promise<string> {
    const found = await tx.getRepository(ArticleSection).findBy({ id: In(sectionIds) });
    const articleIds = new Set(found.map((section) => section.articleId));
    if (found.length !== new Set(sectionIds).size || articleIds.size !== 1) {
      throw new DomainError('invalid_input', 'sectionIds must be existing sections of one article');
    }
    return [...articleIds][0];
  }

  async requireSectionOf(
    articleId: string,
    sectionId: string,
    tx: EntityManager = this.sections.manager,
  ): Promise<void> {
    const exists = await tx.getRepository(ArticleSection).existsBy({ id: sectionId, articleId });
    if (!exists) throw new DomainError('invalid_input', "sectionId must be a section of the debate's article");
  }

  async defaultArticleId(): Promise<string> {
    const [first] = await this.articles.find({ order: { createdAt: 'ASC', id: 'ASC' }, take: 1 });
    if (!first) throw new DomainError('invalid_input', 'There is no article yet; import one first.');
    return first.id;
  }
}
