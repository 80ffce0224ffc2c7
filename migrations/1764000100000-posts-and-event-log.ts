import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Posts as a tree (materialised path), votes, edit revisions, and the event log that real time reads:
 * a counter row per stream whose lock orders commits, and the events themselves.
 */
export class PostsAndEventLog1764000100000 implements MigrationInterface {
  name = 'PostsAndEventLog1764000100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE streams (
        name varchar(100) PRIMARY KEY,
        last_seq bigint NOT NULL DEFAULT 0
      )`);
    await db.query(`
      CREATE TABLE events (
        id bigserial PRIMARY KEY,
        stream varchar(100) NOT NULL,
        seq bigint NOT NULL,
        type varchar(64) NOT NULL,
        payload jsonb NOT NULL,
        restricted boolean NOT NULL DEFAULT false,
        owner_id uuid,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT uq_events_stream_seq UNIQUE (stream, seq)
      )`);

    await db.query(`
      CREATE TABLE posts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        debate_id uuid NOT NULL CONSTRAINT fk_posts_debate REFERENCES debates (id) ON DELETE CASCADE,
        parent_id uuid CONSTRAINT fk_posts_parent REFERENCES posts (id) ON DELETE CASCADE,
        path text NOT NULL,
        depth int NOT NULL,
        author_id uuid NOT NULL CONSTRAINT fk_posts_author REFERENCES users (id) ON DELETE CASCADE,
        body text NOT NULL,
        stance varchar(8) CONSTRAINT ck_posts_stance CHECK (stance IN ('pro', 'contra', 'neutral')),
        section_id uuid CONSTRAINT fk_posts_section REFERENCES article_sections (id) ON DELETE SET NULL,
        quote varchar(300),
        status varchar(16) NOT NULL DEFAULT 'visible'
          CONSTRAINT ck_posts_status CHECK (status IN ('visible', 'pending', 'hidden', 'deleted')),
        score int NOT NULL DEFAULT 0,
        reply_count int NOT NULL DEFAULT 0,
        client_id uuid,
        seq bigint,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        edited_at timestamptz(3),
        CONSTRAINT ck_posts_stance_top_level CHECK (stance IS NULL OR parent_id IS NULL),
        CONSTRAINT uq_posts_author_client UNIQUE (author_id, client_id)
      )`);
    // One level of a thread, in each sort: top-level posts or the replies of one parent.
    await db.query(`CREATE INDEX ix_posts_level_new ON posts (debate_id, parent_id, created_at, id)`);
    await db.query(`CREATE INDEX ix_posts_level_top ON posts (debate_id, parent_id, score, created_at, id)`);
    // A whole subtree in one range scan of its path prefix.
    await db.query(`CREATE INDEX ix_posts_path ON posts (debate_id, path text_pattern_ops)`);
    // Slow mode and the common-ground side of a voter: a person's posts in a debate.
    await db.query(`CREATE INDEX ix_posts_author_debate ON posts (author_id, debate_id, created_at)`);

    await db.query(`
      CREATE TABLE votes (
        post_id uuid NOT NULL CONSTRAINT fk_votes_post REFERENCES posts (id) ON DELETE CASCADE,
        user_id uuid NOT NULL CONSTRAINT fk_votes_user REFERENCES users (id) ON DELETE CASCADE,
        value smallint NOT NULL CONSTRAINT ck_votes_value CHECK (value IN (-1, 1)),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT pk_votes PRIMARY KEY (post_id, user_id)
      )`);
    await db.query(`CREATE INDEX ix_votes_user ON votes (user_id)`);

    await db.query(`
      CREATE TABLE post_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL CONSTRAINT fk_post_revisions_post REFERENCES posts (id) ON DELETE CASCADE,
        body text NOT NULL,
        editor_id uuid CONSTRAINT fk_post_revisions_editor REFERENCES users (id) ON DELETE SET NULL,
        edited_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX ix_post_revisions_post ON post_revisions (post_id, edited_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE post_revisions`);
    await db.query(`DROP TABLE votes`);
    await db.query(`DROP TABLE posts`);
    await db.query(`DROP TABLE events`);
    await db.query(`DROP TABLE streams`);
  }
}
