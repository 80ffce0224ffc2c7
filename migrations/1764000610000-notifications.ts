import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications, kept until read, and the kinds each person turned off. A person hears of one post once through
 * a reply or a mention (the partial unique index); moderation outcomes may come several times for one post.
 */
export class Notifications1764000610000 implements MigrationInterface {
  name = 'Notifications1764000610000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL CONSTRAINT fk_notifications_user REFERENCES users (id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL
          CONSTRAINT ck_notifications_kind CHECK (kind IN ('reply', 'mention', 'moderation')),
        post_id uuid NOT NULL CONSTRAINT fk_notifications_post REFERENCES posts (id) ON DELETE CASCADE,
        debate_id uuid NOT NULL CONSTRAINT fk_notifications_debate REFERENCES debates (id) ON DELETE CASCADE,
        actor_id uuid CONSTRAINT fk_notifications_actor REFERENCES users (id) ON DELETE SET NULL,
        outcome varchar(32),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        read_at timestamptz(3)
      )`);
    // The list, newest first, and the unread ones.
    await db.query(`CREATE INDEX ix_notifications_user ON notifications (user_id, created_at, id)`);
    await db.query(`CREATE INDEX ix_notifications_unread ON notifications (user_id) WHERE read_at IS NULL`);
    await db.query(`
      CREATE UNIQUE INDEX uq_notifications_user_post ON notifications (user_id, post_id)
      WHERE kind IN ('reply', 'mention')`);

    await db.query(`
      CREATE TABLE notification_mutes (
        user_id uuid NOT NULL CONSTRAINT fk_notification_mutes_user REFERENCES users (id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL
          CONSTRAINT ck_notification_mutes_kind CHECK (kind IN ('reply', 'mention', 'moderation')),
        CONSTRAINT pk_notification_mutes PRIMARY KEY (user_id, kind)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notification_mutes`);
    await db.query(`DROP TABLE notifications`);
  }
}
