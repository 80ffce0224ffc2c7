import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A debate's first page by `top` or `new` walks an index in sort order and stops after 51 rows. With `parent_id IS
 * NULL` inside a wider index the planner could not (IS NULL is not an equality for sort order): it read every
 * top-level post of the debate and sorted them. These indexes hold only top-level posts, in each sort's key order.
 */
export class TopLevelPageIndexes1764000700000 implements MigrationInterface {
  name = 'TopLevelPageIndexes1764000700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX ix_posts_top_level_top ON posts (debate_id, score, created_at, id) WHERE parent_id IS NULL`,
    );
    await db.query(`CREATE INDEX ix_posts_top_level_new ON posts (debate_id, created_at, id) WHERE parent_id IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ix_posts_top_level_new`);
    await db.query(`DROP INDEX ix_posts_top_level_top`);
  }
}
