import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PollKind, PollState } from './dto/poll.dto';

export interface PollRow {
  id: string;
  sessionId: string;
  question: string;
  options: string[];
  kind: PollKind;
  pairedPollId: string | null;
  state: PollState;
  openedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
}

export interface CastVote {
  poll: PollRow;
  /** false when the poll was not open or the option does not exist. */
  cast: boolean;
  /** Option index → votes, this vote included. */
  counts: Map<number, number>;
}

export interface PollVoteRow {
  pollId: string;
  userId: string;
  optionIndex: number;
}

const COLUMNS = `id, session_id AS "sessionId", question, options, kind, paired_poll_id AS "pairedPollId", state,
  opened_at AS "openedAt", closed_at AS "closedAt", created_at AS "createdAt"`;

/** Every SQL statement about polls and their votes. Writes take the caller's transaction. */
@Injectable()
export class PollRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    tx: EntityManager,
    row: Pick<PollRow, 'sessionId' | 'question' | 'options' | 'kind' | 'pairedPollId'>,
  ): Promise<PollRow> {
    const rows: PollRow[] = await tx.query(
      `INSERT INTO polls (session_id, question, options, kind, paired_poll_id) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${COLUMNS}`,
      [row.sessionId, row.question, JSON.stringify(row.options), row.kind, row.pairedPollId],
    );
    return rows[0];
  }

  async find(id: string, tx: EntityManager = this.dataSource.manager): Promise<PollRow | null> {
    const rows: PollRow[] = await tx.query(`SELECT ${COLUMNS} FROM polls WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /**
   * The poll, locked. Votes take `share` (they run side by side); opening and closing take `update`, so a close
   * waits for the votes in flight and its counts are final.
   */
  async lock(tx: EntityManager, id: string, mode: 'update' | 'share'): Promise<PollRow | null> {
    const rows: PollRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM polls WHERE id = $1 FOR ${mode === 'update' ? 'UPDATE' : 'SHARE'}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The session's open polls, locked for closing. */
  lockOpen(tx: EntityManager, sessionId: string): Promise<PollRow[]> {
    return tx.query(
      `SELECT ${COLUMNS} FROM polls WHERE session_id = $1 AND state = 'open' ORDER BY created_at, id FOR UPDATE`,
      [sessionId],
    );
  }

  async setState(tx: EntityManager, id: string, state: 'open' | 'closed'): Promise<PollRow> {
    const column = state === 'open' ? 'opened_at' : 'closed_at';
    const [rows]: [PollRow[], number] = await tx.query(
      `UPDATE polls SET state = $2, ${column} = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, state],
    );
    return rows[0];
  }

  /** A session's polls, oldest first; drafts only when asked for. */
  /**
   * One keyset page of the session's polls, oldest first, after `after` (created_at, id). A draft that opens during
   * a walk sorts where it was made, so it never shifts what the walk has yet to give.
   */
  page(sessionId: string, withDrafts: boolean, after: [string, string] | null, limit: number): Promise<PollRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM polls WHERE session_id = $1 AND ($2 OR state <> 'draft')
         AND ($3::timestamptz IS NULL OR (created_at, id) > ($3::timestamptz, $4::uuid))
       ORDER BY created_at, id LIMIT $5`,
      [sessionId, withDrafts, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  listForSession(sessionId: string, withDrafts: boolean): Promise<PollRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM polls WHERE session_id = $1 AND ($2 OR state <> 'draft') ORDER BY created_at, id`,
      [sessionId, withDrafts],
    );
  }

  /**
   * One vote per person (a second one moves it), in one statement: votes are the hot path of a live session, and a
   * single round trip holds a pooled connection shortest. It takes the poll's share lock, so a close waits for it
   * and a vote after a close sees the poll closed; it records the vote only while the poll is open and the option
   * exists. Answers the poll (null when there is none), whether the vote was recorded, and the counts with it.
   */
  async castVote(pollId: string, userId: string, optionIndex: number): Promise<CastVote | null> {
    const rows: (PollRow & { previous: number | null; recorded: boolean; tallies: [number, number][] })[] =
      await this.dataSource.query(
        `WITH target AS (
           SELECT ${COLUMNS} FROM polls WHERE id = $1 FOR SHARE
         ), cast_vote AS (
           INSERT INTO poll_votes (poll_id, user_id, option_index)
           SELECT id, $2, $3::int FROM target WHERE state = 'open' AND $3::int < jsonb_array_length(options)
           ON CONFLICT (poll_id, user_id) DO UPDATE SET option_index = EXCLUDED.option_index, updated_at = now()
           RETURNING option_index
         )
         SELECT target.*,
           (SELECT option_index FROM poll_votes WHERE poll_id = $1 AND user_id = $2) AS previous,
           EXISTS (SELECT 1 FROM cast_vote) AS recorded,
           coalesce((SELECT json_agg(json_build_array(option_index, n)) FROM (
             SELECT option_index, count(*)::int AS n FROM poll_votes WHERE poll_id = $1 GROUP BY option_index
           ) tallies), '[]') AS tallies
         FROM target`,
        [pollId, userId, optionIndex],
      );
    if (rows.length === 0) return null;
    const { previous, recorded, tallies, ...poll } = rows[0];
    // The statement's reads see the votes as they were before its own insert: add this vote, take back the one it moved.
    const counts = new Map(tallies);
    if (recorded) {
      if (previous !== null) counts.set(previous, (counts.get(previous) ?? 0) - 1);
      counts.set(optionIndex, (counts.get(optionIndex) ?? 0) + 1);
    }
    return { poll, cast: recorded, counts };
  }

  /** Votes per option of each poll, as poll id → option index → count. */
  async counts(
    pollIds: string[],
    tx: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, Map<number, number>>> {
    const rows: { poll_id: string; option_index: number; count: number }[] = await tx.query(
      `SELECT poll_id, option_index, count(*)::int AS count FROM poll_votes
       WHERE poll_id = ANY($1::uuid[]) GROUP BY poll_id, option_index`,
      [pollIds],
    );
    const counts = new Map<string, Map<number, number>>();
    for (const row of rows) {
      if (!counts.has(row.poll_id)) counts.set(row.poll_id, new Map());
      counts.get(row.poll_id)!.set(row.option_index, row.count);
    }
    return counts;
  }

  /** This person's vote in each of these polls that they answered. */
  async votesOf(userId: string, pollIds: string[]): Promise<Map<string, number>> {
    const rows: { poll_id: string; option_index: number }[] = await this.dataSource.query(
      `SELECT poll_id, option_index FROM poll_votes WHERE user_id = $1 AND poll_id = ANY($2::uuid[])`,
      [userId, pollIds],
    );
    return new Map(rows.map((row) => [row.poll_id, row.option_index]));
  }

  /** Every vote in these polls (the report's opinion shift compares people's answers). */
  allVotes(pollIds: string[]): Promise<PollVoteRow[]> {
    return this.dataSource.query(
      `SELECT poll_id AS "pollId", user_id AS "userId", option_index AS "optionIndex" FROM poll_votes
       WHERE poll_id = ANY($1::uuid[])`,
      [pollIds],
    );
  }
}
