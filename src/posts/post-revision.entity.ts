import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The body a post had before an edit (or before deletion), with who changed it and when. */
@Entity('post_revisions')
export class PostRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  postId: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'uuid', nullable: true })
  editorId: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  editedAt: Date;
}
