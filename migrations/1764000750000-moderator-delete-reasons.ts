import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tombstone now keeps, for its author alone, why a moderator deleted it, so they can appeal it. Posts a moderator
 * deleted before get the reason their deletion was logged with.
 */
export class ModeratorDeleteReasons1764000750000 implements MigrationInterface {
  name = 'ModeratorDeleteReasons1764000750000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE posts p SET status_cause = 'moderator', status_note = left(l.reason, 500)
      FROM (
        SELECT DISTINCT ON (target_id) target_id, actor_id, reason FROM moderation_log
        WHERE action = 'delete' AND target_type = 'post'
        ORDER BY target_id, id DESC
      ) l
      WHERE p.id = l.target_id AND p.status = 'deleted' AND p.status_cause IS NULL
        AND l.actor_id IS NOT NULL AND l.actor_id IS DISTINCT FROM p.author_id`);
  }

  async down(db: QueryRunner): Promise<void> {
    // Tombstones go back to carrying no reason, as the code before this migration wrote them.
    await db.query(`UPDATE posts SET status_cause = NULL, status_note = NULL WHERE status = 'deleted'`);
  }
}
