import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search over post bodies in German and English at once: the body's German and English lexemes side by
 * side in one stored vector (so *Wahlen* finds *Wahl* and *elections* finds *election*, whatever the post's
 * language), kept by PostgreSQL itself on every insert and edit, and a GIN index over it. A tombstone's empty body
 * leaves an empty vector, so deleted words are never found. A word in thousands of posts is listed newest first
 * instead of ranked; `ix_posts_created` lets that walk stop after a page.
 */
export class PostSearch1764000620000 implements MigrationInterface {
  name = 'PostSearch1764000620000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE posts ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('german', body) || to_tsvector('english', body)) STORED`);
    await db.query(`CREATE INDEX ix_posts_search ON posts USING gin (search_vector)`);
    await db.query(`CREATE INDEX ix_posts_created ON posts (created_at, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ix_posts_created`);
    await db.query(`DROP INDEX ix_posts_search`);
    await db.query(`ALTER TABLE posts DROP COLUMN search_vector`);
  }
}
