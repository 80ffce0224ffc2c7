import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('votes')
export class Vote {
  @PrimaryColumn({ type: 'uuid' })
  postId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  /** +1 or -1; withdrawing a vote deletes the row. */
  @Column({ type: 'smallint' })
  value: 1 | -1;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}
