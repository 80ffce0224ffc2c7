import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import type { EventLog } from './unit-of-work';

/** Moderator actions taken outside the moderation module, which must reach the audit log all the same. */
export const AUDITED_ELSEWHERE = [
  'edit',
  'lock_debate',
  'unlock_debate',
  'set_slow_mode',
  'set_premoderation',
] as const;

export interface AuditEntry {
  actor: Actor;
  action: 'delete' | (typeof AUDITED_ELSEWHERE)[number];
  targetType: 'post' | 'debate';
  targetId: string;
  /** The post's author: whose history it is, and who may appeal it. */
  targetOwnerId: string | null;
  reason: string;
}

export interface AuditRecorder {
  record(tx: EntityManager, events: EventLog, entry: AuditEntry): Promise<void>;
}

/**
 * Where a feature reports a moderator's action it carried out itself (a debate locked, someone else's post deleted
 * or edited from the thread), in the transaction that made it. The moderation module registers the recorder that
 * writes the audit log, so the features that report need not know it.
 */
@Injectable()
export class AuditTrail {
  private recorder: AuditRecorder | null = null;

  use(recorder: AuditRecorder): void {
    if (this.recorder) throw new Error('An audit recorder is registered already');
    this.recorder = recorder;
  }

  async record(tx: EntityManager, events: EventLog, entry: AuditEntry): Promise<void> {
    await this.recorder?.record(tx, events, entry);
  }
}
