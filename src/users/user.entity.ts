import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['participant', 'moderator', 'organiser', 'admin'] as const;
export type Role = (typeof ROLES)[number];

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Unique case-insensitively (index on lower(username)); kept as the person typed it. */
  @Column({ type: 'varchar', length: 32 })
  username: string;

  @Column({ type: 'varchar', length: 64 })
  displayName: string;

  @Column({ type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16, default: 'participant' })
  role: Role;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  suspendedUntil: Date | null;

  @Column({ type: 'text', nullable: true })
  suspensionReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

export function isSuspended(user: Pick<User, 'suspendedUntil'>, now = new Date()): boolean {
  return user.suspendedUntil !== null && user.suspendedUntil > now;
}

export function isModerator(user: Pick<User, 'role'> | null | undefined): boolean {
  return user?.role === 'moderator' || user?.role === 'admin';
}
