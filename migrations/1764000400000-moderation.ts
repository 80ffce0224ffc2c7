import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderation: the queue and its flags, watched words (with a revision every node compares against its compiled
 * matcher), appeals, and the audit log, which the database itself keeps append-only. Posts gain a public label and
 * the reason they are held or hidden, which their author is shown.
 */
export class Moderation1764000400000 implements MigrationInterface {
  name = 'Moderation1764000400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE posts
        ADD COLUMN label_kind varchar(32)
          CONSTRAINT ck_posts_label_kind CHECK (label_kind IN ('manipulated_media', 'missing_context', 'satire')),
        ADD COLUMN label_note varchar(500),
        ADD COLUMN label_source_url varchar(2000),
        ADD COLUMN label_created_at timestamptz(3),
        ADD COLUMN status_cause varchar(32),
        ADD COLUMN status_note varchar(500),
        ADD CONSTRAINT ck_posts_label_complete CHECK ((label_kind IS NULL) = (label_created_at IS NULL))`);

    await db.query(`
      CREATE TABLE queue_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL CONSTRAINT fk_queue_items_post REFERENCES posts (id) ON DELETE CASCADE,
        state varchar(16) NOT NULL DEFAULT 'open' CONSTRAINT ck_queue_items_state CHECK (state IN ('open', 'resolved')),
        causes jsonb NOT NULL DEFAULT '[]',
        opened_at timestamptz(3) NOT NULL DEFAULT now(),
        resolved_at timestamptz(3),
        resolved_by_id uuid CONSTRAINT fk_queue_items_resolved_by REFERENCES users (id) ON DELETE SET NULL,
        resolution varchar(16),
        resolution_reason varchar(500),
        CONSTRAINT ck_queue_items_resolved CHECK ((state = 'resolved') = (resolved_at IS NOT NULL))
      )`);
    // At most one open item per post: a second cause or flag joins it, and a second action finds it resolved.
    await db.query(`CREATE UNIQUE INDEX uq_queue_items_open_post ON queue_items (post_id) WHERE state = 'open'`);
    // The two queue pages: open ones oldest first, resolved ones latest decision first.
    await db.query(`CREATE INDEX ix_queue_items_open ON queue_items (opened_at, id) WHERE state = 'open'`);
    await db.query(`CREATE INDEX ix_queue_items_resolved ON queue_items (resolved_at, id) WHERE state = 'resolved'`);
    // The number of open items, kept by a trigger (a cascade from a withdrawn post included): counting 10,000
    // index entries on every page and every queue event would cost more than the page itself.
    await db.query(`
      CREATE TABLE queue_counts (
        singleton boolean PRIMARY KEY DEFAULT true CONSTRAINT ck_queue_counts_singleton CHECK (singleton),
        open int NOT NULL CONSTRAINT ck_queue_counts_open CHECK (open >= 0)
      )`);
    await db.query(`INSERT INTO queue_counts (singleton, open) VALUES (true, 0)`);
    await db.query(`
      CREATE FUNCTION count_open_queue_items() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE queue_counts SET open = open
          + CASE WHEN TG_OP <> 'DELETE' AND NEW.state = 'open' THEN 1 ELSE 0 END
          - CASE WHEN TG_OP <> 'INSERT' AND OLD.state = 'open' THEN 1 ELSE 0 END;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER tg_queue_items_count AFTER INSERT OR UPDATE OF state OR DELETE ON queue_items
      FOR EACH ROW EXECUTE FUNCTION count_open_queue_items()`);

    await db.query(`
      CREATE TABLE flags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL CONSTRAINT fk_flags_post REFERENCES posts (id) ON DELETE CASCADE,
        user_id uuid NOT NULL CONSTRAINT fk_flags_user REFERENCES users (id) ON DELETE CASCADE,
        item_id uuid NOT NULL CONSTRAINT fk_flags_item REFERENCES queue_items (id) ON DELETE CASCADE,
        reason varchar(32) NOT NULL CONSTRAINT ck_flags_reason CHECK (reason IN
          ('spam', 'harassment', 'hate', 'misinformation', 'sexual', 'violence', 'synthetic_media', 'off_topic', 'other')),
        note varchar(500),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT uq_flags_post_user UNIQUE (post_id, user_id)
      )`);
    await db.query(`CREATE INDEX ix_flags_item ON flags (item_id, created_at)`);
    // The daily limit per person.
    await db.query(`CREATE INDEX ix_flags_user_created ON flags (user_id, created_at)`);

    await db.query(`
      CREATE TABLE watched_words (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pattern varchar(100) NOT NULL,
        pattern_key text NOT NULL CONSTRAINT uq_watched_words_key UNIQUE,
        action varchar(16) NOT NULL CONSTRAINT ck_watched_words_action CHECK (action IN ('block', 'review', 'flag')),
        created_by_id uuid CONSTRAINT fk_watched_words_created_by REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // One row: bumped with every change, so each node knows when its compiled matcher is stale.
    await db.query(`
      CREATE TABLE watched_word_revision (
        singleton boolean PRIMARY KEY DEFAULT true CONSTRAINT ck_watched_word_revision_singleton CHECK (singleton),
        revision bigint NOT NULL
      )`);
    await db.query(`INSERT INTO watched_word_revision (singleton, revision) VALUES (true, 0)`);

    // No foreign keys: entries outlive the accounts and posts they name, and a cascade would be a change.
    await db.query(`
      CREATE TABLE moderation_log (
        id bigserial PRIMARY KEY,
        actor_id uuid,
        action varchar(32) NOT NULL,
        target_type varchar(16) NOT NULL
          CONSTRAINT ck_moderation_log_target_type CHECK (target_type IN ('post', 'user', 'debate', 'watched_word')),
        target_id uuid NOT NULL,
        target_owner_id uuid,
        category varchar(32),
        reason varchar(500) NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX ix_moderation_log_action ON moderation_log (action, id)`);
    await db.query(`CREATE INDEX ix_moderation_log_target ON moderation_log (target_id, id)`);
    await db.query(`CREATE INDEX ix_moderation_log_owner ON moderation_log (target_owner_id, action)`);
    await db.query(`CREATE INDEX ix_moderation_log_created ON moderation_log (created_at)`);
    await db.query(`
      CREATE FUNCTION refuse_moderation_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'moderation_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER tg_moderation_log_append_only BEFORE UPDATE OR DELETE ON moderation_log
      FOR EACH ROW EXECUTE FUNCTION refuse_moderation_log_change()`);
    await db.query(`
      CREATE TRIGGER tg_moderation_log_no_truncate BEFORE TRUNCATE ON moderation_log
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_moderation_log_change()`);

    await db.query(`
      CREATE TABLE appeals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        target_type varchar(16) NOT NULL CONSTRAINT ck_appeals_target_type CHECK (target_type IN ('post', 'suspension')),
        target_id uuid NOT NULL,
        decision_id bigint NOT NULL CONSTRAINT fk_appeals_decision REFERENCES moderation_log (id),
        appellant_id uuid NOT NULL CONSTRAINT fk_appeals_appellant REFERENCES users (id) ON DELETE CASCADE,
        message varchar(2000) NOT NULL,
        state varchar(16) NOT NULL DEFAULT 'open'
          CONSTRAINT ck_appeals_state CHECK (state IN ('open', 'upheld', 'reversed')),
        decision_reason varchar(500),
        decided_by_id uuid CONSTRAINT fk_appeals_decided_by REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        decided_at timestamptz(3),
        CONSTRAINT uq_appeals_decision UNIQUE (decision_id)
      )`);
    await db.query(`CREATE INDEX ix_appeals_open ON appeals (created_at, id) WHERE state = 'open'`);
    await db.query(`CREATE INDEX ix_appeals_decided ON appeals (decided_at, id) WHERE state <> 'open'`);
    await db.query(`CREATE INDEX ix_appeals_appellant ON appeals (appellant_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE appeals`);
    await db.query(`DROP TABLE moderation_log`);
    await db.query(`DROP FUNCTION refuse_moderation_log_change()`);
    await db.query(`DROP TABLE watched_word_revision`);
    await db.query(`DROP TABLE watched_words`);
    await db.query(`DROP TABLE flags`);
    await db.query(`DROP TABLE queue_items`);
    await db.query(`DROP FUNCTION count_open_queue_items()`);
    await db.query(`DROP TABLE queue_counts`);
    await db.query(`
      ALTER TABLE posts
        DROP CONSTRAINT ck_posts_label_complete,
        DROP COLUMN status_note,
        DROP COLUMN status_cause,
        DROP COLUMN label_created_at,
        DROP COLUMN label_source_url,
        DROP COLUMN label_note,
        DROP COLUMN label_kind`);
  }
}
