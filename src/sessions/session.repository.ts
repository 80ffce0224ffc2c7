import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CursorValue } from '../common/pagination/cursor';
import { SessionStatus, TimerState } from './session-rules';

export interface SessionRow {
  id: string;
  code: string;
  title: string;
  status: SessionStatus;
  organiserId: string;
  debateIds: string[];
  currentDebateId: string | null;
  timerEndsAt: Date | null;
  timerRemainingMs: number | null;
  spotlightPostId: string | null;
  startsAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  createdAt: Date;
}

const COLUMNS = `id, code, title, status, organiser_id AS "organiserId", debate_ids::text[] AS "debateIds",
  current_debate_id AS "currentDebateId", timer_ends_at AS "timerEndsAt", timer_remaining_ms AS "timerRemainingMs",
  spotlight_post_id AS "spotlightPostId", starts_at AS "startsAt", started_at AS "startedAt", ended_at AS "endedAt",
  created_at AS "createdAt"`;

/** What a change may set; every other column stays. */
export type SessionChanges = Partial<
  Pick<SessionRow, 'status' | 'currentDebateId' | 'spotlightPostId' | 'startedAt' | 'endedAt'> & TimerState
>;

const CHANGEABLE: Record<keyof SessionChanges, string> = {
  status: 'status',
  currentDebateId: 'current_debate_id',
  spotlightPostId: 'spotlight_post_id',
  startedAt: 'started_at',
  endedAt: 'ended_at',
  timerEndsAt: 'timer_ends_at',
  timerRemainingMs: 'timer_remaining_ms',
};

/** Every SQL statement about sessions themselves and who joined them. Writes take the caller's transaction. */
@Injectable()
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts a session; null when the code is already taken by a session not ended (draw another). */
  async insert(
    row: Pick<SessionRow, 'code' | 'title' | 'organiserId' | 'debateIds' | 'startsAt'>,
  ): Promise<SessionRow | null> {
    const rows: SessionRow[] = await this.dataSource.query(
      `INSERT INTO live_sessions (code, title, organiser_id, debate_ids, current_debate_id, starts_at)
       VALUES ($1, $2, $3, $4::uuid[], $5, $6)
       ON CONFLICT (code) WHERE status <> 'ended' DO NOTHING
       RETURNING ${COLUMNS}`,
      [row.code, row.title, row.organiserId, row.debateIds, row.debateIds[0], row.startsAt],
    );
    return rows[0] ?? null;
  }

  async find(id: string, tx: EntityManager = this.dataSource.manager): Promise<SessionRow | null> {
    const rows: SessionRow[] = await tx.query(`SELECT ${COLUMNS} FROM live_sessions WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The session a code names: the one not ended, else the latest that had it. */
  async findByCode(code: string): Promise<SessionRow | null> {
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM live_sessions WHERE code = $1
       ORDER BY (status <> 'ended') DESC, created_at DESC LIMIT 1`,
      [code],
    );
    return rows[0] ?? null;
  }

  /**
   * The session, locked: `update` for the organiser's changes, `share` for participants' writes (questions), which
   * may run side by side but not beside a change of status.
   */
  async lock(tx: EntityManager, id: string, mode: 'update' | 'share'): Promise<SessionRow | null> {
    const rows: SessionRow[] = await tx.query(
      `SELECT ${COLUMNS} FROM live_sessions WHERE id = $1 FOR ${mode === 'update' ? 'UPDATE' : 'SHARE'}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async update(tx: EntityManager, id: string, changes: SessionChanges): Promise<SessionRow> {
    const entries = Object.entries(changes) as [keyof SessionChanges, unknown][];
    const sets = entries.map(([key], i) => `${CHANGEABLE[key]} = $${i + 2}`);
    // An UPDATE answers [rows, affected count] through TypeORM's query().
    const [rows]: [SessionRow[], number] = await tx.query(
      `UPDATE live_sessions SET ${sets.join(', ')} WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, ...entries.map(([, value]) => value)],
    );
    return rows[0];
  }

  /** A page of sessions, newest first, of one organiser or (null) of everyone. */
  list(organiserId: string | null, after: CursorValue[] | null, limit: number): Promise<SessionRow[]> {
    const params: unknown[] = [organiserId, limit];
    let keyset = '';
    if (after) {
      params.push(...after);
      keyset = 'AND (created_at, id) < ($3, $4)';
    }
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM live_sessions
       WHERE ($1::uuid IS NULL OR organiser_id = $1) ${keyset}
       ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
  }

  async recordAttendee(sessionId: string, userId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO session_attendees (session_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [sessionId, userId],
    );
  }

  async attendeeIds(sessionId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      `SELECT user_id FROM session_attendees WHERE session_id = $1`,
      [sessionId],
    );
    return rows.map((row) => row.user_id);
  }
}
