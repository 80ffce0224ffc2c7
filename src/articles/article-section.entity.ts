import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Article } from './article.entity';

/** One paragraph of an article, carried as our own summary in German and English (never the article's text). */
@Entity('article_sections')
export class ArticleSection {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  articleId: string;

  @ManyToOne(() => Article, (article) => article.sections, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article: Relation<Article>;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  seedKey: string | null;

  @Column({ type: 'text' })
  summaryDe: string;

  @Column({ type: 'text' })
  summaryEn: string;
}
