import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A debate's anchor to an article section, in the order the debate lists them. */
@Entity('debate_sections')
export class DebateSection {
  @PrimaryColumn({ type: 'uuid' })
  debateId: string;

  @PrimaryColumn({ type: 'uuid' })
  sectionId: string;

  @Column({ type: 'int' })
  position: number;
}
