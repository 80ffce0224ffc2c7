import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reply may say whether it supports or challenges the post it answers; each post counts its visible direct replies
 * of either kind, kept like reply_count. `mentions` holds the usernames a body mentions that named real accounts when
 * it was written, so readers link exactly those and unknown names stay plain text. A person's posts newest first
 * (their profile) get their own index.
 */
export class ReplyRelations1764000600000 implements MigrationInterface {
  name = 'ReplyRelations1764000600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE posts
        ADD COLUMN relation varchar(10)
          CONSTRAINT ck_posts_relation CHECK (relation IN ('supports', 'challenges')),
        ADD COLUMN support_count int NOT NULL DEFAULT 0,
        ADD COLUMN challenge_count int NOT NULL DEFAULT 0,
        ADD COLUMN mentions text[] NOT NULL DEFAULT '{}',
        ADD CONSTRAINT ck_posts_relation_reply CHECK (relation IS NULL OR parent_id IS NOT NULL)`);
    await db.query(`CREATE INDEX ix_posts_author_created ON posts (author_id, created_at, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ix_posts_author_created`);
    await db.query(`
      ALTER TABLE posts
        DROP CONSTRAINT ck_posts_relation_reply,
        DROP COLUMN mentions,
        DROP COLUMN challenge_count,
        DROP COLUMN support_count,
        DROP COLUMN relation`);
  }
}
