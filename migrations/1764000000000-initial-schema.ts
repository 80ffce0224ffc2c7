import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, sign-in sessions, the article with its sections, and debates anchored to sections. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(32) NOT NULL,
        display_name varchar(64) NOT NULL,
        password_hash text NOT NULL,
        role varchar(16) NOT NULL DEFAULT 'participant'
          CONSTRAINT ck_users_role CHECK (role IN ('participant', 'moderator', 'organiser', 'admin')),
        suspended_until timestamptz(3),
        suspension_reason text,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_users_username_ci ON users (lower(username))`);

    await db.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL CONSTRAINT fk_auth_sessions_user REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL,
        revoked_at timestamptz(3)
      )`);
    await db.query(`CREATE INDEX ix_auth_sessions_user ON auth_sessions (user_id)`);

    await db.query(`
      CREATE TABLE articles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(120) NOT NULL CONSTRAINT uq_articles_slug UNIQUE,
        title text NOT NULL,
        source text NOT NULL,
        published_at date NOT NULL,
        language varchar(8) NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE article_sections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        article_id uuid NOT NULL CONSTRAINT fk_article_sections_article REFERENCES articles (id) ON DELETE CASCADE,
        position int NOT NULL,
        seed_key varchar(64),
        summary_de text NOT NULL,
        summary_en text NOT NULL,
        CONSTRAINT uq_article_sections_position UNIQUE (article_id, position)
      )`);

    await db.query(`
      CREATE TABLE debates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        article_id uuid NOT NULL CONSTRAINT fk_debates_article REFERENCES articles (id) ON DELETE CASCADE,
        seed_key varchar(64),
        question varchar(300) NOT NULL,
        description text NOT NULL DEFAULT '',
        i18n jsonb,
        status varchar(16) NOT NULL DEFAULT 'open' CONSTRAINT ck_debates_status CHECK (status IN ('open', 'locked')),
        slow_mode_seconds int NOT NULL DEFAULT 0 CONSTRAINT ck_debates_slow_mode CHECK (slow_mode_seconds >= 0),
        premoderated boolean NOT NULL DEFAULT false,
        post_count int NOT NULL DEFAULT 0,
        pro_count int NOT NULL DEFAULT 0,
        contra_count int NOT NULL DEFAULT 0,
        neutral_count int NOT NULL DEFAULT 0,
        last_activity_at timestamptz(3) NOT NULL DEFAULT now(),
        created_by_id uuid CONSTRAINT fk_debates_created_by REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT uq_debates_seed_key UNIQUE (article_id, seed_key)
      )`);
    // The debate list pages by (created_at, id).
    await db.query(`CREATE INDEX ix_debates_created ON debates (created_at, id)`);

    await db.query(`
      CREATE TABLE debate_sections (
        debate_id uuid NOT NULL CONSTRAINT fk_debate_sections_debate REFERENCES debates (id) ON DELETE CASCADE,
        section_id uuid NOT NULL CONSTRAINT fk_debate_sections_section REFERENCES article_sections (id) ON DELETE CASCADE,
        position int NOT NULL,
        CONSTRAINT pk_debate_sections PRIMARY KEY (debate_id, section_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE debate_sections`);
    await db.query(`DROP TABLE debates`);
    await db.query(`DROP TABLE article_sections`);
    await db.query(`DROP TABLE articles`);
    await db.query(`DROP TABLE auth_sessions`);
    await db.query(`DROP TABLE users`);
  }
}
