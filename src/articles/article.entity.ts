import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ArticleSection } from './article-section.entity';

@Entity('articles')
export class Article {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120, unique: true })
  slug: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  source: string;

  /** A calendar date, read back as 'YYYY-MM-DD'. */
  @Column({ type: 'date' })
  publishedAt: string;

  @Column({ type: 'varchar', length: 8 })
  language: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @OneToMany(() => ArticleSection, (section) => section.article)
  sections: Relation<ArticleSection[]>;
}
