import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Holds by the debate's own rules (pre-moderation, a new account) are now logged like a watched word's, so the
 * author can appeal them. Posts such a rule holds right now get the entry they would have had; its time is when it
 * is logged, as the log is append-only and newest first.
 */
export class LogRuleHolds1764000740000 implements MigrationInterface {
  name = 'LogRuleHolds1764000740000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      INSERT INTO moderation_log (actor_id, action, target_type, target_id, target_owner_id, category, reason)
      SELECT NULL, 'hold', 'post', p.id, p.author_id, NULL,
        CASE p.status_cause
          WHEN 'premoderated' THEN 'Held for review: every new post in this debate waits for a moderator.'
          WHEN 'new_account' THEN 'Held for review: a new account''s first posts wait for a moderator.'
          ELSE 'Held for review.'
        END
      FROM posts p
      WHERE p.status = 'pending'
        AND NOT EXISTS (SELECT 1 FROM moderation_log l WHERE l.target_id = p.id AND l.action = 'hold')
      ORDER BY p.created_at, p.id`);
  }

  async down(): Promise<void> {
    // The log is append-only: its entries stay.
  }
}
