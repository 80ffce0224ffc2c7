import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { Stance } from '../debates/stance';
import type { LabelKind } from './post-label';

export const POST_STATUSES = ['visible', 'pending', 'hidden', 'deleted'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

/** What a reply says of the post it answers (Kialo's pro and con, inside a thread). */
export const RELATIONS = ['supports', 'challenges'] as const;
export type Relation = (typeof RELATIONS)[number];

@Entity('posts')
export class Post {
  /** Made by the server before insert, because its own `path` (and a top-level post's `rootId`) contain it. */
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

  /** Replies only: whether it supports or challenges its parent; null when it does not say. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  relation: Relation | null;

  /** Usernames the body mentions that named accounts when it was written (readers link exactly these). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  mentions: string[];

  @Column({ type: 'int', default: 0 })
  score: number;

  @Column({ type: 'int', default: 0 })
  replyCount: number;

  /** Visible direct replies that support it, and that challenge it. */
  @Column({ type: 'int', default: 0 })
  supportCount: number;

  @Column({ type: 'int', default: 0 })
  challengeCount: number;

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

  /** A moderator's public mark (see post-label.ts); null when unlabelled. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  labelKind: LabelKind | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  labelNote: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  labelSourceUrl: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  labelCreatedAt: Date | null;

  /** Why a pending or hidden post is not public (`premoderated`, `flags`, `moderator`, …), shown to its author. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  statusCause: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  statusNote: string | null;
}
