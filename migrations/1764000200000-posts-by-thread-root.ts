import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Depth unbounded in storage. The materialised path grows 37 bytes a level and a btree entry holds at most 2704
 * bytes, so with the path in ix_posts_path a reply about 72 levels deep could not be inserted. Now no index holds a
 * path: each post records the top-level post of its thread (`root_id`), a subtree is read through that index and its
 * path prefix is checked on the rows of that one thread. Also lets revisions page by (edited_at, id).
 */
export class PostsByThreadRoot1764000200000 implements MigrationInterface {
  name = 'PostsByThreadRoot1764000200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE posts ADD COLUMN root_id uuid`);
    await db.query(`UPDATE posts SET root_id = split_part(path, '/', 1)::uuid`);
    await db.query(`ALTER TABLE posts ALTER COLUMN root_id SET NOT NULL`);
    await db.query(`ALTER TABLE posts ADD CONSTRAINT ck_posts_root CHECK ((parent_id IS NULL) = (root_id = id))`);
    await db.query(`DROP INDEX ix_posts_path`);
    // A thread, or a subtree of it cut at a depth; parents come before replies in index order.
    await db.query(`CREATE INDEX ix_posts_root ON posts (root_id, depth)`);

    await db.query(`DROP INDEX ix_post_revisions_post`);
    await db.query(`CREATE INDEX ix_post_revisions_post ON post_revisions (post_id, edited_at, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ix_post_revisions_post`);
    await db.query(`CREATE INDEX ix_post_revisions_post ON post_revisions (post_id, edited_at)`);
    await db.query(`DROP INDEX ix_posts_root`);
    // Fails again for paths too long for a btree entry; those threads did not exist before this migration.
    await db.query(`CREATE INDEX ix_posts_path ON posts (debate_id, path text_pattern_ops)`);
    await db.query(`ALTER TABLE posts DROP CONSTRAINT ck_posts_root`);
    await db.query(`ALTER TABLE posts DROP COLUMN root_id`);
  }
}
