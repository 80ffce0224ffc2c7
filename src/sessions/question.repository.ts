import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { QuestionState } from './dto/question.dto';
import type { SessionStatus } from './session-rules';

export interface QuestionRow {
  id: string;
  sessionId: string;
  authorId: string;
  authorDisplayName: string;
  body: string;
  state: QuestionState;
  upvotes: number;
  myUpvote: boolean;
  createdAt: Date;
}

export interface UpvoteOutcome {
  state: QuestionState;
  sessionStatus: SessionStatus;
  organiserId: string;
  changed: boolean;
}

const SELECT = `SELECT q.id, q.session_id AS "sessionId", q.author_id AS "authorId",
    a.display_name AS "authorDisplayName", q.body, q.state, q.created_at AS "createdAt",
    (SELECT count(*)::int FROM question_upvotes u WHERE u.question_id = q.id) AS upvotes,
    EXISTS (SELECT 1 FROM question_upvotes m WHERE m.question_id = q.id AND m.user_id = $2) AS "myUpvote"
  FROM questions q JOIN users a ON a.id = q.author_id`;

/**
 * Every SQL statement about Q&A questions and their up-votes. Up-votes are rows counted on read, so a thousand
 * people up-voting one question do not queue on its row. Writes take the caller's transaction.
 */
@Injectable()
export class QuestionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, row: Pick<QuestionRow, 'sessionId' | 'authorId' | 'body'>): Promise<string> {
    const [{ id }]: { id: string }[] = await tx.query(
      `INSERT INTO questions (session_id, author_id, body) VALUES ($1, $2, $3) RETURNING id`,
      [row.sessionId, row.authorId, row.body],
    );
    return id;
  }

  /** The question as `readerId` sees it (their own up-vote), in the caller's transaction if given. */
  async find(
    id: string,
    readerId: string | null,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<QuestionRow | null> {
    const rows: QuestionRow[] = await tx.query(`${SELECT} WHERE q.id = $1`, [id, readerId]);
    return rows[0] ?? null;
  }

  /** Locks the question row (a change of state), and answers its session. */
  async lock(tx: EntityManager, id: string): Promise<{ sessionId: string; state: QuestionState } | null> {
    const rows: { sessionId: string; state: QuestionState }[] = await tx.query(
      `SELECT session_id AS "sessionId", state FROM questions WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The current state of each of these questions that exists. */
  async states(ids: string[]): Promise<Map<string, QuestionState>> {
    const rows: { id: string; state: QuestionState }[] = await this.dataSource.query(
      `SELECT id, state FROM questions WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.state]));
  }

  async sessionOf(id: string): Promise<string | null> {
    const rows: { session_id: string }[] = await this.dataSource.query(
      `SELECT session_id FROM questions WHERE id = $1`,
      [id],
    );
    return rows[0]?.session_id ?? null;
  }

  async setState(tx: EntityManager, id: string, state: QuestionState): Promise<void> {
    await tx.query(`UPDATE questions SET state = $2 WHERE id = $1`, [id, state]);
  }

  /**
   * Adds (`up`) or withdraws one person's up-vote, in one statement (the hot path, like a poll vote): it takes the
   * session's share lock, so ending the session waits for it, and changes nothing on a hidden question or in an ended
   * session. Answers what it found (null when there is no such question) and whether anything changed.
   */
  async setUpvote(questionId: string, userId: string, up: boolean): Promise<UpvoteOutcome | null> {
    const rows: UpvoteOutcome[] = await this.dataSource.query(
      `WITH target AS (
         SELECT q.id, q.state, s.status AS "sessionStatus", s.organiser_id AS "organiserId"
         FROM questions q JOIN live_sessions s ON s.id = q.session_id WHERE q.id = $1 FOR SHARE OF s
       ), allowed AS (
         SELECT id FROM target WHERE state <> 'hidden' AND "sessionStatus" <> 'ended'
       ), added AS (
         INSERT INTO question_upvotes (question_id, user_id) SELECT id, $2 FROM allowed WHERE $3
         ON CONFLICT DO NOTHING RETURNING 1
       ), withdrawn AS (
         DELETE FROM question_upvotes WHERE NOT $3 AND user_id = $2 AND question_id IN (SELECT id FROM allowed)
         RETURNING 1
       )
       SELECT target.*, EXISTS (SELECT 1 FROM added) OR EXISTS (SELECT 1 FROM withdrawn) AS changed FROM target`,
      [questionId, userId, up],
    );
    return rows[0] ?? null;
  }

  async upvotes(id: string, tx: EntityManager = this.dataSource.manager): Promise<number> {
    const [{ count }]: { count: number }[] = await tx.query(
      `SELECT count(*)::int AS count FROM question_upvotes WHERE question_id = $1`,
      [id],
    );
    return count;
  }

  /** Every question of a session (hidden ones only when asked for), with up-votes; ordered by the caller. */
  listForSession(sessionId: string, readerId: string | null, withHidden: boolean): Promise<QuestionRow[]> {
    return this.dataSource.query(`${SELECT} WHERE q.session_id = $1 AND ($3 OR q.state <> 'hidden')`, [
      sessionId,
      readerId,
      withHidden,
    ]);
  }

  /** Everyone who up-voted a question of this session (the report counts them as taking part). */
  async upvoterIds(sessionId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT u.user_id FROM question_upvotes u JOIN questions q ON q.id = u.question_id
       WHERE q.session_id = $1`,
      [sessionId],
    );
    return rows.map((row) => row.user_id);
  }
}
