import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const DEBATE_STATUSES = ['open', 'locked'] as const;
export type DebateStatus = (typeof DEBATE_STATUSES)[number];

export interface DebateTranslations {
  [language: string]: { question: string; description: string };
}

@Entity('debates')
export class Debate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  articleId: string;

  /** Set on seeded debates only: the seed is idempotent by (article, key). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  seedKey: string | null;

  @Column({ type: 'varchar', length: 300 })
  question: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** Question and description per language, for debates written in more than one. */
  @Column({ type: 'jsonb', nullable: true })
  i18n: DebateTranslations | null;

  /** Ordered section anchors; kept in debate_sections, loaded with the debate. */
  sectionIds: string[];

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: DebateStatus;

  @Column({ type: 'int', default: 0 })
  slowModeSeconds: number;

  @Column({ type: 'boolean', default: false })
  premoderated: boolean;

  @Column({ type: 'int', default: 0 })
  postCount: number;

  @Column({ type: 'int', default: 0 })
  proCount: number;

  @Column({ type: 'int', default: 0 })
  contraCount: number;

  @Column({ type: 'int', default: 0 })
  neutralCount: number;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  lastActivityAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** What posting needs of a debate: whether it is open, its slow mode and pre-moderation, its article's sections. */
export type DebateRules = Pick<Debate, 'id' | 'articleId' | 'status' | 'slowModeSeconds' | 'premoderated'>;
