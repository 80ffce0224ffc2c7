import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Actor, Role } from '../common/auth/actor';

@Entity('users')
export class User implements Actor {
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

/** A user as raw SQL reads it (the columns of `users` a signed-in person needs), for the hot paths that skip hydration. */
export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: User['role'];
  suspended_until: Date | null;
  suspension_reason: string | null;
  created_at: Date;
}

export function userOf(row: UserRow): User {
  return Object.assign(new User(), {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    suspendedUntil: row.suspended_until,
    suspensionReason: row.suspension_reason,
    createdAt: row.created_at,
  });
}
