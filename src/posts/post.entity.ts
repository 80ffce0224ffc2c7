import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { Stance } from '../debates/stance';

export const POST_STATUSES = ['visible', 'pending', 'hidden', 'deleted'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

@Entity('posts')
export class Post {
  /** Made by the server before insert, because the materialised path contains it. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  debateId: string;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  /** The top-level post of its thread (its own id for a top-level post): the index a subtree is read through. */
  @Column({ type: 'uuid' })
  rootId: string;

  /**
   * Ancestor ids and its own, each followed by '/': a subtree is the rows of its thread with this prefix. No index
   * holds it (37 bytes a level would outgrow a btree entry), so depth is unbounded.
   */
  @Column({ type: 'text' })
  path: string;

  /** 0 for top-level posts. */
  @Column({ type: 'int' })
  depth: number;

  @Column({ type: 'uuid' })
  authorId: string;

  /** Stored exactly as typed; only the client sanitises what it renders. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  stance: Stance | null;

  @Column({ type: 'uuid', nullable: true })
  sectionId: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  quote: string | null;

  @Column({ type: 'varchar', length: 16, default: 'visible' })
  status: PostStatus;

  @Column({ type: 'int', default: 0 })
  score: number;

  @Column({ type: 'int', default: 0 })
  replyCount: number;

  @Column({ type: 'uuid', nullable: true })
  clientId: string | null;

  /** The seq of its post.created event. */
  @Column({
    type: 'bigint',
    nullable: true,
    transformer: { to: (v: unknown) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  seq: number | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  editedAt: Date | null;
}
