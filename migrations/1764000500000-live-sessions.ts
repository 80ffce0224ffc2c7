import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live sessions: the session with its agenda, timer and spotlight; its polls and their votes (one per person);
 * its Q&A questions and their up-votes (one per person); and who joined, for the report. Votes and up-votes are
 * rows, never counters on the poll or question, so a thousand people voting at once do not queue on one row lock.
 */
export class LiveSessions1764000500000 implements MigrationInterface {
  name = 'LiveSessions1764000500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE live_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(6) NOT NULL,
        title varchar(200) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'scheduled'
          CONSTRAINT ck_live_sessions_status CHECK (status IN ('scheduled', 'live', 'paused', 'ended')),
        organiser_id uuid NOT NULL CONSTRAINT fk_live_sessions_organiser REFERENCES users (id) ON DELETE CASCADE,
        debate_ids uuid[] NOT NULL CONSTRAINT ck_live_sessions_agenda CHECK (cardinality(debate_ids) >= 1),
        current_debate_id uuid CONSTRAINT fk_live_sessions_current REFERENCES debates (id) ON DELETE SET NULL,
        timer_ends_at timestamptz(3),
        timer_remaining_ms int CONSTRAINT ck_live_sessions_timer CHECK (timer_remaining_ms >= 0),
        spotlight_post_id uuid CONSTRAINT fk_live_sessions_spotlight REFERENCES posts (id) ON DELETE SET NULL,
        starts_at timestamptz(3),
        started_at timestamptz(3),
        ended_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // A code names one session among those not ended; an ended session's code may be drawn again.
    await db.query(`CREATE UNIQUE INDEX uq_live_sessions_code_open ON live_sessions (code) WHERE status <> 'ended'`);
    await db.query(`CREATE INDEX ix_live_sessions_code ON live_sessions (code, created_at)`);
    // "My sessions", newest first.
    await db.query(`CREATE INDEX ix_live_sessions_organiser ON live_sessions (organiser_id, created_at, id)`);
    await db.query(`CREATE INDEX ix_live_sessions_created ON live_sessions (created_at, id)`);

    await db.query(`
      CREATE TABLE polls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL CONSTRAINT fk_polls_session REFERENCES live_sessions (id) ON DELETE CASCADE,
        question varchar(300) NOT NULL,
        options jsonb NOT NULL,
        kind varchar(8) NOT NULL CONSTRAINT ck_polls_kind CHECK (kind IN ('pre', 'post', 'quick')),
        paired_poll_id uuid CONSTRAINT fk_polls_paired REFERENCES polls (id) ON DELETE SET NULL,
        state varchar(8) NOT NULL DEFAULT 'draft' CONSTRAINT ck_polls_state CHECK (state IN ('draft', 'open', 'closed')),
        opened_at timestamptz(3),
        closed_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT ck_polls_paired CHECK ((kind = 'post') OR paired_poll_id IS NULL)
      )`);
    await db.query(`CREATE INDEX ix_polls_session ON polls (session_id, created_at, id)`);
    await db.query(`
      CREATE TABLE poll_votes (
        poll_id uuid NOT NULL CONSTRAINT fk_poll_votes_poll REFERENCES polls (id) ON DELETE CASCADE,
        user_id uuid NOT NULL CONSTRAINT fk_poll_votes_user REFERENCES users (id) ON DELETE CASCADE,
        option_index smallint NOT NULL CONSTRAINT ck_poll_votes_option CHECK (option_index BETWEEN 0 AND 9),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT pk_poll_votes PRIMARY KEY (poll_id, user_id)
      )`);

    await db.query(`
      CREATE TABLE questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL CONSTRAINT fk_questions_session REFERENCES live_sessions (id) ON DELETE CASCADE,
        author_id uuid NOT NULL CONSTRAINT fk_questions_author REFERENCES users (id) ON DELETE CASCADE,
        body varchar(500) NOT NULL,
        state varchar(8) NOT NULL DEFAULT 'open'
          CONSTRAINT ck_questions_state CHECK (state IN ('open', 'answered', 'hidden')),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX ix_questions_session ON questions (session_id, created_at, id)`);
    await db.query(`
      CREATE TABLE question_upvotes (
        question_id uuid NOT NULL CONSTRAINT fk_question_upvotes_question REFERENCES questions (id) ON DELETE CASCADE,
        user_id uuid NOT NULL CONSTRAINT fk_question_upvotes_user REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT pk_question_upvotes PRIMARY KEY (question_id, user_id)
      )`);

    await db.query(`
      CREATE TABLE session_attendees (
        session_id uuid NOT NULL CONSTRAINT fk_session_attendees_session REFERENCES live_sessions (id) ON DELETE CASCADE,
        user_id uuid NOT NULL CONSTRAINT fk_session_attendees_user REFERENCES users (id) ON DELETE CASCADE,
        joined_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT pk_session_attendees PRIMARY KEY (session_id, user_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE session_attendees`);
    await db.query(`DROP TABLE question_upvotes`);
    await db.query(`DROP TABLE questions`);
    await db.query(`DROP TABLE poll_votes`);
    await db.query(`DROP TABLE polls`);
    await db.query(`DROP TABLE live_sessions`);
  }
}
